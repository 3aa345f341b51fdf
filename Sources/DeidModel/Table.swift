import DeidSupport
import DeidDescription

/// A table after reading: its dimensions, its cells keyed by coordinates, and the additive relations among them.
///
/// Cells are stored column-wise (structure of arrays) so memory grows with the number of cells and nothing else.
/// For `aggregate` input, cell `i` is data row `i` of the file, which lets the release be written in input order
/// by a second streaming pass.
public struct Table: Sendable {
    /// The count stored for a cell whose count field was blank: a cell hidden by an earlier release.
    public static let blank = -1
    /// The largest count deid accepts: the solver works in doubles, which hold every whole number up to 2^53
    /// exactly and no longer do beyond it, so a larger count could not be audited exactly.
    public static let maximumCount = (1 << 53) - 1

    public let file: String
    public let kind: InputKind
    public let dimensions: [Dimension]
    /// Cell `c`'s value id in dimension `d` is `coordinates[c * dimensions.count + d]`.
    public let coordinates: [Int32]
    /// People counted in each cell, or `Table.blank`.
    public let counts: [Int]
    /// Each cell's denominator when the description names one; NaN where the field is blank.
    public let denominators: [Double]?
    /// Each cell's unweighted sample cases (survey data with `sample_size:`); `Table.blank` where the field is blank.
    public let sampleSizes: [Int]?
    /// The physical line of each cell's row (aggregate input); 0 for cells computed from records.
    public let lines: [Int32]
    public let relations: Relations
    /// What an already-released input says about its hidden cells (annotation codes, derived values left
    /// visible); nil for records input.
    public let marks: ReleaseMarks?
    package let index: CellIndex
    /// When the description declares a `remainder:`, the cells from this index on are remainders of incomplete
    /// totals: no row holds them and they are never published. nil: every cell is a row (or a records cell).
    public let rowCells: Int?
    /// With several counts or running totals, which cell holds which column of a row; nil with one count.
    public let measures: Measures?

    package init(
        file: String, kind: InputKind, dimensions: [Dimension], coordinates: [Int32], index: CellIndex, counts: [Int],
        denominators: [Double]?, lines: [Int32], relations: Relations, marks: ReleaseMarks?,
        sampleSizes: [Int]? = nil, rowCells: Int? = nil, measures: Measures? = nil
    ) {
        self.measures = measures
        self.file = file
        self.kind = kind
        self.dimensions = dimensions
        self.coordinates = coordinates
        self.index = index
        self.counts = counts
        self.denominators = denominators
        self.sampleSizes = sampleSizes
        self.lines = lines
        self.relations = relations
        self.marks = marks
        self.rowCells = rowCells
    }

    /// The table with these counts (one per cell) in place of its own: a published table's blank counts filled
    /// with one completion consistent with everything it publishes, for the methods that need values to work.
    public func withCounts(_ counts: [Int]) -> Table {
        precondition(counts.count == cellCount, "one count per cell")
        return Table(
            file: file, kind: kind, dimensions: dimensions, coordinates: coordinates, index: index, counts: counts,
            denominators: denominators, lines: lines, relations: relations, marks: marks, sampleSizes: sampleSizes,
            rowCells: rowCells, measures: measures)
    }

    /// Whether the cell is the unpublished remainder of an incomplete total (no row holds it).
    public func isRemainder(_ cell: Int) -> Bool { rowCells.map { cell >= $0 } ?? false }

    /// The remainders of incomplete totals (empty without `remainder:`).
    public var remainderCells: Range<Int> { (rowCells ?? cellCount)..<cellCount }

    /// Hides every remainder that is a small count (`isSmall`) as a primary cell: no row shows it, but a reader
    /// who computes total − parts would learn it. A remainder of 0 or above the small range is treated like a
    /// published count, which only gives the audit's attacker more to work with. (A remainder deid cannot compute,
    /// in a table whose parts are already blank, is unknown and hidden like every blank cell.)
    public func hideSmallRemainders(in pattern: inout Pattern, isSmall: (Int) -> Bool, at cells: (Int) -> Int = { $0 }) {
        for cell in remainderCells where counts[cell] != Table.blank && isSmall(counts[cell]) {
            pattern.hide(cells(cell), .primary)
        }
    }

    public var cellCount: Int { counts.count }

    public func value(of cell: Int, in dimension: Int) -> Int32 {
        coordinates[cell * dimensions.count + dimension]
    }

    public func isBlank(_ cell: Int) -> Bool { counts[cell] == Table.blank }

    /// The cell's coordinates as labels, for messages and reports.
    public func coordinates(of cell: Int) -> [Coordinate] {
        dimensions.enumerated().map { d, dimension in
            Coordinate(dimension: dimension.column, value: dimension.labels[Int(value(of: cell, in: d))])
        }
    }

    /// The cell at these value ids, if the table has it.
    public func cell(at values: [Int32]) -> Int? { index.find(values) }

    /// Where a finding about the cell points: its row in the input, or the file when it was computed.
    public func location(of cell: Int) -> SourceLocation {
        let line = Int(lines[cell])
        return SourceLocation(file: file, line: line > 0 ? line : nil)
    }

    /// How many dimensions the cell is a total or subtotal in (0 for an inner cell).
    public func marginality(of cell: Int) -> Int {
        var n = 0
        for d in dimensions.indices where !dimensions[d].isLeaf(value(of: cell, in: d)) { n += 1 }
        return n
    }
}

/// Facts about an input table that was already released: which hidden cells carry which annotation code, and
/// on which rows a derived value is still published.
public struct ReleaseMarks: Sendable {
    public enum Code: UInt8, Sendable, Hashable {
        case none, smallNumber, complementary, generic, unreliable, other
        /// A declared "no data" code (`no_data_codes:`): the blank count is empty, not hidden.
        case noData
    }

    /// Annotation per cell (all `.none` when the table has no annotation column).
    public var annotations: [Code]
    /// Whether any derived column on the cell's row holds a value.
    public var derivedPublished: [Bool]
    /// Per cell, which derived columns hold a value that reads as zero.
    public var derivedZero: DerivedZeroFlags
    /// Per cell and rate formula (`rates:`, in order), the decimals its input value was written with, or -1 when
    /// it was not a plain decimal: a merged row's recomputed rate keeps its first member's.
    public var rateDecimals: [Int8] = []
    /// Whether the input had the annotation column at all.
    public var hasAnnotationColumn: Bool

    package init(
        annotations: [Code], derivedPublished: [Bool], derivedZero: DerivedZeroFlags = DerivedZeroFlags(columns: 0), rateDecimals: [Int8] = [],
        hasAnnotationColumn: Bool
    ) {
        self.annotations = annotations
        self.derivedPublished = derivedPublished
        self.derivedZero = derivedZero
        self.rateDecimals = rateDecimals
        self.hasAnnotationColumn = hasAnnotationColumn
    }

    /// Whether any derived column on the cell's row reads as zero.
    public func derivedReadsZero(_ cell: Int) -> Bool { derivedZero.anyReadsZero(cell: cell) }
}

/// The counts of a table with several of them (`count: [cases, deaths]`) or with running totals (`cumulative:`):
/// every row holds one cell per column, in the `Measure` dimension; cell `measure × rows + row`.
public struct Measures: Sendable, Hashable {
    /// The count columns, then the cumulative columns, in the order of the `Measure` dimension's labels.
    public let columns: [String]
    public let rows: Int

    public static let dimensionName = "Measure"

    public func cell(row: Int, measure: Int) -> Int { measure * rows + row }
}
