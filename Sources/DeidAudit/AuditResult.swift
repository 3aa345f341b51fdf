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

    /// The narrowest width among exact intervals. An outer-bound interval (`CellInterval.exact == false`) is
    /// left out: its width may overstate the attacker's.
    /// Over the cells that could hold people: a remainder the numbers force to zero is a known zero, not a
    /// narrow interval.
    public var narrowestWidth: Int? { intervals.filter { $0.exact && $0.upper != 0 }.compactMap(\.width).min() }

    /// How many intervals are outer bounds (see `CellInterval.exact`).
    public var outerBoundIntervals: Int { intervals.count { !$0.exact } }

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
