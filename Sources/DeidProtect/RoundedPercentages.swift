import DeidDescription
import DeidModel
import DeidSupport

/// The three-category method of DDG Ed. 2.0 §4.4.4 (T11, ddg-rules §6.7 and Q13): a variable such as
/// Male / Female / Intersex is published as whole-number percentages of its total and no counts at all, when
/// every total is at least `three_category.min_total` (1,100 = 11 ÷ 1%).
///
/// Text of a cell with count x in a slice of N people: `0%` for a true zero; `< 1%` for 0 < 100·x/N < 1 (the
/// DDG's "< 1%", not plain rounding: 10 of 1,100 is 0.909%, which would round to 1%); otherwise 100·x/N rounded
/// half up to a whole number; `100%` on the total row.
///
/// ## Why the counts cannot be worked back (the percentages audit)
/// A rounded percentage places x in an interval of about N/100 people (±0.5%): at N ≥ 1,100 that is ±5.5 or
/// more, and every count of 10 or less reads `< 1%`, which says no more than "small". The method is audited,
/// not assumed: an attacker is given every total N (the release withholds them, but they may be published
/// elsewhere), each category's interval from its percentage, true zeros, and every relation of the table (other
/// dimensions' totals and hierarchies too). The disclosure audit then computes each category's exact integer
/// interval; a category that could be small must keep the policy's interval width or still span 1…smallMax
/// (`CellInterval.Requirement.smallShare`), and one whose percentage puts it above smallMax only has to stay
/// there. The release is refused when any small category could be narrowed further.
public enum RoundedPercentages {
    /// What a rounded percentage says about a count.
    public enum Share: Sendable, Hashable {
        case zero
        case belowOne
        case percent(Int)

        public var text: String {
            switch self {
            case .zero: "0%"
            case .belowOne: "< 1%"
            case .percent(let p): "\(p)%"
            }
        }
    }

    /// The share of `count` in `total` (total > 0, 0 ≤ count ≤ total), in exact integer arithmetic.
    public static func share(_ count: Int, of total: Int) -> Share {
        if count == 0 { return .zero }
        if 100 * count < total { return .belowOne }
        return .percent((200 * count + total) / (2 * total))
    }

    /// Every count in a slice of `total` people that shows the same text: the attacker's interval.
    public static func interval(of share: Share, total: Int) -> (lower: Int, upper: Int) {
        switch share {
        case .zero:
            return (0, 0)
        case .belowOne:
            return (1, (total - 1) / 100)
        case .percent(let p):
            // x shows p when 100x ≥ total and p ≤ 100x/total + 1/2 < p + 1, i.e. 2Np − N ≤ 200x < 2Np + N.
            let lower = max(ceilDiv(total, 100), ceilDiv(2 * total * p - total, 200))
            let upper = min(total, floorDiv(2 * total * p + total - 1, 200))
            return (lower, upper)
        }
    }

    /// Checks the dimension and every total, and computes each cell's text. Throws when the method does not
    /// apply (not three categories, a total below the policy's minimum).
    public static func prepare(table: Table, declaration: PercentagesDeclaration, policy: Policy) throws
        -> PercentagesPlan
    {
        guard let t = table.dimensions.firstIndex(where: { $0.column == declaration.dimension }) else {
            throw ProtectError.threeCategoryShape(
                column: declaration.dimension, categories: 0, declared: declaration.location)
        }
        let dimension = table.dimensions[t]
        let roots = dimension.labels.indices.filter { dimension.parent[$0] < 0 }
        let categories = dimension.labels.indices.filter { dimension.parent[$0] >= 0 }
        guard roots.count == 1, categories.count == 3, categories.allSatisfy({ dimension.isLeaf(Int32($0)) }) else {
            throw ProtectError.threeCategoryShape(
                column: dimension.column, categories: categories.count, declared: declaration.location)
        }
        let root = Int32(roots[0])
        var texts = Array(repeating: "", count: table.cellCount)
        var totals: [Int] = []
        var labels: [Int: HiddenLabel] = [:]
        var key = [Int32](repeating: 0, count: table.dimensions.count)
        for cell in 0..<table.cellCount {
            for j in key.indices { key[j] = table.value(of: cell, in: j) }
            if key[t] == root {
                let total = table.counts[cell]
                // Percentages are computed as 200·count·p in Int; no count of people comes near the limit.
                guard total <= Int.max / 100_000 else {
                    throw ProtectError.invariantViolated("a total is too large for percentage arithmetic", file: table.file)
                }
                guard total >= policy.threeCategory.minTotal else {
                    throw ProtectError.threeCategoryTotalTooSmall(
                        slice: table.coordinates(of: cell).filter { $0.dimension != dimension.column },
                        column: dimension.column, minTotal: policy.threeCategory.minTotal, at: table.location(of: cell))
                }
                texts[cell] = "100%"
                totals.append(cell)
                continue
            }
            key[t] = root
            guard let totalCell = table.cell(at: key) else {
                throw ProtectError.invariantViolated("a category has no total row", file: table.file)
            }
            let total = table.counts[totalCell]
            guard total >= policy.threeCategory.minTotal else { continue }  // reported at its total row
            let share = share(table.counts[cell], of: total)
            texts[cell] = share.text
            if share != .zero {
                let bounds = interval(of: share, total: total)
                labels[cell] = .roundedShare(lower: bounds.lower, upper: bounds.upper)
            }
        }
        return PercentagesPlan(
            declaration: declaration, column: dimension.column, texts: texts, slices: totals.count, labels: labels)
    }
}

/// A table published as rounded percentages: each cell's text, and what each category's percentage tells an
/// attacker, for the percentages audit (the pipeline runs it) to prove the categories still protected.
public struct PercentagesPlan: Sendable {
    public var declaration: PercentagesDeclaration
    /// The dimension published as percentages.
    public var column: String
    /// Per cell, the text of its percent column.
    public var texts: [String]
    /// Number of totals (one per combination of the other dimensions' values).
    public var slices: Int
    /// The interval each non-zero category's percentage places it in.
    public var labels: [Int: HiddenLabel]

    /// Every count is withheld: each cell is hidden as percentages-only.
    public func hideCounts(in pattern: inout Pattern) {
        for cell in texts.indices { pattern.hide(cell, .percentagesOnly) }
    }
}
