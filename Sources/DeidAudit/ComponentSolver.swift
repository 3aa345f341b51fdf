import DeidSupport
import DeidSolver

/// The integer interval of every cell of one component, and what it cost to get.
struct ComponentOutcome: Sendable {
    var lower: [Int]
    var upper: [Int?]
    /// False where a rounded LP bound stayed in place (`AuditPrecision.verdict`, or a budgeted integer program
    /// that ran out) because the cell's verdict was already certain.
    var exact: [Bool]
    var linearPrograms = 0
    var integerPrograms = 0
    /// Integer programs whose bound lies strictly inside the rounded LP bound.
    var integerTightened = 0
}

/// What the component solver needs from the problem besides the component itself.
struct SolveSettings: Sendable {
    var smallMax: Int
    var minIntervalWidth: Int
    var precision: AuditPrecision = .exact
    /// Whether witnessed integer points may stand in for solves. Always true in the audit; tests turn it off
    /// to check that skipping never changes a result and to drive every extreme through the solvers.
    var skipsAttainedBounds = true
    /// Subproblems an integer program may open for a cell whose verdict is already certain; used up, the cell
    /// keeps its rounded LP bound, marked not exact (an outer bound: the attacker's interval lies inside it).
    /// Far more than the benchmark tables' integer programs open, yet it stops one on a dense 4-D table before
    /// the integer time limit (`GLPKModel.integerTimeLimitMilliseconds`) would fail the audit (measurements:
    /// Benchmarks/README.md, "Design measurements"). Tests lower it.
    var certainVerdictNodeBudget = 2_000
    /// Subproblems all such integer programs of one component solver may open together: the per-program budget
    /// alone bounds nothing when hundreds of cells need one. It lies above what the densest random 4-D tables
    /// and the benchmark tables need, so it changes none of their reports, and it bounds the time a larger
    /// component can spend on such cells to seconds per solver (measurements: Benchmarks/README.md, "Design
    /// measurements"). Tests lower it.
    var certainVerdictNodePool = 30_000
    /// Components of at least this many hidden cells skip the solves of a cell that verified moves of the
    /// problem's hints already prove protected (its interval stays the outer bound, marked not exact): with
    /// tens of thousands of hidden cells in one component, two linear programs per cell over all of them are
    /// what makes the audit slow. Below it, every interval is solved exactly. Set from
    /// `AuditProblem.hintsSettleFrom`.
    var witnessesSettleFrom = Int.max
}

/// Computes min and max of each column of a component over its integer points.
///
/// Phase 1, for each column and direction: solve the LP relaxation (warm-started). If the optimal vertex is
/// integral in every column, it is an integer point attaining the LP bound, so the LP bound is the integer
/// bound. Every integral solution seen is a feasible completion, so it is remembered per column ("witnessed"
/// minima and maxima): when a witness already sits on a proven bound, the extreme is known without a solve.
/// When the vertex is fractional, a dive from it looks for an integer point on the rounded bound right away.
///
/// Phase 2 (ComponentSolver+Integer.swift) settles the extremes whose vertex was fractional and whose dive
/// found nothing.
struct ComponentSolver {
    /// Solver values closer than this to an integer are taken as that integer (GLPK's own feasibility
    /// tolerance is of the same order).
    static let integralityTolerance = 1e-7

    let component: Component
    let settings: SolveSettings
    let model: GLPKModel
    private let proven: ProvenBounds
    var witnessMin: [Int]
    var witnessMax: [Int]
    var outcome: ComponentOutcome
    /// Per column: whether its max / min LP vertex was fractional, so the rounded LP bound awaits phase 2.
    var pendingMax: [Bool]
    var pendingMin: [Bool]
    /// Per column: an extreme whose integer program used up its budget, so its rounded LP bound stays.
    var abandoned: [Bool]
    /// How this solver's dives have fared, which decides whether the next one is tried.
    var dives = DiveRecord()
    /// What is left of `settings.certainVerdictNodePool`.
    var certainVerdictNodesLeft: Int
    /// Whether verified hints may settle cells without solves (`SolveSettings.witnessesSettleFrom`).
    private var skipsWitnessed = false
    /// Per column, the rows it appears in.
    private let rowsOf: [[Int32]]

    /// The columns whose extremes this solver computes; the others keep their proven bounds, which hold for
    /// every integer point, so phase 2 may still use them as column bounds.
    let targets: Range<Int>

