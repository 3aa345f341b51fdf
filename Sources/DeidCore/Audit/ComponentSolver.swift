/// The exact integer interval of every cell of one component, and what it cost to get.
struct ComponentOutcome: Sendable {
    var lower: [Int]
    var upper: [Int?]
    var linearPrograms = 0
    var integerPrograms = 0
    /// Integer programs whose bound lies strictly inside the rounded LP bound.
    var integerTightened = 0
}

/// Computes min and max of each column of a component over its integer points.
///
/// Phase 1, for each column and direction: solve the LP relaxation (warm-started). If the optimal vertex is
/// integral in every column, it is an integer point attaining the LP bound, so the LP bound is the integer
/// bound. Every integral solution seen is a feasible completion, so it is remembered per column ("witnessed"
/// minima and maxima): when a witness already sits on a proven bound, the extreme is known without a solve.
///
/// Phase 2, only for extremes whose vertex was fractional: the LP bounds, rounded inward, hold for every
/// integer point, so they become column bounds (which keeps branch and bound on a bounded region wherever the
/// table allows), and each such extreme is solved as an integer program unless a witness already reaches it.
struct ComponentSolver {
    /// Solver values closer than this to an integer are taken as that integer (GLPK's own feasibility
    /// tolerance is of the same order).
    static let integralityTolerance = 1e-7

    let component: Component
    private let model: GLPKModel
    private let proven: ProvenBounds
    private var witnessMin: [Int]
    private var witnessMax: [Int]
    private var outcome: ComponentOutcome
    /// Extremes whose LP vertex was fractional: column, direction.
    private var pending: [(column: Int, maximize: Bool)] = []
    /// Whether witnessed integer points may stand in for solves. Always true in the audit; tests turn it off
    /// to check that skipping never changes a result and to drive every extreme through the solvers.
    private let skipsAttainedBounds: Bool

    static func solve(_ component: Component, skipsAttainedBounds: Bool = true) throws(AuditError)
        -> ComponentOutcome
    {
        var solver = try ComponentSolver(component, skipsAttainedBounds: skipsAttainedBounds)
        return try solver.run()
    }

    private init(_ component: Component, skipsAttainedBounds: Bool) throws(AuditError) {
        self.component = component
        self.skipsAttainedBounds = skipsAttainedBounds
        proven = try ProvenBounds(component: component)
        model = try GLPKModel(lower: component.lower, upper: component.upper, rows: component.rows)
        let n = component.cells.count
        witnessMin = Array(repeating: Int.max, count: n)
        witnessMax = Array(repeating: Int.min, count: n)
        outcome = ComponentOutcome(lower: proven.lower, upper: proven.upper)
    }

    private mutating func run() throws(AuditError) -> ComponentOutcome {
        for j in component.cells.indices {
            // Maximising one cell tends to push the others down to their lower bounds, which witnesses many
            // minima at once; hence max before min.
            if skipsAttainedBounds, let bound = proven.upper[j], witnessMax[j] == bound {
                outcome.upper[j] = bound
            } else {
                outcome.upper[j] = try relaxedExtreme(j, maximize: true)
            }
            if skipsAttainedBounds, witnessMin[j] == proven.lower[j] {
                outcome.lower[j] = proven.lower[j]
            } else if let bound = try relaxedExtreme(j, maximize: false) {
                outcome.lower[j] = bound
            } else {
                throw .solverFailed(detail: "a minimisation reported an unbounded objective")
            }
        }
        guard !pending.isEmpty else { return outcome }
        for j in component.cells.indices {
            // LP bounds that cross once rounded inward leave no integer for this cell: no completion exists.
            guard outcome.lower[j] <= outcome.upper[j] ?? Int.max else { throw infeasible() }
            model.setBounds(column: j, lower: outcome.lower[j], upper: outcome.upper[j])
        }
        for (j, maximize) in pending { try integerExtreme(j, maximize: maximize) }
        return outcome
    }

    /// The LP optimum of column j rounded inward; nil when unbounded above. Exact when the vertex is integral;
    /// otherwise the extreme is queued for phase 2.
    private mutating func relaxedExtreme(_ j: Int, maximize: Bool) throws(AuditError) -> Int? {
        outcome.linearPrograms += 1
        switch try model.optimize(column: j, maximize: maximize) {
        case .infeasible: throw infeasible()
        case .unbounded:
            // Rational data: an unbounded relaxation with an integer point is unbounded over integers too.
            return nil
        case .optimal(let value):
            let point = component.cells.indices.map { model.value(column: $0) }
            if let integral = Self.integral(point) {
                witness(integral)
            } else {
                pending.append((j, maximize))
            }
            return maximize
                ? Int((value + Self.integralityTolerance).rounded(.down))
                : Int((value - Self.integralityTolerance).rounded(.up))
        }
    }

    /// Replaces a rounded LP bound by the integer optimum, unless a witness already attains it.
    private mutating func integerExtreme(_ j: Int, maximize: Bool) throws(AuditError) {
        let relaxed = maximize ? outcome.upper[j] : outcome.lower[j]
        if skipsAttainedBounds, relaxed == (maximize ? witnessMax[j] : witnessMin[j]) { return }
        outcome.integerPrograms += 1
        switch try model.optimizeInteger(column: j, maximize: maximize) {
        case .infeasible: throw infeasible()
        case .unbounded: throw .solverFailed(detail: "an integer program was unbounded where its relaxation was not")
        case .optimal(let value):
            let point = component.cells.indices.map { model.integerValue(column: $0) }
            if let integral = Self.integral(point) { witness(integral) }
            let bound = Int(value.rounded())
            if bound != relaxed { outcome.integerTightened += 1 }
            if maximize { outcome.upper[j] = bound } else { outcome.lower[j] = bound }
            // A tighter bound is valid for every integer point: it narrows the search for the next ones.
            model.setBounds(column: j, lower: outcome.lower[j], upper: outcome.upper[j])
        }
    }

    private func infeasible() -> AuditError {
        .inconsistent(
            detail: "no completion of the table satisfies its totals with every hidden cell at least 1 and "
                + "within its label's bounds",
            cells: component.cells)
    }

    private mutating func witness(_ point: [Int]) {
        for (j, v) in point.enumerated() {
            witnessMin[j] = min(witnessMin[j], v)
            witnessMax[j] = max(witnessMax[j], v)
        }
    }

    /// The point rounded to integers, or nil when some coordinate is not within tolerance of an integer.
    static func integral(_ point: [Double]) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(point.count)
        for x in point {
            let r = x.rounded()
            guard abs(x - r) <= integralityTolerance, abs(r) < 9e15 else { return nil }
            result.append(Int(r))
        }
        return result
    }
}
