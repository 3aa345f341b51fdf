import DeidRead
import DeidDescription

/// What a table builder needs to know besides the rows.
struct BuildContext: Sendable {
    var description: TableDescription
    var columns: ColumnMap
    var labelCodes: LabelRule
    /// `check` reads tables whose hidden cells are blank; `release` needs every count.
    var allowBlankCounts: Bool
    /// The table may be a release whose values `aggregate:` rules merged (`check`).
    var readsRecodedRelease = false
    /// A release refuses a column with numbers that the description gives no role (`release`, not `check`).
    var refusesUndeclaredNumbers = false
    var file: String
}

/// A builder the loader can drive row by row — or as several builders over segments of one file, merged in
/// file order — before it turns the rows into a `Table`.
protocol TableBuilding: Sendable {
    init(_ context: BuildContext)
    mutating func add(_ row: CSVRow) throws(ModelError)
    /// Takes in the rows another builder read from the next segment of the same file, as if read in sequence.
    mutating func append(_ other: Self, lineOffset: Int32)
    consuming func finish() throws(ModelError) -> Table
}

extension AggregateTableBuilder: TableBuilding {
    init(_ context: BuildContext) {
        self.init(
            description: context.description, columns: context.columns, labelCodes: context.labelCodes,
            allowBlankCounts: context.allowBlankCounts, readsRecodedRelease: context.readsRecodedRelease,
            refusesUndeclaredNumbers: context.refusesUndeclaredNumbers, file: context.file)
    }
}

extension RecordTableBuilder: TableBuilding {
    init(_ context: BuildContext) {
        self.init(description: context.description, columns: context.columns, file: context.file)
    }
}