    /// Solves the extremes of the `targets` columns (all of them by default); the outcome's other entries are
    /// the proven bounds only, and `DisclosureAudit` takes them from the solver that had them as targets.
    static func solve(_ component: Component, _ settings: SolveSettings, targets: Range<Int>? = nil)
        throws(AuditError) -> ComponentOutcome
    {
        var solver = try ComponentSolver(component, settings, targets: targets ?? component.cells.indices)
        try solver.relaxations()
        try solver.integerPhase()
        return solver.outcome
    }

    private init(_ component: Component, _ settings: SolveSettings, targets: Range<Int>) throws(AuditError) {
        self.component = component
        self.settings = settings
        self.targets = targets
        proven = try ProvenBounds(component: component)
        model = try solving { try GLPKModel(lower: component.lower, upper: component.upper, rows: component.rows) }
        let n = component.cells.count
        witnessMin = Array(repeating: Int.max, count: n)
        witnessMax = Array(repeating: Int.min, count: n)
        pendingMax = Array(repeating: false, count: n)
        pendingMin = Array(repeating: false, count: n)
        abandoned = Array(repeating: false, count: n)
        certainVerdictNodesLeft = settings.certainVerdictNodePool
        var rowsOf = Array(repeating: [Int32](), count: n)
        for (r, row) in component.rows.enumerated() {
            for column in row.columns { rowsOf[Int(column)].append(Int32(r)) }
        }
        self.rowsOf = rowsOf
        outcome = ComponentOutcome(lower: proven.lower, upper: proven.upper, exact: Array(repeating: true, count: n))
        // When `release` audits its own pattern the true table is one completion: every cell's own value is
        // attained, so a cell whose value sits on a proven bound (a 1, say) needs no solve for that extreme.
        if component.recordedIsCompletion {
            witness(component.recorded)
            if n >= settings.witnessesSettleFrom && !component.hints.isEmpty {
                skipsWitnessed = true
                for move in component.hints where isMove(move) { witness(move) }
            }
        }
    }

    /// Whether moving the columns by their steps keeps every row: then `recorded` moved along it, as far as the
    /// bounds allow, is a completion.
    private func isMove(_ move: ColumnMove) -> Bool {
        var step = [Int32: Int](minimumCapacity: move.columns.count)
        for (column, s) in zip(move.columns, move.steps) { step[column, default: 0] += Int(s) }
        for r in Set(move.columns.flatMap { rowsOf[Int($0)] }) {
            let row = component.rows[Int(r)]
            var sum = 0
            for (column, coefficient) in zip(row.columns, row.coefficients) { sum += (step[column] ?? 0) * Int(coefficient) }
            if sum != 0 { return false }
        }
        return step.values.allSatisfy { abs($0) == 1 }
    }

    /// Witnesses the two furthest points along a verified move: `recorded` + t·step for the largest t up and down
    /// that keeps every moved column within its bounds. A move no bound stops is witnessed as far as the widest
    /// standard asks (every whole t is a completion, so any one will do).
    private mutating func witness(_ move: ColumnMove) {
        var up = Int.max
        var down = Int.max
        for (column, s) in zip(move.columns.map(Int.init), move.steps) {
            let above = component.upper[column].map { $0 - component.recorded[column] } ?? Int.max
            let below = component.recorded[column] - component.lower[column]
            up = min(up, s > 0 ? above : below)
            down = min(down, s > 0 ? below : above)
        }
        let far = max(settings.minIntervalWidth, settings.smallMax)
        up = min(up, far)
        down = min(down, far)
        for (column, s) in zip(move.columns.map(Int.init), move.steps) {
            let value = component.recorded[column]
            let (high, low) = s > 0 ? (up, down) : (down, up)
            witnessMax[column] = max(witnessMax[column], value + high)
            witnessMin[column] = min(witnessMin[column], value - low)
        }
    }

