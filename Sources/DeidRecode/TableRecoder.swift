import DeidModel

/// A set of values of one dimension merged into one new value.
struct MergeGroup: Sendable {
    var label: String
    /// Value ids in the dimension being merged, in label order.
    var members: [Int32]
}

/// Builds the table that results from merging values of one dimension: counts, denominators and sample sizes
/// are summed, each group takes its members' place under their common parent (children of merged subtotals move
/// under the group), and the additive relations are rebuilt and re-validated from the new structure.
///
/// Cells keep the order in which their first member appears in the old table, so for aggregate input new cell
/// `k` is the k-th row the release writes (each group at its first member's row).
enum TableRecoder {
    struct Output {
        var table: Table
        /// Old cell → new cell.
        var cellMap: [Int32]
        /// New cell → the old cell it was first seen as.
        var firstCell: [Int32]
        /// New cell → how many old cells it sums.
        var memberCount: [Int32]
    }

    /// `countColumn` names the counts in a message when a merged count is too large to audit exactly.
    static func merge(
        _ groups: [MergeGroup], dimension d: Int, of table: Table, countColumn: String
    ) throws(ModelError) -> Output {
        let old = table.dimensions[d]
        let dimension = mergedDimension(old, groups)
        var newValue = Array(repeating: Int32(-1), count: old.count)
        var groupOf = [Int32: Int]()
        for (g, group) in groups.enumerated() { for member in group.members { groupOf[member] = g } }
        let newIDs = Dictionary(dimension.labels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        for v in 0..<old.count {
            let label = groupOf[Int32(v)].map { groups[$0].label } ?? old.labels[v]
            newValue[v] = newIDs[label] ?? -1
        }

        var dimensions = table.dimensions
        dimensions[d] = dimension
        let arity = dimensions.count
        var index = TupleTable(arity: arity, capacity: table.cellCount)
        var key = [Int32](repeating: 0, count: arity)
        var output = Output(table: table, cellMap: [], firstCell: [], memberCount: [])
        output.cellMap.reserveCapacity(table.cellCount)
        var counts: [Int] = []
        var denominators: [Double] = []
        var sampleSizes: [Int] = []
        var lines: [Int32] = []
        var annotations: [ReleaseMarks.Code] = []
        var derivedPublished: [Bool] = []
        var derivedZero = DerivedZeroFlags(columns: table.marks?.derivedZero.columns ?? 0)
        var rateDecimals: [Int8] = []
        let rates = table.marks.map { $0.rateDecimals.count / max(table.cellCount, 1) } ?? 0
        for cell in 0..<table.cellCount {
            for j in 0..<arity { key[j] = table.value(of: cell, in: j) }
            key[d] = newValue[Int(key[d])]
            let (id, inserted) = key.withUnsafeBufferPointer { index.insert($0) }
            output.cellMap.append(Int32(id))
            if inserted {
                output.firstCell.append(Int32(cell))
                output.memberCount.append(1)
                counts.append(table.counts[cell])
                denominators.append(table.denominators?[cell] ?? .nan)
                sampleSizes.append(table.sampleSizes?[cell] ?? Table.blank)
                lines.append(table.lines[cell])
                annotations.append(table.marks?.annotations[cell] ?? .none)
                derivedPublished.append(table.marks?.derivedPublished[cell] ?? false)
                derivedZero.appendCell { table.marks?.derivedZero.readsZero(cell: cell, column: $0) ?? false }
                if let marks = table.marks, rates > 0 {
                    rateDecimals += marks.rateDecimals[(cell * rates)..<((cell + 1) * rates)]
                }
            } else {
                output.memberCount[id] += 1
                // A merged count must stay within what the audit can solve exactly, as every count read does.
                guard let count = sum(counts[id], table.counts[cell]),
                    let cases = sum(sampleSizes[id], table.sampleSizes?[cell] ?? Table.blank)
                else {
                    throw .countTooLarge(column: countColumn, at: table.location(of: cell))
                }
                counts[id] = count
                sampleSizes[id] = cases
                denominators[id] += table.denominators?[cell] ?? .nan
                // A merged row's derived values are recomputed or left empty; none is copied from a member.
                derivedPublished[id] = false
                derivedZero.clear(cell: id)
            }
        }
        // The merged coordinates are distinct by construction (one per group key), so indexing finds no duplicate.
        let coordinates = index.keys
        let cells = CellIndex.build(coordinates: coordinates, arity: arity, sizes: dimensions.map(\.count)).index
        let relations = try RelationBuilder.build(
            dimensions: dimensions, coordinates: coordinates, index: cells, cellCount: counts.count, lines: lines,
            file: table.file)
        try RelationBuilder.validate(
            relations, counts: counts, dimensions: dimensions, coordinates: coordinates, lines: lines, file: table.file)
        let marks = table.marks.map { _ in
            ReleaseMarks(
                annotations: annotations, derivedPublished: derivedPublished, derivedZero: derivedZero,
                rateDecimals: rateDecimals, hasAnnotationColumn: table.marks?.hasAnnotationColumn ?? false)
        }
        output.table = Table(
            file: table.file, kind: table.kind, dimensions: dimensions, coordinates: coordinates, index: cells,
            counts: counts,
            denominators: table.denominators == nil ? nil : denominators, lines: lines, relations: relations,
            marks: marks, sampleSizes: table.sampleSizes == nil ? nil : sampleSizes)
        return output
    }

    /// Labels in the old order, each group at its first member's place; parents mapped through the merge.
    static func mergedDimension(_ old: Dimension, _ groups: [MergeGroup]) -> Dimension {
        var groupOf = [Int32: Int]()
        for (g, group) in groups.enumerated() { for member in group.members { groupOf[member] = g } }
        var labels: [String] = []
        var newID = Array(repeating: Int32(-1), count: old.count)
        var groupID = Array(repeating: Int32(-1), count: groups.count)
        for v in 0..<old.count {
            if let g = groupOf[Int32(v)] {
                if groupID[g] < 0 {
                    groupID[g] = Int32(labels.count)
                    labels.append(groups[g].label)
                }
                newID[v] = groupID[g]
            } else {
                newID[v] = Int32(labels.count)
                labels.append(old.labels[v])
            }
        }
        var parent = Array(repeating: Int32(-1), count: labels.count)
        for v in 0..<old.count where old.parent[v] >= 0 {
            // Members share one parent (checked when the groups were formed), so every member maps it alike.
            parent[Int(newID[v])] = newID[Int(old.parent[v])]
        }
        return Dimension(column: old.column, role: old.role, labels: labels, parent: parent)
    }

    /// Sum of two counts, blank (unknown) if either is; nil when it does not fit in an Int.
    private static func sum(_ a: Int, _ b: Int) -> Int? {
        if a == Table.blank || b == Table.blank { return Table.blank }
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow || total > Table.maximumCount ? nil : total
    }
}
