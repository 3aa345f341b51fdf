import DeidSupport
import DeidDescription
import DeidModel

/// Exact complementary suppression for a small component: the cheapest pattern (by `SuppressionCosts`) under
/// which the linear relaxation of the attacker's problem gives every hidden cell the width it needs, found by
/// Benders decomposition — the approach of Fischetti and Salazar-González's optimal cell suppression, with the
/// DDG's width requirement instead of separate upper and lower protection levels.
///
/// A 0–1 master problem (`CoveringMaster`) proposes a pattern; the attacker subproblem (`WidthOracle`) measures
/// every hidden cell's interval under it; each cell that is too narrow adds a cut every acceptable pattern
/// satisfies and this one does not. When no cell is too narrow the master's pattern is optimal among those
/// the cuts allow. DDG Ed. 2.0 rule 6 is part of the master as linear rows, so the optimum already satisfies it.
///
/// What this proves is the linear relaxation; the exact audit over whole numbers still runs afterwards, and the
/// audit-and-repair loop widens what it finds. A component above `maximumCells`, or a search that exceeds its
/// work budget (simplex pivots × non-zeros), returns nil and is protected by the greedy first pass instead. The
/// budgets are counts, so the same input gives the same release on every machine; only the master's time limit
/// (`CoveringMaster.timeLimitMilliseconds`) is a time, a guard far above what the work budget allows.
public enum OptimalSuppression {
    /// Components with more non-zero cells are left to the greedy first pass: the master problem of a larger
    /// one (a year of benchmark table (b), say) would take far longer than the greedy's whole run (measurements:
    /// Benchmarks/README.md, "Design measurements").
    public static let maximumCells = 600
    static let maximumIterations = 150
    /// Work (simplex pivots × the master's non-zeros, see `CoveringMaster.solve`) all master solves of one
    /// component may spend together: seconds of master time, not minutes. It is far above what benchmark table
    /// (a)'s components need (`DEID_TRACE=1` prints the work spent), lets the exact search solve nearly every
    /// generated component that a much larger budget solves, and ends a search that gives up within seconds,
    /// where the former budget, in nodes, let one run for minutes (measurements: Benchmarks/README.md, "Design
    /// measurements").
    static let workBudget = 4_000_000_000

    struct Outcome {
        /// Cells the pattern hides beyond those already hidden.
        var hidden: [Int]
        var iterations: Int
    }

    static func protect(
        component: Int, shared: GreedySuppression.Shared, policy: Policy, pattern: Pattern,
        maximumCells: Int = maximumCells, workBudget: Int = workBudget
    ) throws(ProtectError) -> Outcome? {
        let system = shared.system
        let costs = shared.costs
        let componentCells = shared.components.cells[component]
        guard componentCells.count(where: { system.values[Int($0)] > 0 }) <= maximumCells else { return nil }
        let oracle = try WidthOracle(
            system: system, cells: componentCells, relations: shared.components.relations[component])
        let cells = oracle.cells
        let fixed: [Bool?] = cells.map { cell in
            pattern.isHidden(cell) ? true : (costs.eligible[cell] ? nil : false)
        }
        // Equal costs are common (equal counts); a tiny premium growing with the cell's place in the table makes
        // the optimum unique, preferring earlier cells as the greedy order does. It sums to less than 0.01, below
        // any real difference in cost (counts are whole numbers, margins multiply them by the cost factor).
        let premium = 0.01 / Double(max(cells.count, 1) * max(cells.count, 1))
        let master = try CoveringMaster(
            costs: cells.indices.map { fixed[$0] == nil ? costs.cost[cells[$0]] + premium * Double($0) : 0 },
            fixed: fixed)
        let standard = Standard(policy: policy)
        // Cells hidden before protection whose interval the audit checks; the master's own choices always are.
        let audited = cells.indices.map { fixed[$0] == true && pattern.isAudited(cells[$0], policy: policy) }
        for c in cells.indices where audited[c] { addRelationCuts(for: c, oracle, master, shared, standard) }
        if let rule = policy.complementary.rule6 {
            let relations = shared.components.relations[component].map(Int.init)
            addRule6Rows(rule, relations, oracle, master, system, fixed, pattern)
        }

        var seen = Set<[Bool]>()
        var budget = workBudget
        for iteration in 1...maximumIterations {
            let solved = try StageTrace.measure("component \(component) master \(iteration) (\(master.rowCount) rows)") {
                () throws(ProtectError) in try master.solve(budget: &budget)
            }
            guard case .optimal(let x) = solved, seen.insert(x).inserted else {
                StageTrace.note("component \(component): exact search gave up at iteration \(iteration), work \(workBudget - budget)")
                return nil
            }
            oracle.apply(hidden: x)
            var cuts = 0
            for c in cells.indices where x[c] && (fixed[c] == nil || audited[c]) {
                let reach = try oracle.reach(of: c)
                let required = standard.requiredWidth(value: system.values[cells[c]], lowest: reach.down)
                guard reach.width < Double(required) - 1e-6 else { continue }
                var terms = reach.coefficients.map { (column: $0.column, coefficient: min($0.coefficient, Double(required))) }
                if fixed[c] == nil {
                    // A cell the master chose needs the width only when it is hidden: Σ g·x ≥ required·x_c.
                    if let k = terms.firstIndex(where: { $0.column == c }) {
                        terms[k].coefficient -= Double(required)
                    } else {
                        terms.append((column: c, coefficient: -Double(required)))
                    }
                    master.add(terms, atLeast: 0)
                } else {
                    master.add(terms, atLeast: Double(required))
                }
                cuts += 1
            }
            StageTrace.note("component \(component) iteration \(iteration): \(cuts) cuts, work \(workBudget - budget) so far")
            if cuts == 0 {
                return Outcome(hidden: cells.indices.filter { x[$0] && fixed[$0] == nil }.map { cells[$0] },
                               iterations: iteration)
            }
        }
        return nil
    }

