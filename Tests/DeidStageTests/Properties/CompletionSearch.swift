/// An attacker's brute force, written independently of deid's audit (no GLPK, no linear programming): the
/// integer completions of a table's hidden cells, searched exhaustively with bound propagation.
///
/// Unknowns x₀…xₙ₋₁ (the hidden cells) are whole numbers with bounds lo ≤ x ≤ hi; each equation says
/// Σ sᵢ·xᵢ = rhs with sᵢ = ±1 (a total minus its parts, published values moved to the right). A cell's interval
/// is the smallest and largest value it takes in any completion; both ends are found by trying values from the
/// propagated bound inward and asking whether some completion has the cell at that value. Sound and complete for
/// bounded unknowns: `hi` must be a cap no completion needs to exceed (see `ReleaseVerifier`).
struct CompletionSearch {
    struct Equation: Sendable {
        var terms: [(variable: Int, sign: Int)]
        var rhs: Int
    }

    /// The search gave up: more than `nodeBudget` search nodes for one question.
    struct BudgetExceeded: Error {}

    let equations: [Equation]
    let lower: [Int]
    let upper: [Int]
    var nodeBudget = 200_000
    private var nodes = 0
    private let byVariable: [[Int]]

    init(count: Int, equations: [Equation], lower: [Int], upper: [Int]) {
        self.equations = equations
        self.lower = lower
        self.upper = upper
        var byVariable = Array(repeating: [Int](), count: count)
        for (e, equation) in equations.enumerated() {
            for term in equation.terms { byVariable[term.variable].append(e) }
        }
        self.byVariable = byVariable
    }

    /// The smallest and largest value of `variable` over all completions; nil when there is no completion.
    mutating func interval(of variable: Int) throws -> ClosedRange<Int>? {
        var lo = lower
        var hi = upper
        guard propagate(&lo, &hi) else { return nil }
        var minimum: Int?
        for value in lo[variable]...hi[variable] where try feasible(variable, value, lo, hi) {
            minimum = value
            break
        }
        guard let minimum else { return nil }
        for value in stride(from: hi[variable], through: minimum, by: -1) where try feasible(variable, value, lo, hi) {
            return minimum...value
        }
        return minimum...minimum
    }

    /// Whether some completion within the bounds has `variable == value`.
    private mutating func feasible(_ variable: Int, _ value: Int, _ lo: [Int], _ hi: [Int]) throws -> Bool {
        nodes = 0
        var lo = lo
        var hi = hi
        lo[variable] = value
        hi[variable] = value
        return try search(&lo, &hi)
    }

    private mutating func search(_ lo: inout [Int], _ hi: inout [Int]) throws -> Bool {
        nodes += 1
        if nodes > nodeBudget { throw BudgetExceeded() }
        guard propagate(&lo, &hi) else { return false }
        // Branch on the open unknown with the fewest values left.
        let open = lo.indices.filter { lo[$0] < hi[$0] }
        guard let v = open.min(by: { hi[$0] - lo[$0] < hi[$1] - lo[$1] }) else { return satisfiesAll(lo) }
        for value in lo[v]...hi[v] {
            var (l, h) = (lo, hi)
            l[v] = value
            h[v] = value
            if try search(&l, &h) { return true }
        }
        return false
    }

    private func satisfiesAll(_ x: [Int]) -> Bool {
        equations.allSatisfy { e in e.terms.reduce(0) { $0 + $1.sign * x[$1.variable] } == e.rhs }
    }

    /// Tightens bounds from every equation until nothing changes; false when some bound crosses.
    private func propagate(_ lo: inout [Int], _ hi: inout [Int]) -> Bool {
        var queue = Array(equations.indices)
        var queued = Set(queue)
        while let e = queue.popLast() {
            queued.remove(e)
            let equation = equations[e]
            // The least and greatest possible value of Σ sᵢ·xᵢ.
            var least = 0
            var greatest = 0
            for t in equation.terms {
                least += t.sign > 0 ? lo[t.variable] : -hi[t.variable]
                greatest += t.sign > 0 ? hi[t.variable] : -lo[t.variable]
            }
            if least > equation.rhs || greatest < equation.rhs { return false }
            for t in equation.terms {
                let v = t.variable
                let own = (least: t.sign > 0 ? lo[v] : -hi[v], greatest: t.sign > 0 ? hi[v] : -lo[v])
                // sᵥ·xᵥ lies in [rhs − (greatest − own.greatest), rhs − (least − own.least)].
                let low = equation.rhs - (greatest - own.greatest)
                let high = equation.rhs - (least - own.least)
                let (newLo, newHi) = t.sign > 0 ? (low, high) : (-high, -low)
                // The sums above go stale as terms tighten: still sound, and `e` is queued again for a new look.
                if newLo > lo[v] || newHi < hi[v] {
                    lo[v] = max(lo[v], newLo)
                    hi[v] = min(hi[v], newHi)
                    if lo[v] > hi[v] { return false }
                    for other in byVariable[v] where !queued.contains(other) {
                        queue.append(other)
                        queued.insert(other)
                    }
                }
            }
        }
        return true
    }
}
