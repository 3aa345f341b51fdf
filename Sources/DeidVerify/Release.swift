import DeidSupport
import DeidRead
import DeidDescription
import DeidModel

/// The release in memory: for every release row, whether its count shows, which fields a hidden row keeps, the
/// recomputed fields of a merged row, its percent text and its annotation code. `ReleaseInvariants` checks it
/// before anything is written; the writer renders it over the input's rows and decides nothing of its own.
public struct Release: Sendable {
    public let table: Table
    public let pattern: Pattern
    public let description: TableDescription
    public let policy: Policy
    /// Annotation code per hidden cell.
    public let annotations: [Int: String]
    public let layout: ReleaseLayout
    /// The columns a row with a hidden count still shows: its coordinates, denominator and sample size, and its
    /// derived values unless the policy hides them with the count. Every other column (one the description does
    /// not declare, say a forgotten percent) is emptied: deid cannot tell what it reveals.
    public let columnsKeptWhenHidden: Set<String>
    /// Whether DDG Step 4 masking applies: a table the assessment releases without masking shows its small
    /// counts by design, so a derived value reading zero beside one reveals nothing more.
    public var masked = true

    public init(
        table: Table, pattern: Pattern, description: TableDescription, policy: Policy, annotations: [Int: String],
        layout: ReleaseLayout
    ) {
        self.table = table
        self.pattern = pattern
        self.description = description
        self.policy = policy
        self.annotations = annotations
        self.layout = layout
        var kept = description.dimensions.map(\.column) + description.descriptive
        // A stacked file's stratum columns are coordinates too (stratum dimensions have no column of their own).
        if let strata = description.strata { kept += [strata.typeColumn, strata.valueColumn] }
        kept += [description.denominator, description.masking.sampleSize].compactMap { $0 }
        if !policy.derived.hideWithCount { kept += description.derived }
        columnsKeptWhenHidden = Set(kept)
    }

    /// The recomputed fields of release row `cell` when it merges several input rows; nil for a plain row.
    public func mergedRow(_ cell: Int) -> MergedRow? {
        guard layout.rows?.isMerged(cell) == true else { return nil }
        return MergedRow(table: table, cell: cell, description: description)
    }

    /// Whether derived column `k` (the description's k-th) reads as zero on release row `cell` as published.
    func derivedReadsZero(_ cell: Int, column k: Int) -> Bool {
        if let merged = mergedRow(cell) {
            let text = Array((merged.rateText(description.derived[k]) ?? "").utf8)
            return text.withUnsafeBytes { NumberParser.readsAsZero($0) }
        }
        return table.marks?.derivedZero.readsZero(cell: cell, column: k) ?? false
    }
}
