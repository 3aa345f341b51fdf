import DeidSupport
import DeidDescription

extension AggregateTableBuilder {
    /// With several counts (`count: [cases, deaths]`) or running totals (`cumulative:`), one more dimension,
    /// `Measure`, and one more cell per row for each column beyond the first count: the row's deaths, its
    /// running total of cases. Each measure adds up across the other dimensions as the counts do; no relation
    /// ties one count to another. Each running total also gets, per slice, a cell for what it held before the
    /// file's first label (the first running total less the first count), which no row shows. Returns the layout
    /// and the running-sum relations: total(t) = total(t − 1) + count(t), total(first) = before + count(first).
    mutating func addMeasureCells(to dimensions: inout [Dimension]) throws(ModelError) -> (Measures?, Relations) {
        let counts = description.countColumns
        let running = description.cumulative
        guard counts.count > 1 || !running.isEmpty else { return (nil, Relations()) }
        // (Declared bounds between counts need several counts, which the description checked.)
        if dimensions.contains(where: { $0.column == Measures.dimensionName }) {
            throw .measureDimensionTaken(
                column: Measures.dimensionName, at: running.first?.location ?? SourceLocation(file: description.file))
        }
        let rows = self.counts.count
        let arity = dimensions.count
        let measures = Measures(columns: counts + running.map(\.column), rows: rows)
        var extended: [Int32] = []
        extended.reserveCapacity(rows * (measures.columns.count + 1) * (arity + 1))
        for measure in measures.columns.indices {
            for cell in 0..<rows { extended += coordinates[cell * arity..<(cell + 1) * arity] + [Int32(measure)] }
        }
        coordinates = extended
        for values in measureValues {
            // Another count of the same row: its line and denominator, no marks of its own.
            for cell in 0..<rows {
                appendCell(count: values[cell], line: lines[cell], denominator: columns.denominator.map { _ in denominators[cell] })
            }
        }
        var befores: [String] = []
        var relations = Relations()
        for (k, spec) in running.enumerated() {
            guard let along = description.dimensions.firstIndex(where: { $0.column == spec.along }) else { continue }
            let first = dimensions[along].labels.min() ?? ""
            befores.append("\(spec.column) before \(first)")
            relations.append(contentsOf: try runningSums(
                spec, along: along, of: counts.firstIndex(of: spec.of ?? counts[0]) ?? 0,
                measure: counts.count + k, before: measures.columns.count + k, dimensions: dimensions,
                layout: measures))
        }
        var differences: [String] = []
        for (k, bound) in description.countBounds.enumerated() {
            differences.append("\(bound.atMost) − \(bound.count)")
            relations.append(contentsOf: try boundDifferences(
                bound, measure: measures.columns.count + befores.count + k, measureDimension: dimensions.count,
                layout: measures))
        }
        let labels = measures.columns + befores + differences
        dimensions.append(Dimension(
            column: Measures.dimensionName, role: .other, labels: labels, parent: Array(repeating: -1, count: labels.count)))
        try validateRunningSums(relations, layout: measures)
        return (measures, relations)
    }

