import DeidSupport
import DeidDescription

extension AggregateTableBuilder {
    /// For every dimension whose description declares a `remainder:`, one more value (the remainder, a part of
    /// the total, or of a hierarchy's root) and one more cell beside every cell at that total: its count is the total less the listed
    /// parts (unknown when one of them is blank), and no row holds it. Appended after the rows' cells, so cell
    /// `i` is still row `i` for every row.
    ///
    /// In a stacked file (`strata:`) a stratum dimension's remainder is added only beside the cells of strata that
    /// break it down (a `Gender` remainder beside the whole population and `Race-Ethnicity` rows when the file
    /// has `Gender * Race-Ethnicity`, not beside `Age` rows).
    mutating func addRemainders(to dimensions: inout [Dimension]) throws(ModelError) {
        let stratumDimensions = description.dimensions.indices.filter { description.dimensions[$0].stratum != nil }
        let strataPresent = Set((0..<counts.count).map {
            StratumRelations.mask(
                of: $0, dimensions: dimensions, coordinates: coordinates, stratumDimensions: stratumDimensions)
        })
        for (d, spec) in description.dimensions.enumerated() {
            guard let name = spec.remainder, let label = spec.structure.grandTotal,
                let total = dimensions[d].labels.firstIndex(of: label)
            else { continue }
            let dimension = dimensions[d]
            if dimension.labels.contains(name) {
                throw .remainderIsARow(label: name, column: spec.column, at: spec.location)
            }
            dimensions[d] = Dimension(
                column: dimension.column, role: dimension.role, labels: dimension.labels + [name],
                parent: dimension.parent + [Int32(total)])
            let bit = stratumDimensions.firstIndex(of: d).map { UInt64(1) << UInt64($0) } ?? 0
            try appendRemainderCells(
                dimension: d, total: Int32(total), remainder: Int32(dimension.labels.count),
                parts: dimension.children[total], dimensions: dimensions,
                strata: (stratumDimensions, strataPresent, bit))
        }
    }

    private mutating func appendRemainderCells(
        dimension d: Int, total: Int32, remainder: Int32, parts: [Int32], dimensions: [Dimension],
        strata: (dimensions: [Int], present: Set<UInt64>, bit: UInt64)
    ) throws(ModelError) {
        let arity = dimensions.count
        var cellAt: [[Int32]: Int] = [:]
        cellAt.reserveCapacity(counts.count)
        for cell in 0..<counts.count { cellAt[Array(coordinates[cell * arity..<(cell + 1) * arity])] = cell }
        for cell in 0..<counts.count where coordinates[cell * arity + d] == total {
            let broken = strata.bit | StratumRelations.mask(
                of: cell, dimensions: dimensions, coordinates: coordinates, stratumDimensions: strata.dimensions)
            guard strata.present.contains(where: { $0 & broken == broken }) else { continue }
            var key = Array(coordinates[cell * arity..<(cell + 1) * arity])
            // Tracked apart from the count: a negative remainder must not read as `Table.blank` (−1).
            var unknown = counts[cell] == Table.blank
            var rest = counts[cell]
            for part in parts {
                key[d] = part
                // A part no row shows is counted in the remainder.
                guard let part = cellAt[key] else { continue }
                if counts[part] == Table.blank { unknown = true } else { rest -= counts[part] }
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
    mutating func appendUnpublishedCell(_ key: [Int32], count: Int) {
        coordinates += key
        appendCell(count: count, line: 0, denominator: columns.denominator.map { _ in .nan })
    }

    /// The per-cell columns of a cell no row of its own holds: `line` and `denominator` (when the table has a
    /// denominator column) as given, no annotation, no derived value, no sample size. Coordinates are the caller's.
    mutating func appendCell(count: Int, line: Int32, denominator: Double?) {
        counts.append(count)
        lines.append(line)
        annotations.append(.none)
        derivedPublished.append(false)
        derivedZero.appendCell { _ in false }
        if let denominator { denominators.append(denominator) }
        for _ in columns.rates { rateDecimals.append(-1) }
        if columns.sampleSize != nil { sampleSizes.append(Table.blank) }
    }
}
