import DeidModel
/// What an attacker can work out about one hidden cell: every integer in `lower…upper` is the cell's value in
/// some completion of the table consistent with everything published, and no other integer is.
public struct CellInterval: Sendable, Hashable, Codable {
    /// Which protection standard a hidden cell was judged against. The team's standard (ddg-rules Q11, Q12):
    ///
    /// * `smallRange`: the cell is labelled "small number". The label already tells the reader 1 ≤ x ≤ smallMax,
    ///   so the numbers must not narrow that: protected iff lower == 1 and upper == smallMax.
    /// * `notExact`: the cell is labelled "complementary", or it is unlabelled and provably larger than
    ///   smallMax (lower > smallMax), so it cannot be a small count: protected iff it is not exactly determined
    ///   (upper > lower, or unbounded above).
    /// * `minimumWidth`: the cell is unlabelled and could be a small count (lower ≤ smallMax). The release does
    ///   not say which hidden cells are small, and `deid check` on a released table cannot know either, so every
    ///   such cell is held to the small-count standard: protected iff upper − lower ≥ minIntervalWidth or
    ///   unbounded above.
    ///
    /// * `smallShare`: the cell's rounded percentage lets it be small (e.g. "< 1%" of 1,100 people says 1…10;
    ///   three-category method). Protected iff it keeps `minIntervalWidth`, as an unlabelled cell must, or still
    ///   spans the whole small range 1…smallMax, as a small-number label must (the percentage alone may say no
    ///   more than that). A "< 1%" total of two counties is at least 2, yet not narrowed in any useful sense.
    /// * `notSmall`: the cell's rounded percentage already places it above smallMax (three-category method):
    ///   the DDG publishes such shares deliberately, so it is protected iff it cannot be small.
    ///
    /// Under every standard but `notSmall` an exactly determined cell (lower == upper) is unprotected.
    public enum Requirement: String, Sendable, Hashable, Codable {
        case smallRange
        case notExact
        case minimumWidth
        case notSmall
        case smallShare
    }

    public var cell: Int
    public var lower: Int
    /// nil: no upper bound follows from the published numbers.
    public var upper: Int?
    /// upper − lower; nil when unbounded above.
    public var width: Int?
    public var protected: Bool
    public var requirement: Requirement
    /// False when the bounds are the LP bounds rounded inward, which contain the exact interval and may be
    /// wider, because the cell's verdict was already certain: under `AuditPrecision.verdict`, or when an
    /// integer program used up its node budget (`SolveSettings.certainVerdictNodeBudget`, or the component's
    /// `certainVerdictNodePool`).
    public var exact: Bool

    public init(cell: Int, lower: Int, upper: Int?, protected: Bool, requirement: Requirement, exact: Bool = true) {
        self.cell = cell
        self.lower = lower
        self.upper = upper
        self.width = upper.map { $0 - lower }
        self.protected = protected
        self.requirement = requirement
        self.exact = exact
    }

    /// Judges an interval against the standard for its label (see `Requirement`).
    init(
        cell: Int, lower: Int, upper: Int?, label: HiddenLabel, smallMax: Int, minIntervalWidth: Int,
        exact: Bool = true
    ) {
        let requirement: Requirement
        let protected: Bool
        let determined = upper == lower
        switch label {
        case .smallNumber:
            requirement = .smallRange
            protected = !determined && lower == 1 && upper == smallMax
        case .roundedShare(let shareLower, _) where shareLower <= smallMax:
            requirement = .smallShare
            let wide = upper.map { $0 - lower >= minIntervalWidth } ?? true
            let spansSmallRange = lower == 1 && (upper.map { $0 >= smallMax } ?? true)
            protected = !determined && (wide || spansSmallRange)
        case .roundedShare:
            requirement = .notSmall
            protected = lower > smallMax
        case .complementary:
            requirement = .notExact
            protected = !determined
        case .unpublished where upper == 0:
            requirement = .notSmall
            protected = true
        case .unlabelled where lower > smallMax, .unpublished where lower > smallMax:
            requirement = .notExact
            protected = !determined
        case .unlabelled, .unpublished:
            requirement = .minimumWidth
            protected = !determined && (upper.map { $0 - lower >= minIntervalWidth } ?? true)
        }
        self.init(
            cell: cell, lower: lower, upper: upper, protected: protected, requirement: requirement, exact: exact)
    }
}
