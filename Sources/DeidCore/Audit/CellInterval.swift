/// What an attacker can work out about one hidden cell: every integer in `lower…upper` is the cell's value in
/// some completion of the table consistent with everything published, and no other integer is.
public struct CellInterval: Sendable, Hashable, Codable {
    /// Which protection standard a hidden cell was judged against. The team's standard (ddg-spec Q11, Q12):
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
    /// Under every standard an exactly determined cell (lower == upper) is unprotected.
    public enum Requirement: String, Sendable, Hashable, Codable {
        case smallRange
        case notExact
        case minimumWidth
    }

    public var cell: Int
    public var lower: Int
    /// nil: no upper bound follows from the published numbers.
    public var upper: Int?
    /// upper − lower; nil when unbounded above.
    public var width: Int?
    public var protected: Bool
    public var requirement: Requirement
    /// False only under `AuditPrecision.verdict`, for a failing cell whose bounds are the LP bounds rounded
    /// inward: they contain the exact interval and may be wider.
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
        case .complementary:
            requirement = .notExact
            protected = !determined
        case .unlabelled where lower > smallMax:
            requirement = .notExact
            protected = !determined
        case .unlabelled:
            requirement = .minimumWidth
            protected = !determined && (upper.map { $0 - lower >= minIntervalWidth } ?? true)
        }
        self.init(
            cell: cell, lower: lower, upper: upper, protected: protected, requirement: requirement, exact: exact)
    }
}

/// The audit's verdict on a whole table.
public struct AuditResult: Sendable {
    /// One interval per hidden cell, sorted by cell index.
    public var intervals: [CellInterval]
    /// True iff every hidden cell is protected.
    public var passed: Bool
    /// The intervals that fail their standard, sorted by cell index.
    public var underProtected: [CellInterval]
    /// Solver and method, for the audit record, e.g. "GLPK 5.0 (simplex, exact integer check)".
    public var solver: String
    /// Independent groups of hidden cells that needed a linear program (cells fixed by a single relation and
    /// cells in no relation are not counted).
    public var components: Int
    /// Simplex solves performed (extremes skipped because a feasible integer point already attained a proven
    /// bound are not counted).
    public var linearProgramsSolved: Int
    /// Extremes whose optimal vertex was fractional and were therefore solved again as integer programs.
    public var integerProgramsSolved: Int
    /// Bounds where the integer optimum lies strictly inside the LP bound: how often an LP-only audit (such as
    /// τ-ARGUS's) would have under-stated what an attacker can work out.
    public var integerTightenedBounds: Int

    public init(
        intervals: [CellInterval], solver: String, components: Int, linearProgramsSolved: Int,
        integerProgramsSolved: Int, integerTightenedBounds: Int
    ) {
        self.intervals = intervals
        self.underProtected = intervals.filter { !$0.protected }
        self.passed = underProtected.isEmpty
        self.solver = solver
        self.components = components
        self.linearProgramsSolved = linearProgramsSolved
        self.integerProgramsSolved = integerProgramsSolved
        self.integerTightenedBounds = integerTightenedBounds
    }
}