    /// Phase 1.
    private mutating func relaxations() throws(AuditError) {
        let skips = settings.skipsAttainedBounds
        for j in targets {
            Progress.shared.advance()
            if skipsWitnessed && witnessesProtect(j) {
                outcome.exact[j] = false
                continue
            }
            // Maximising one cell tends to push the others down to their lower bounds, which witnesses many
            // minima at once; hence max before min.
            if skips, let bound = proven.upper[j], witnessMax[j] == bound {
                outcome.upper[j] = bound
            } else {
                outcome.upper[j] = try relaxedExtreme(j, maximize: true)
            }
            if skips, witnessMin[j] == proven.lower[j] {
                outcome.lower[j] = proven.lower[j]
            } else if let bound = try relaxedExtreme(j, maximize: false) {
                outcome.lower[j] = bound
            } else {
                throw .solverFailed(detail: "a minimisation reported an unbounded objective")
            }
        }
    }

    /// The LP optimum of column j rounded inward; nil when unbounded above. Exact when the vertex is integral;
    /// otherwise the extreme is marked pending for phase 2, and a dive looks for an integer point on the rounded
    /// bound at once.
    private mutating func relaxedExtreme(_ j: Int, maximize: Bool) throws(AuditError) -> Int? {
        outcome.linearPrograms += 1
        switch try solving({ try model.optimize(column: j, maximize: maximize) }) {
        case .infeasible: throw infeasible()
        case .unbounded:
            // Rational data: an unbounded relaxation with an integer point is unbounded over integers too.
            return nil
        case .optimal(let value):
            let inward =
                maximize
                ? (value + Self.integralityTolerance).rounded(.down)
                : (value - Self.integralityTolerance).rounded(.up)
            let bound = try Self.whole(inward)
            let point = component.cells.indices.map { model.value(column: $0) }
            if let integral = Self.integral(point) {
                witness(integral)
                return bound
            }
            if maximize { pendingMax[j] = true } else { pendingMin[j] = true }
            // Diving now starts from this optimum's basis, a few pivots from the rounded bound; in phase 2 it
            // would start from whatever the last solve left. An integer point found settles this extreme there
            // (its witness attains the bound) and, like any witness, may spare later cells a solve: fewer LPs,
            // and far fewer extremes left for phase 2 (measurements: Benchmarks/README.md, "Design measurements").
            if settings.skipsAttainedBounds && dives.worthTrying {
                outcome.integerPrograms += 1
                if let found = try dive(fixing: j, at: bound, maximizing: maximize) { witness(found) }
            }
            return bound
        }
    }

    func infeasible() -> AuditError {
        .inconsistent(
            detail: "no completion of the table satisfies its totals with every hidden cell at least 1 and "
                + "within its label's bounds",
            cells: component.cells)
    }

    mutating func witness(_ point: [Int]) {
        for (j, v) in point.enumerated() {
            witnessMin[j] = min(witnessMin[j], v)
            witnessMax[j] = max(witnessMax[j], v)
        }
    }

    /// A solver value already rounded, as an Int; beyond 2^53 a Double no longer holds every whole number, so
    /// no exact bound can be claimed there.
    static func whole(_ value: Double) throws(AuditError) -> Int {
        guard abs(value) < Self.largestExact, let result = Int(exactly: value) else {
            throw .solverFailed(detail: "a bound is too large for exact arithmetic in the solver")
        }
        return result
    }

    /// 2^53: every whole number up to here is exactly representable as a Double.
    static let largestExact = 9_007_199_254_740_992.0

    /// The point rounded to integers, or nil when some coordinate is not within tolerance of an integer.
    static func integral(_ point: [Double]) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(point.count)
        for x in point {
            let r = x.rounded()
            guard abs(x - r) <= integralityTolerance, abs(r) < largestExact else { return nil }
            result.append(Int(r))
        }
        return result
    }
}

/// A solver's dives so far, which decide whether to try the next. Where dives mostly succeed they spare solves
/// and integer programs. Where LP optima are fractional in hundreds of cells they almost never reach an integer
/// point within `diveSteps`, and each failed dive leaves the next LP a basis far from its optimum, so the LP
/// solves after failed dives are much slower than without them. So after `freeAttempts`, dives stop for good
/// as soon as fewer than 1 in 4 has succeeded. It counts dives, never time, so the audit does the same work on
/// every machine (measurements: Benchmarks/README.md, "Design measurements").
struct DiveRecord {
    private(set) var attempts = 0
    private(set) var successes = 0
    static let freeAttempts = 8

    var worthTrying: Bool { attempts < Self.freeAttempts || 4 * successes >= attempts }

    mutating func record(success: Bool) {
        attempts += 1
        if success { successes += 1 }
    }
}
