import DeidSolver
import DeidSupport

/// Bounds every feasible point satisfies, derived row by row from the other columns' bounds (interval
/// propagation). They are usually looser than the LP bounds; the audit uses them only to recognise when a
/// feasible integer point already sits on a bound, so that extreme needs no solve. They are valid for the
/// LP relaxation too, so an LP or integer optimum can never lie beyond them.
struct ProvenBounds {
    private(set) var lower: [Int]
    private(set) var upper: [Int?]

    /// A few passes are enough for skipping solves; running to a fixed point could take many passes on long
    /// chains for no benefit.
    init(component: Component, passes: Int = 3) throws(AuditError) {
        lower = component.lower
        upper = component.upper
        for _ in 0..<passes {
            var changed = false
            for row in component.rows { changed = tighten(row) || changed }
            if !changed { break }
        }
        for j in lower.indices where lower[j] > upper[j] ?? Int.max {
            throw .inconsistent(
                detail: "the relations leave no room for a hidden cell within its bounds", cells: [component.cells[j]])
        }
    }

    /// The range of c·x over [lower, upper]: nil stands for −∞ / +∞, and also for overflow (dropping a bound
    /// only weakens it, which keeps it valid).
    private func range(_ j: Int, _ c: Int) -> (min: Int?, max: Int?) {
        let lo = lower[j].multipliedReportingOverflow(by: c)
        let hi = upper[j].map { $0.multipliedReportingOverflow(by: c) }
        let a: Int? = lo.overflow ? nil : lo.partialValue
        let b: Int? = hi.flatMap { $0.overflow ? nil : $0.partialValue }
        return c > 0 ? (a, b) : (b, a)
    }

    private mutating func tighten(_ row: LinearRow) -> Bool {
        let terms = zip(row.columns.map(Int.init), row.coefficients.map(Int.init)).map { ($0, $1) }
        let ranges = terms.map { range($0.0, $0.1) }
        // Σ over all terms, counting the infinite ends separately, so each "Σ others" is O(1).
        let lowSum = Sum(ranges.map(\.min))
        let highSum = Sum(ranges.map(\.max))
        var changed = false
        for (k, (j, c)) in terms.enumerated() {
            // c·x_j = rhs − Σ others, so c·x_j ∈ [rhs − max(others), rhs − min(others)].
            let low = highSum.without(ranges[k].max).flatMap { subtract(row.rhs, $0) }
            let high = lowSum.without(ranges[k].min).flatMap { subtract(row.rhs, $0) }
            // Divide by c (a small non-zero integer), flipping the interval when c < 0, rounding inward.
            let (newLower, newUpper) =
                c > 0
                ? (low.map { ceilDiv($0, c) }, high.map { floorDiv($0, c) })
                : (high.map { ceilDiv($0, c) }, low.map { floorDiv($0, c) })
            if let l = newLower, l > lower[j] {
                lower[j] = l
                changed = true
            }
            if let u = newUpper, u < upper[j] ?? Int.max {
                upper[j] = u
                changed = true
            }
        }
        return changed
    }

    /// A sum of terms some of which are infinite (nil); an overflowing sum counts as infinite.
    private struct Sum {
        var finite = 0
        var infinite = 0

        init(_ values: [Int?]) {
            for value in values {
                guard let value else {
                    infinite += 1
                    continue
                }
                let (s, o) = finite.addingReportingOverflow(value)
                if o { infinite = values.count + 1 } else { finite = s }
            }
        }

        /// The sum without one of its terms.
        func without(_ value: Int?) -> Int? {
            guard let value else { return infinite == 1 ? finite : nil }
            guard infinite == 0 else { return nil }
            let (s, o) = finite.subtractingReportingOverflow(value)
            return o ? nil : s
        }
    }

    private func subtract(_ a: Int, _ b: Int) -> Int? {
        let (s, o) = a.subtractingReportingOverflow(b)
        return o ? nil : s
    }
}
