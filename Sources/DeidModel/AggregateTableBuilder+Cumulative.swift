import DeidSupport
import DeidDescription

extension AggregateTableBuilder {
    /// For a `cumulative:` column, one more dimension, `Measure` (the count, the running total, and the running
    /// total before the first label), and one more cell per row: its running total, published in the cumulative
    /// column of the same row. Each slice also gets a cell for what its running total held before the file's
    /// first label (the first running total less the first count), which no row shows. Returns the running-sum
    /// relations: total(t) = total(t − 1) + count(t), and total(first) = before + count(first).
    mutating func addCumulativeCells(to dimensions: inout [Dimension]) throws(ModelError) -> Relations {
        guard let spec = description.cumulative.first,
            let along = description.dimensions.firstIndex(where: { $0.column == spec.along })
        else { return Relations() }
        if dimensions.contains(where: { $0.column == Self.measureColumn }) {
            throw .measureDimensionTaken(column: Self.measureColumn, at: spec.location)
        }
        let rows = counts.count
        let arity = dimensions.count
        let labels = dimensions[along].labels
        let order = labels.indices.sorted { labels[$0] < labels[$1] }
        var rank = [Int](repeating: 0, count: labels.count)
        for (position, value) in order.enumerated() { rank[value] = position }
        let first = Int32(order[0])
        dimensions.append(Dimension(
            column: Self.measureColumn, role: .other,
            labels: [description.countColumn, spec.column, "\(spec.column) before \(labels[Int(first)])"],
            parent: [-1, -1, -1]))

        var extended: [Int32] = []
        extended.reserveCapacity((rows * 2 + rows / max(labels.count, 1) + 1) * (arity + 1))
        for cell in 0..<rows { extended += coordinates[cell * arity..<(cell + 1) * arity] + [0] }
        for cell in 0..<rows { extended += coordinates[cell * arity..<(cell + 1) * arity] + [1] }
        coordinates = extended
        for cell in 0..<rows { appendCopy(of: cell, count: cumulativeValues[cell]) }

        // The slice of each row (its coordinates without the running dimension) → its cell at each rank.
        var cellAt: [[Int32]: [Int: Int]] = [:]
        for cell in 0..<rows {
            var slice = Array(coordinates[cell * (arity + 1)..<cell * (arity + 1) + arity])
            let value = Int(slice[along])
            slice[along] = 0
            cellAt[slice, default: [:]][rank[value]] = cell
        }
        var relations = Relations()
        // Slices in the order of their first row, so the cells added are the same on every run.
        for byRank in cellAt.values.sorted(by: { ($0.values.min() ?? 0) < ($1.values.min() ?? 0) }) {
            guard let start = byRank[0] else {
                throw .cumulativeSliceWithoutStart(
                    slice: RelationBuilder.labels(dimensions, coordinates, byRank.values.min() ?? 0),
                    first: labels[Int(first)], at: SourceLocation(file: file, line: Int(lines[byRank.values.min() ?? 0])))
            }
            let before = counts.count
            let known = counts[start] != Table.blank && cumulativeValues[start] != Table.blank
            let rest = known ? cumulativeValues[start] - counts[start] : Table.blank
            if known && rest < 0 {
                throw .cumulativeMismatch(column: spec.column, at: SourceLocation(file: file, line: Int(lines[start])))
            }
            var key = Array(coordinates[start * (arity + 1)..<(start + 1) * (arity + 1)])
            key[arity] = 2
            appendUnpublishedCell(key, count: rest)
            relations.append(total: rows + start, dimension: along, parts: [Int32(before), Int32(start)])
            for position in 1..<labels.count {
                guard let cell = byRank[position] else { continue }
                guard let previous = byRank[position - 1] else {
                    throw .cumulativeSliceWithoutStart(
                        slice: RelationBuilder.labels(dimensions, coordinates, cell), first: labels[order[position - 1]],
                        at: SourceLocation(file: file, line: Int(lines[cell])))
                }
                relations.append(total: rows + cell, dimension: along, parts: [Int32(rows + previous), Int32(cell)])
            }
        }
        try validateRunningSums(relations, column: spec.column)
        return relations
    }

    static let measureColumn = "Measure"

    /// Every published running total is the previous one plus the count.
    private func validateRunningSums(_ relations: Relations, column: String) throws(ModelError) {
        for relation in relations {
            let values = relation.cells.map { counts[$0] }
            guard !values.contains(Table.blank) else { continue }
            if values[0] != values[1] + values[2] {
                throw .cumulativeMismatch(
                    column: column, at: SourceLocation(file: file, line: lines[relation.total] > 0 ? Int(lines[relation.total]) : nil))
            }
        }
    }

    /// A cell that repeats row `cell`'s line and marks with another count (its running total).
    private mutating func appendCopy(of cell: Int, count: Int) {
        counts.append(count)
        lines.append(lines[cell])
        annotations.append(.none)
        derivedPublished.append(false)
        derivedZero.appendCell { _ in false }
        if columns.denominator != nil { denominators.append(denominators[cell]) }
        for _ in columns.rates { rateDecimals.append(-1) }
        if columns.sampleSize != nil { sampleSizes.append(Table.blank) }
    }
}