    /// The widths the audit asks for, in the terms of the relaxation.
    struct Standard {
        let width: Int
        let smallMax: Int
        init(policy: Policy) {
            width = policy.audit.minIntervalWidth
            smallMax = policy.numerator.minimum - 1
        }

        /// A cell that could be small (a primary, or a cell whose interval reaches into 1…smallMax) needs the
        /// policy's width; any other hidden cell only must not be exact.
        func requiredWidth(value: Int, lowest down: Double) -> Int {
            let couldBeSmall = value <= smallMax || Double(value) - down <= Double(smallMax) + 1e-6
            return couldBeSmall ? width : 1
        }
    }

    /// Cuts that need no subproblem, one per relation of a hidden cell: some other cell of the relation must be
    /// hidden, and when the cell is a part of it, the other hidden cells must make room for the rest of its width.
    /// Moving the cell up by u is matched by its total rising (without limit) or its sibling parts falling (by
    /// value − 1 each at most); its own fall is at most its value − 1.
    private static func addRelationCuts(
        for c: Int, _ oracle: WidthOracle, _ master: CoveringMaster, _ shared: GreedySuppression.Shared,
        _ standard: Standard
    ) {
        let system = shared.system
        let cell = oracle.cells[c]
        let value = system.values[cell]
        for r in shared.membership[cell].map(Int.init) {
            let relation = system.relations[r]
            let others = relation.cells.filter { $0 != cell }.compactMap(oracle.column(of:))
            guard !others.isEmpty else { continue }
            master.add(others.map { (column: $0, coefficient: 1) }, atLeast: 1)
            let rest = Double(standard.width - (value - 1))
            guard relation.total != cell, value <= standard.smallMax, rest > 1 else { continue }
            let terms = others.map { j in
                let other = oracle.cells[j]
                let room = other == relation.total ? rest : min(rest, Double(system.values[other] - 1))
                return (column: j, coefficient: room)
            }
            master.add(terms, atLeast: rest)
        }
    }

    /// DDG Ed. 2.0 rule 6 as rows: in every relation, if any cell is hidden, the hidden values must sum to at
    /// least `sumBelow` and at least one of them must exceed `allAtMost`. Where even hiding every non-zero cell
    /// cannot satisfy it, the greedy rule hides them all, and so does the row written here.
    private static func addRule6Rows(
        _ rule: Rule6, _ relations: [Int], _ oracle: WidthOracle, _ master: CoveringMaster, _ system: CellSystem,
        _ fixed: [Bool?], _ pattern: Pattern
    ) {
        for r in relations {
            let relation = system.relations[r]
            // Cells withheld for rounded percentages are not suppressed values in the rule's sense.
            let members = relation.cells.compactMap(oracle.column(of:))
                .filter { fixed[$0] != false && pattern.reasons[oracle.cells[$0]] != .percentagesOnly }
            guard members.count > 1 else { continue }
            let values = members.map { Double(system.values[oracle.cells[$0]]) }
            let large = members.filter { system.values[oracle.cells[$0]] > rule.allAtMost }
            let satisfiable = values.reduce(0, +) >= Double(rule.sumBelow) && !large.isEmpty
            for i in members {
                if satisfiable {
                    var sum = zip(members, values).map { (column: $0, coefficient: $1) }
                    if let k = sum.firstIndex(where: { $0.column == i }) { sum[k].coefficient -= Double(rule.sumBelow) }
                    master.add(sum, atLeast: 0)
                    var tiny = large.map { (column: $0, coefficient: 1.0) }
                    if let k = tiny.firstIndex(where: { $0.column == i }) {
                        tiny[k].coefficient -= 1
                    } else {
                        tiny.append((column: i, coefficient: -1))
                    }
                    master.add(tiny, atLeast: 0)
                } else {
                    var all = members.map { (column: $0, coefficient: 1.0) }
                    if let k = all.firstIndex(where: { $0.column == i }) { all[k].coefficient -= Double(members.count) }
                    master.add(all, atLeast: 0)
                }
            }
        }
    }
}
