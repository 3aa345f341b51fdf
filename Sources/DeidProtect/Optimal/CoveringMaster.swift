import CGLPK

/// The master problem of exact complementary suppression: which cells to hide, as a 0–1 integer program
/// `minimise Σ cost_j·x_j` subject to rows `Σ a_j·x_j ≥ b` that grow as the attacker subproblems find patterns
/// too weak (`OptimalSuppression`). Cells hidden before protection are fixed at 1, cells that may not be hidden
/// at 0.
///
/// GLPK's branch and cut solves it from scratch each time rows were added; its presolver removes the fixed
/// columns. A budget of work (simplex pivots times the rows' non-zeros), not a time limit, ends a search that
/// runs too long, so the outcome does not depend on the machine's speed. Not thread-safe: created, used and
/// destroyed on one thread.
final class CoveringMaster {
    private let problem: OpaquePointer
    let columnCount: Int
    private(set) var rowCount = 0
    /// Non-zero coefficients in all rows: what a pivot's cost grows with (`solve`).
    private(set) var nonZeros = 0

    /// `fixed[j]`: true for a cell that is hidden whatever the master decides, false for one that may not be.
    init(costs: [Double], fixed: [Bool?]) throws(ProtectError) {
        precondition(costs.count == fixed.count && !costs.isEmpty, "a master problem needs columns")
        guard costs.count < Int(Int32.max), let problem = glp_create_prob() else {
            throw .solverFailed(detail: "could not create a master problem of \(costs.count) cells")
        }
        self.problem = problem
        columnCount = costs.count
        _ = glp_term_out(GLP_OFF)
        glp_set_obj_dir(problem, GLP_MIN)
        glp_add_cols(problem, Int32(costs.count))
        for j in costs.indices {
            let column = Int32(j + 1)
            glp_set_col_kind(problem, column, GLP_BV)
            if let value = fixed[j] { glp_set_col_bnds(problem, column, GLP_FX, value ? 1 : 0, value ? 1 : 0) }
            glp_set_obj_coef(problem, column, costs[j])
        }
    }

    deinit { glp_delete_prob(problem) }

    /// Adds `Σ coefficient·x[column] ≥ atLeast`. Terms must name distinct columns (GLPK aborts otherwise).
    func add(_ terms: [(column: Int, coefficient: Double)], atLeast: Double) {
        let kept = terms.filter { $0.coefficient != 0 }
        precondition(Set(kept.map(\.column)).count == kept.count, "a duplicate column in a row aborts GLPK")
        precondition(kept.allSatisfy { $0.column >= 0 && $0.column < columnCount }, "column outside the master")
        let row = glp_add_rows(problem, 1)
        // 1-based arrays: element 0 is ignored.
        let indices = [Int32(0)] + kept.map { Int32($0.column + 1) }
        let values = [0.0] + kept.map(\.coefficient)
        glp_set_mat_row(problem, row, Int32(kept.count), indices, values)
        glp_set_row_bnds(problem, row, GLP_LO, atLeast, 0)
        rowCount += 1
        nonZeros += kept.count
    }

    enum Outcome: Equatable {
        case optimal([Bool])
        /// No pattern satisfies the rows: the cells that may be hidden cannot protect the component.
        case infeasible
        /// Branch and bound used up its work budget.
        case stopped
    }

    /// Solves the current rows to optimality (relative gap 0), or stops once the search has spent more work than
    /// `budget` allows; what it spent is subtracted from the budget either way.
    ///
    /// Work is simplex pivots times the non-zero coefficients of the rows, the pivots as GLPK counts them in the
    /// copy it solves. That count starts from the master's own, which holds the pivots of earlier solves' LP
    /// relaxations (`glp_intopt` carries it over), so a solve late in a long search weighs more than its own
    /// pivots. Counting this solve's pivots alone, the same budget would let a long search run several times as
    /// long, since late solves cost more than their own pivots show.
    ///
    /// Master time per unit of work varies far less across masters of different sizes than time per pivot-row
    /// or per node does. Nodes were the budget before, and the time the same node count allowed differed by
    /// more than an order of magnitude between tables. Branching on the most fractional column keeps the time in
    /// the pivots: GLPK's default (Driebeck–Tomlin) evaluates a tableau row per fractional column at every node,
    /// which took a large share of such a search. Node preprocessing runs at the root only: on every node it cost
    /// more time for the same optimum (measurements: Benchmarks/README.md, "Design measurements").
    func solve(budget: inout Int) throws(ProtectError) -> Outcome {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        parameters.mip_gap = 0
        parameters.cov_cuts = GLP_ON
        parameters.clq_cuts = GLP_ON
        parameters.br_tech = GLP_BR_MFV
        parameters.pp_tech = GLP_PP_ROOT
        parameters.tm_lim = Int32(clamping: Self.timeLimitMilliseconds)
        var meter = WorkMeter(limit: max(budget, 0), nonZeros: max(nonZeros, 1))
        let code = withUnsafeMutablePointer(to: &meter) { pointer in
            parameters.cb_func = meterWorkAndStop
            parameters.cb_info = UnsafeMutableRawPointer(pointer)
            return glp_intopt(problem, &parameters)
        }
        budget -= meter.spent
        switch code {
        case 0: break
        case GLP_ESTOP, GLP_ETMLIM: return .stopped
        case GLP_ENOPFS: return .infeasible
        default: throw .solverFailed(detail: "branch and bound stopped with GLPK code \(code)")
        }
        switch glp_mip_status(problem) {
        case GLP_OPT: return .optimal((0..<columnCount).map { glp_mip_col_val(problem, Int32($0 + 1)) > 0.5 })
        case GLP_NOFEAS: return .infeasible
        default: return .stopped
        }
    }

    /// Only a guard against a pathological search; the work budget is what normally ends one.
    static let timeLimitMilliseconds = 60_000
}

/// What the master's branch-and-bound callback reads and writes: how much work one solve may spend, and how
/// much it has spent.
private struct WorkMeter {
    let limit: Int
    let nonZeros: Int
    var pivots = 0
    var spent: Int { pivots.multipliedReportingOverflow(by: nonZeros).partialValue }
}

/// Reads the pivot count of the problem branch and bound is solving (the presolved copy, new for every solve,
/// whose count starts from the master's: see `CoveringMaster.solve`) and ends the search once the work exceeds
/// the limit. Called at every step of the search, so it stops within one node's work of the limit.
private func meterWorkAndStop(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info, let solved = glp_ios_get_prob(tree) else { return }
    let meter = info.assumingMemoryBound(to: WorkMeter.self)
    meter.pointee.pivots = Int(glp_get_it_cnt(solved))
    if meter.pointee.spent > meter.pointee.limit { glp_ios_terminate(tree) }
}
