import DeidSupport

/// What a description declares about DDG Step 4 beyond cell suppression: recoding (`aggregate:`), the kind of
/// data (`data:`, `sample_size:`), and formulas of derived rates (`rates:`). See docs/table-description.md.

/// One `aggregate:` rule: values of a dimension that are collapsed into wider categories before anything is
/// suppressed (DDG V1-S4.4, V2-S4.4 "reduce granularity": counties into regions, narrow age groups into wider
/// ones, years into pooled periods).
public struct AggregateDeclaration: Sendable, Hashable {
    /// When a value fails and must be merged.
    public enum Condition: Sendable, Hashable {
        /// The value's population is below this number (from `populations:` or the denominator column of the
        /// value's total row).
        case populationBelow(Int)
        /// More than this share of the value's non-zero cells would be primary-suppressed.
        case hiddenShareAbove(Double)
    }

    /// Where failing values go.
    public enum Target: Sendable, Hashable {
        /// One new value per parent, labelled from the template (`{parent}` is replaced by the parent's label).
        case parent(labelTemplate: String)
        /// Declared groups; a group's members are merged into one value with the group's label.
        case groups([Group])
    }

    public struct Group: Sendable, Hashable {
        public var label: String
        public var members: [String]
        public var location: SourceLocation

        public init(label: String, members: [String], location: SourceLocation) {
            self.label = label
            self.members = members
            self.location = location
        }
    }

    public var column: String
    /// nil: the groups are always applied (only with `groups:`).
    public var condition: Condition?
    public var target: Target
    /// Public populations by label (`populations:`), for `population_below`.
    public var populations: [String: Int]
    public var location: SourceLocation

    public init(
        column: String, condition: Condition?, target: Target, populations: [String: Int] = [:],
        location: SourceLocation
    ) {
        self.column = column
        self.condition = condition
        self.target = target
        self.populations = populations
        self.location = location
    }

    /// The template used when `into: parent` has no `label:`.
    public static let defaultLabelTemplate = "Other {parent}"
}

/// `administrative` (the default): counts of a whole population. `survey`: weighted estimates from a sample,
/// which Ed. 2.0 also suppresses as unreliable when the denominator has too few sample cases (T13, Q21).
public enum DataKind: String, Sendable, Hashable, CaseIterable {
    case administrative, survey
}

/// A derived column computed as count ÷ denominator × multiplier (`rates:`), so it can be recomputed for a
/// merged row.
public struct RateFormula: Sendable, Hashable {
    public var column: String
    public var multiplier: Double

    public init(column: String, multiplier: Double) {
        self.column = column
        self.multiplier = multiplier
    }
}

/// How a dimension's cells are published.
public enum PublicationMethod: String, Sendable, Hashable, CaseIterable {
    /// Counts, with small ones suppressed (the default).
    case counts
    /// The three-category method of DDG Ed. 2.0 §4.4.4: no counts, whole-number percentages of each total.
    case roundedPercentages = "rounded_percentages"
}

/// The masking part of a table description, kept together so the loaders' shared code changes little.
public struct MaskingDeclarations: Sendable, Hashable {
    public var aggregate: [AggregateDeclaration] = []
    public var data: DataKind = .administrative
    /// The column with each estimate's unweighted sample cases (survey data).
    public var sampleSize: String?
    public var rates: [RateFormula] = []
    /// The dimension published as rounded percentages and the column that receives them.
    public var percentages: PercentagesDeclaration?

    public init() {}
}

/// `method: rounded_percentages` on a dimension.
public struct PercentagesDeclaration: Sendable, Hashable {
    /// The dimension's column.
    public var dimension: String
    /// The column that receives the percentages (filled if the input has it, added otherwise).
    public var column: String
    public var location: SourceLocation

    public init(dimension: String, column: String, location: SourceLocation) {
        self.dimension = dimension
        self.column = column
        self.location = location
    }
}
