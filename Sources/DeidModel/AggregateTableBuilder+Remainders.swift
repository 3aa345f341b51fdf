import DeidSupport
import DeidDescription

extension AggregateTableBuilder {
    /// For every dimension whose description declares a `remainder:`, one more value (the remainder, a part of
    /// the total, or of a hierarchy's root) and one more cell beside every cell at that total: its count is the total less the listed
    /// parts (unknown when one of them is blank), and no row holds it. Appended after the rows' cells, so cell
    /// `i` is still row `i` for every row.
    mutating func addRemainders(to dimensions: inout [Dimension]) throws(ModelError) {
        for (d, spec) in description.dimensions.enumerated() {
            guard let name = spec.remainder, let label = Self.grandTotal(of: spec.structure),
                let total = dimensions[d].labels.firstIndex(of: label)
            else { continue }
            let dimension = dimensions[d]
            if dimension.labels.contains(name) {
                throw .remainderIsARow(label: name, column: spec.column, at: spec.location)
            }
            dimensions[d] = Dimension(
                column: dimension.column, role: dimension.role, labels: dimension.labels + [name],
                parent: dimension.parent + [Int32(total)])
            try appendRemainderCells(
                dimension: d, total: Int32(total), remainder: Int32(dimension.labels.count),
                parts: dimension.children[total], dimensions: dimensions)
        }
    }

    /// The label that may hold a remainder: a flat total, or a hierarchy's root.
    private static func grandTotal(of structure: DimensionStructure) -> String? {
        switch structure {
        case .total(let label): label
        case .hierarchy(let tree): tree.root
        case .none: nil
        }
    }

    private mutating func appendRemainderCells(
        dimension d: Int, total: Int32, remainder: Int32, parts: [Int32], dimensions: [Dimension]
    ) throws(ModelError) {
        let arity = dimensions.count
        var cellAt: [[Int32]: Int] = [:]
        cellAt.reserveCapacity(counts.count)
        for cell in 0..<counts.count { cellAt[Array(coordinates[cell * arity..<(cell + 1) * arity])] = cell }
        for cell in 0..<counts.count where coordinates[cell * arity + d] == total {
            var key = Array(coordinates[cell * arity..<(cell + 1) * arity])
            // Tracked apart from the count: a negative remainder must not read as `Table.blank` (−1).
            var unknown = counts[cell] == Table.blank
            var rest = counts[cell]
            for part in parts {
                key[d] = part
                // A missing part is reported by the relations, with its name; the remainder is then unknown.
                let count = cellAt[key].map { counts[$0] } ?? Table.blank
                if count == Table.blank { unknown = true } else { rest -= count }
            }
            if !unknown && rest < 0 {
                throw .remainderNegative(
                    total: RelationBuilder.labels(dimensions, coordinates, cell), dimension: dimensions[d].column,
                    at: SourceLocation(file: file, line: lines[cell] > 0 ? Int(lines[cell]) : nil))
            }
            key[d] = remainder
            appendUnpublishedCell(key, count: unknown ? Table.blank : rest)
        }
    }

    /// A cell no row holds: no line, no annotation, no derived value, no denominator.
    private mutating func appendUnpublishedCell(_ key: [Int32], count: Int) {
        coordinates += key
        counts.append(count)
        lines.append(0)
        annotations.append(.none)
        derivedPublished.append(false)
        derivedZero.appendCell { _ in false }
        if columns.denominator != nil { denominators.append(.nan) }
        for _ in columns.rates { rateDecimals.append(-1) }
        if columns.sampleSize != nil { sampleSizes.append(Table.blank) }
    }
}
