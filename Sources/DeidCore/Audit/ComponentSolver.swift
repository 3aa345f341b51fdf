/// The exact integer interval of every cell of one component, and what it cost to get.
struct ComponentOutcome: Sendable {
    var lower: [Int]
    var upper: [Int?]
    var linearPrograms = 0
    var integerPrograms = 0
}

/// Computes min and max of each column of a component over its integer points.
///
/// For each column and direction: solve the LP relaxation (warm-started). If the optimal vertex is integral in
/// every column, it is an integer point attaining the LP bound, so the LP bound is the integer bound. If not,
/// that one extreme is solved again as an integer program. Every integral solution seen is a feasible
/// completion, so it is remembered per column ("witnessed" minima and maxima): when a witness already sits on
/// a proven bound, the extreme is known without a solve.
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

    static func solve(_ component: Component) throws(AuditError) -> ComponentOutcome {
        var solver = try ComponentSolver(component)
        return try solver.run()
    }

    private init(_ component: Component) throws(AuditError) {
        self.component = component
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
            if let bound = proven.upper[j], witnessMax[j] == bound {
                outcome.upper[j] = bound
            } else {
                outcome.upper[j] = try extreme(j, maximize: true)
            }
            if witnessMin[j] == proven.lower[j] {
                outcome.lower[j] = proven.lower[j]
            } else if let bound = try extreme(j, maximize: false) {
                outcome.lower[j] = bound
            } else {
                throw .solverFailed(detail: "a minimisation reported an unbounded objective")
            }
        }
        return outcome
    }

    /// The exact integer optimum of column j; nil when unbounded above.
    private mutating func extreme(_ j: Int, maximize: Bool) throws(AuditError) -> Int? {
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
                return maximize ? Int((value + Self.integralityTolerance).rounded(.down))
                    : Int((value - Self.integralityTolerance).rounded(.up))
            }
        }
        outcome.integerPrograms += 1
        switch try model.optimizeInteger(column: j, maximize: maximize) {
        case .infeasible: throw infeasible()
        case .unbounded: return nil
        case .optimal(let value):
            let point = component.cells.indices.map { model.integerValue(column: $0) }
            if let integral = Self.integral(point) { witness(integral) }
            return Int(value.rounded())
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
