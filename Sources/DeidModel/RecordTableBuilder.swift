import DeidRead
import DeidDescription

/// Builds a `Table` from `records` input (one row per person): it counts people per combination of detailed
/// values while the CSV streams past, then computes every total. Memory grows with the number of distinct
/// combinations (cells), never with the number of records.
struct RecordTableBuilder: Sendable {
    /// Refuse tables whose complete cross-classification would not fit comfortably in memory.
    static let maximumCells = 50_000_000

    let description: TableDescription
    let columns: ColumnMap
    let file: String

    private var interners: [ByteInterner]
    private var firstLines: [[Int32]]
    private var leaves: TupleTable
    private var leafCounts: [Int] = []
    private var key: [Int32]
    /// Leaf of each remembered line (`CSVRow.lineMemo`), so a repeat of the line counts towards it unparsed.
    private var leafOfMemo: [Int32] = []

    init(description: TableDescription, columns: ColumnMap, file: String) {
        self.description = description
        self.columns = columns
        self.file = file
        interners = Array(repeating: ByteInterner(), count: columns.dimensions.count)
        firstLines = Array(repeating: [], count: columns.dimensions.count)
        leaves = TupleTable(arity: columns.dimensions.count, capacity: 1024)
        key = Array(repeating: 0, count: columns.dimensions.count)
    }

    mutating func add(_ row: CSVRow) {
        for (d, field) in columns.dimensions.enumerated() {
            let before = interners[d].count
            key[d] = interners[d].intern(row[field])
            if interners[d].count != before { firstLines[d].append(Int32(clamping: row.line)) }
        }
        let (id, inserted) = key.withUnsafeBufferPointer { leaves.insert($0) }
        if inserted { leafCounts.append(1) } else { leafCounts[id] += 1 }
        if row.lineMemo >= 0 {
            let memo = Int(row.lineMemo)
            if memo >= leafOfMemo.count { leafOfMemo += Array(repeating: -1, count: memo + 1 - leafOfMemo.count) }
            leafOfMemo[memo] = Int32(id)
        }
    }

    mutating func addRepeated(memo: Int32) {
        // The reader hands out memo ids only after the row that carried the id was added.
        let leaf = Int(leafOfMemo[Int(memo)])
        precondition(leaf >= 0, "a repeated line whose first occurrence was not counted")
        leafCounts[leaf] += 1
    }

    /// Adds the people another builder counted in the next segment of the same file.
    mutating func append(_ other: RecordTableBuilder, lineOffset: Int32) {
        let arity = interners.count
        let remaps = SegmentLabels.merge(
            into: &interners, firstLines: &firstLines,
            from: other.interners, otherFirstLines: other.firstLines, lineOffset: lineOffset)
        for id in 0..<other.leafCounts.count {
            for d in 0..<arity { key[d] = remaps[d][Int(other.leaves.keys[id * arity + d])] }
            let (mine, inserted) = key.withUnsafeBufferPointer { leaves.insert($0) }
            if inserted { leafCounts.append(other.leafCounts[id]) } else { leafCounts[mine] += other.leafCounts[id] }
        }
    }

    consuming func finish() throws(ModelError) -> Table {
        guard !leafCounts.isEmpty else { throw .emptyTable(file: file) }
        var dimensions: [Dimension] = []
        var remaps: [[Int32]] = []
        for (d, spec) in description.dimensions.enumerated() {
            let observed = DimensionBuilder.Observed(labels: interners[d].labels, firstLines: firstLines[d])
            let (dimension, remap) = try DimensionBuilder.records(spec, observed: observed, file: file)
            dimensions.append(dimension)
            remaps.append(remap)
        }
        // Every combination of values is a cell (zeros included): the complete table is what gets released.
        var cellCount = 1
        for dimension in dimensions {
            let (product, overflow) = cellCount.multipliedReportingOverflow(by: dimension.count)
            guard !overflow, product <= Self.maximumCells else {
                throw .tooManyCells(limit: Self.maximumCells, file: file)
            }
            cellCount = product
        }
        let arity = dimensions.count
        var strides = Array(repeating: 1, count: arity)
        for d in stride(from: arity - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * dimensions[d + 1].count }

        var counts = Array(repeating: 0, count: cellCount)
        for id in 0..<leafCounts.count {
            var offset = 0
            for d in 0..<arity { offset += Int(remaps[d][Int(leaves.keys[id * arity + d])]) * strides[d] }
            counts[offset] += leafCounts[id]
        }
        Self.addUpTotals(&counts, dimensions: dimensions, strides: strides)

        var coordinates = [Int32](repeating: 0, count: cellCount * arity)
        for cell in 0..<cellCount {
            for d in 0..<arity { coordinates[cell * arity + d] = Int32((cell / strides[d]) % dimensions[d].count) }
        }
        // Every combination is present exactly once, so the index is dense and has no duplicates.
        let index = CellIndex.build(coordinates: coordinates, arity: arity, sizes: dimensions.map(\.count)).index
        let lines = Array(repeating: Int32(0), count: cellCount)
        let relations = try RelationBuilder.build(
            dimensions: dimensions, coordinates: coordinates, index: index, cellCount: cellCount, lines: lines,
            file: file)
        return Table(
            file: file, kind: .records, dimensions: dimensions, coordinates: coordinates, index: index,
            counts: counts, denominators: nil,
            lines: lines, relations: relations, marks: nil)
    }

    /// Fills totals dimension by dimension, lower subtotals before higher ones; after dimension `d` every cell that
    /// is a leaf in the later dimensions holds its true count, so by the last dimension all cells do.
    static func addUpTotals(_ counts: inout [Int], dimensions: [Dimension], strides: [Int]) {
        for (d, dimension) in dimensions.enumerated() where dimension.isAdditive {
            let order = dimension.labels.indices.filter { !dimension.isLeaf(Int32($0)) }
                .sorted { dimension.height[$0] < dimension.height[$1] }
            let stride = strides[d]
            let span = stride * dimension.count
            for total in order {
                for block in Swift.stride(from: 0, to: counts.count, by: span) {
                    for inner in 0..<stride {
                        let base = block + inner
                        var sum = 0
                        for child in dimension.children[total] { sum += counts[base + Int(child) * stride] }
                        counts[base + total * stride] = sum
                    }
                }
            }
        }
    }
}
