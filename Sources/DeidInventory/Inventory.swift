/// The inventory of a record-level file (`deid inventory`): each column with its type, distinct values, missing
/// share and de-identification status, and how identifying the quasi-identifiers are together. It holds no
/// value of any column: only counts, shares and the names of columns.
public struct Inventory: Sendable {
    public var file: String
    public var records: Int
    public var columns: [ColumnEntry]
    public var quasiIdentifiers: QuasiIdentifierMeasure
    /// The rules' title and file (the preset), and the user's rules file when one was given.
    public var rulesTitle: String
    public var rulesFile: String
    public var declaredFile: String?

    /// Whether any column is a Safe Harbor identifier (the command then exits 1).
    public var hasIdentifiers: Bool { columns.contains { $0.status == .identifier } }
}

/// A column's de-identification status, as a Business Use Case Proposal lists it.
public enum ColumnStatus: String, Sendable, Hashable {
    /// A HIPAA Safe Harbor identifier: remove it, or replace it as the rule allows, before sharing.
    case identifier
    /// Not an identifier alone, but part of the combination that can single a person out.
    case quasiIdentifier = "quasi_identifier"
    case other
}

/// The type a column's non-empty values share.
public enum ValueType: String, Sendable, Hashable {
    case integer, number, date
    case yearMonth = "year-month"
    case text, empty
}

public struct ColumnEntry: Sendable {
    public var column: String
    public var type: ValueType
    public var distinct: Int
    /// True when `distinct` is an estimate (more than `DistinctCounter.exactLimit` distinct values).
    public var distinctEstimated: Bool
    public var missing: Int
    public var records: Int
    public var status: ColumnStatus
    /// Why the column has its status.
    public var reason: StatusReason

    public var missingShare: Double { records == 0 ? 0 : Double(missing) / Double(records) }
}

/// Why a column has its status: typed evidence, worded by the reporters.
public enum StatusReason: Sendable, Hashable {
    /// Declared in the user's rules file.
    case declared(file: String)
    /// Values of an identifying shape, e.g. 12 values look like email addresses (`shape`), under Safe Harbor rule
    /// `safeHarbor`.
    case content(safeHarbor: String, shape: ValueShape, values: Int)
    /// The column's name names a Safe Harbor identifier.
    case name(safeHarbor: String)
    /// Integer ages of which `values` are above `over`.
    case agesOver(safeHarbor: String, over: Int, values: Int)
    /// 3-digit ZIP areas; `restricted` of the `areas` hold `populationAbove` people or fewer.
    case zip3(safeHarbor: String?, areas: Int, restricted: Int, populationAbove: Int)
    /// 5-digit ZIP codes (an identifier); `restricted` of their `areas` 3-digit areas would not qualify either.
    case zip5(safeHarbor: String, areas: Int, restricted: Int, populationAbove: Int)
    /// Distinct values cover `share` of the non-empty values.
    case nearlyUnique(safeHarbor: String, share: Double)
    /// A date column whose values are all years, which Safe Harbor allows.
    case yearsOnly
    /// The column's name is one of the quasi-identifiers the rules list (or an age in years of at most 89).
    case quasiIdentifierName
    case ageInYears(over: Int)
    case nothingFound
}

/// How identifying the quasi-identifiers are in combination.
public struct QuasiIdentifierMeasure: Sendable {
    public var columns: [String]
    /// Groups of records sharing one combination of the columns' values.
    public var groups: Int
    /// The smallest group (k of k-anonymity).
    public var k: Int
    /// Records alone in their group.
    public var uniqueRecords: Int
    /// Groups of 1 to `smallGroupMax` records, and the records they hold.
    public var smallGroups: Int
    public var recordsInSmallGroups: Int
    public var smallGroupMax: Int
    /// Why the measure could not be made, when it was not (no columns; too many combinations; a declared
    /// quasi-identifier that also holds identifiers).
    public var notMeasured: NotMeasured?

    public enum NotMeasured: Sendable, Hashable {
        case noQuasiIdentifiers
        case tooManyCombinations(limit: Int)
        case untracked(columns: [String])
    }
}