    /// The running sums of one cumulative column (measure `measure`) of count `count`, slice by slice along
    /// dimension `along`; appends each slice's "before" cell (measure `before`).
    private mutating func runningSums(
        _ spec: CumulativeSpec, along: Int, of count: Int, measure: Int, before: Int, dimensions: [Dimension],
        layout: Measures
    ) throws(ModelError) -> Relations {
        let arity = dimensions.count + 1
        let labels = dimensions[along].labels
        let order = labels.indices.sorted { labels[$0] < labels[$1] }
        var rank = [Int](repeating: 0, count: labels.count)
        for (position, value) in order.enumerated() { rank[value] = position }
        // Each row's slice (its coordinates without the running dimension) → its row at each rank.
        var rowsBySlice: [[Int32]: [Int: Int]] = [:]
        for row in 0..<layout.rows {
            var slice = Array(coordinates[row * arity..<row * arity + arity - 1])
            let value = Int(slice[along])
            slice[along] = 0
            rowsBySlice[slice, default: [:]][rank[value]] = row
        }
        var relations = Relations()
        // Slices in the order of their first row, so the cells added are the same on every run.
        for byRank in rowsBySlice.values.sorted(by: { ($0.values.min() ?? 0) < ($1.values.min() ?? 0) }) {
            let firstRow = byRank.values.min() ?? 0
            guard let start = byRank[0] else {
                throw .cumulativeSliceWithoutStart(
                    slice: rowLabels(firstRow, dimensions: dimensions, except: along), first: labels[order[0]],
                    at: SourceLocation(file: file, line: Int(lines[firstRow])))
            }
            let (total, part) = (layout.cell(row: start, measure: measure), layout.cell(row: start, measure: count))
            let known = counts[total] != Table.blank && counts[part] != Table.blank
            let rest = known ? counts[total] - counts[part] : Table.blank
            if known && rest < 0 {
                throw .cumulativeMismatch(column: spec.column, at: SourceLocation(file: file, line: Int(lines[start])))
            }
            var key = Array(coordinates[start * arity..<(start + 1) * arity])
            key[arity - 1] = Int32(before)
            let beforeCell = counts.count
            appendUnpublishedCell(key, count: rest)
            relations.append(total: total, dimension: along, parts: [Int32(beforeCell), Int32(part)])
            for position in 1..<labels.count {
                guard let row = byRank[position] else { continue }
                guard let previous = byRank[position - 1] else {
                    throw .cumulativeSliceWithoutStart(
                        slice: rowLabels(row, dimensions: dimensions, except: along), first: labels[order[position - 1]],
                        at: SourceLocation(file: file, line: Int(lines[row])))
                }
                relations.append(
                    total: layout.cell(row: row, measure: measure), dimension: along,
                    parts: [Int32(layout.cell(row: previous, measure: measure)), Int32(layout.cell(row: row, measure: count))])
            }
        }
        return relations
    }

    /// `count_bounds:` each row's greater count is its lesser count plus a difference no row shows (at least 0):
    /// one unpublished cell per row (measure `measure`) and the relation greater = lesser + difference.
    private mutating func boundDifferences(
        _ bound: CountBound, measure: Int, measureDimension: Int, layout: Measures
    ) throws(ModelError) -> Relations {
        let arity = measureDimension + 1
        let counts = description.countColumns
        guard let lesser = counts.firstIndex(of: bound.count), let greater = counts.firstIndex(of: bound.atMost) else {
            return Relations()
        }
        var relations = Relations()
        for row in 0..<layout.rows {
            let (total, part) = (layout.cell(row: row, measure: greater), layout.cell(row: row, measure: lesser))
            let known = self.counts[total] != Table.blank && self.counts[part] != Table.blank
            let difference = known ? self.counts[total] - self.counts[part] : Table.blank
            if known && difference < 0 {
                throw .countBoundBroken(count: bound.count, atMost: bound.atMost, at: SourceLocation(file: file, line: Int(lines[row])))
            }
            var key = Array(coordinates[row * arity..<(row + 1) * arity])
            key[arity - 1] = Int32(measure)
            let cell = self.counts.count
            appendUnpublishedCell(key, count: difference)
            relations.append(total: total, dimension: measureDimension, parts: [Int32(part), Int32(cell)])
        }
        return relations
    }

    /// Every published running total is the previous one plus the count.
    private func validateRunningSums(_ relations: Relations, layout: Measures) throws(ModelError) {
        for relation in relations {
            let values = relation.cells.map { counts[$0] }
            guard !values.contains(Table.blank), values[0] != values[1] + values[2] else { continue }
            throw .cumulativeMismatch(
                column: layout.columns[relation.total / layout.rows], at: SourceLocation(file: file, line: Int(lines[relation.total])))
        }
    }

    /// Row `row`'s labels in every dimension but `except` (the coordinates carry the measure last).
    private func rowLabels(_ row: Int, dimensions: [Dimension], except: Int) -> [Coordinate] {
        let arity = dimensions.count + 1
        return dimensions.indices.filter { $0 != except }.map { d in
            Coordinate(dimension: dimensions[d].column, value: dimensions[d].labels[Int(coordinates[row * arity + d])])
        }
    }
}
