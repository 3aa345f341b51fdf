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
    /// Whether the builder takes a repeated line as a repeat of the row that carried its memo id
    /// (`CSVReader.read(header:row:repeated:)`): true when a row's contribution depends on its fields alone.
    static var takesRepeatedLines: Bool { get }
    /// The row that carried memo id `memo` (`CSVRow.lineMemo`), once more.
    mutating func addRepeated(memo: Int32)
    /// Whether the builder reads field 0; when it does not, repeats may differ in it (a person identifier).
    var readsFirstField: Bool { get }
    /// Takes in the rows another builder read from the next segment of the same file, as if read in sequence.
    mutating func append(_ other: Self, lineOffset: Int32)
    consuming func finish() throws(ModelError) -> Table
}

extension AggregateTableBuilder: TableBuilding {
    /// Each row of an aggregate table is its own cell: a repeated line is a duplicate row, which only the
    /// parse and the builder's own checks report.
    static var takesRepeatedLines: Bool { false }
    mutating func addRepeated(memo: Int32) {}
    var readsFirstField: Bool { true }

    init(_ context: BuildContext) {
        self.init(
            description: context.description, columns: context.columns, labelCodes: context.labelCodes,
            allowBlankCounts: context.allowBlankCounts, readsRecodedRelease: context.readsRecodedRelease,
            refusesUndeclaredNumbers: context.refusesUndeclaredNumbers, file: context.file)
    }
}

extension RecordTableBuilder: TableBuilding {
    static var takesRepeatedLines: Bool { true }
    var readsFirstField: Bool { columns.dimensions.contains(0) }

    init(_ context: BuildContext) {
        self.init(description: context.description, columns: context.columns, file: context.file)
    }
}
