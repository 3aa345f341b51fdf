import DeidSupport
import DeidDescription

/// Generates the additive relations implied by every dimension's total or hierarchy, crossed with every
/// combination of the other dimensions, and checks that the published numbers honour them.
package enum RelationBuilder {
    /// Tables with at least this many cells build and check their relations on two cores.
    static let parallelMinimumCells = 1 << 18

    /// `partsMayBeMissing[d]`: along dimension `d` a part with no cell is left out of its relation instead of
    /// being an error (the dimension's total has a remainder, which counts whoever no row shows).
    /// `missingRows`: what a part with no row means (`missing_rows:`).
    package static func build(
        dimensions: [Dimension], coordinates: [Int32], index: CellIndex, cellCount: Int, lines: [Int32], file: String,
        partsMayBeMissing: [Bool] = [], missingRows: MissingRows = .error
    ) throws(ModelError) -> Relations {
        guard cellCount >= parallelMinimumCells else {
            return try build(
                cells: 0..<cellCount, dimensions: dimensions, coordinates: coordinates, index: index, lines: lines,
                file: file, partsMayBeMissing: partsMayBeMissing, missingRows: missingRows)
        }
        // Each half of the cells yields its relations in cell order; concatenated they are the one-pass list,
        // and the first error in job order is the one a single pass would meet first.
        let half = cellCount / 2
        let ranges = [0..<half, half..<cellCount]
        let parts: [Relations]
        do {
            parts = try parallelMap(ranges.count) { i in
                try build(
                    cells: ranges[i], dimensions: dimensions, coordinates: coordinates, index: index, lines: lines,
                    file: file, partsMayBeMissing: partsMayBeMissing, missingRows: missingRows)
            }
        } catch let error as ModelError {
            throw error
        } catch {
            preconditionFailure("relation building throws only ModelError")
        }
        var relations = parts[0]
        relations.append(contentsOf: parts[1])
        return relations
    }

    private static func build(
        cells: Range<Int>, dimensions: [Dimension], coordinates: [Int32], index: CellIndex, lines: [Int32],
        file: String, partsMayBeMissing: [Bool], missingRows: MissingRows
    ) throws(ModelError) -> Relations {
        let arity = dimensions.count
        let mayBeMissing = dimensions.indices.map { partsMayBeMissing.indices.contains($0) && partsMayBeMissing[$0] }
        // Every dimension's children in one flat list: value v of dimension d has the children
        // `childList[childStart[valueBase[d] + v] ..< childStart[valueBase[d] + v + 1]]`. Flat arrays read through
        // raw buffers keep the per-cell loops free of reference counting.
        var valueBase: [Int] = []
        var childStart: [Int] = []
        var childList: [Int32] = []
        for dimension in dimensions {
            valueBase.append(childStart.count)
            for children in dimension.children {
                childStart.append(childList.count)
                childList += children
            }
            childStart.append(childList.count)
        }
        let dense = index.dense
        let strides = dense?.strides ?? Array(repeating: 0, count: arity)
        let slots = dense?.slots ?? []
        return try valueBase.withUnsafeBufferPointer { valueBase throws(ModelError) in
            try childStart.withUnsafeBufferPointer { childStart throws(ModelError) in
                try childList.withUnsafeBufferPointer { childList throws(ModelError) in
                    try coordinates.withUnsafeBufferPointer { coordinates throws(ModelError) in
                        try strides.withUnsafeBufferPointer { strides throws(ModelError) in
                            try slots.withUnsafeBufferPointer { slots throws(ModelError) in
                                var relationCount = 0
                                var partCount = 0
                                for cell in cells {
                                    for d in 0..<arity {
                                        let i = valueBase[d] + Int(coordinates[cell * arity + d])
                                        let n = childStart[i + 1] - childStart[i]
                                        if n > 0 {
                                            relationCount += 1
                                            partCount += n
                                        }
                                    }
                                }
                                var relations = Relations(reservingRelations: relationCount, parts: partCount)
                                var key = [Int32](repeating: 0, count: arity)
                                var parts = [Int32]()
                                var absent: Int32?
                                for cell in cells {
                                    var position = 0
                                    for j in 0..<arity {
                                        key[j] = coordinates[cell * arity + j]
                                        position += Int(key[j]) * strides[j]
                                    }
                                    for d in 0..<arity {
                                        let v = Int(key[d])
                                        let i = valueBase[d] + v
                                        if childStart[i] == childStart[i + 1] { continue }
                                        parts.removeAll(keepingCapacity: true)
                                        for c in childStart[i]..<childStart[i + 1] {
                                            let child = childList[c]
                                            let part: Int?
                                            if dense != nil {
                                                // On a dense index a part's slot is the total's moved along d.
                                                let slot = slots[position + (Int(child) - v) * strides[d]]
                                                part = slot >= 0 ? Int(slot) : nil
                                            } else {
                                                part = key.withUnsafeMutableBufferPointer {
                                                    index.find(replacing: d, with: child, in: $0)
                                                }
                                            }
                                            // Only a grand total holds a remainder; subtotals stay exact.
                                            if part == nil && mayBeMissing[d] && dimensions[d].parent[v] < 0 { continue }
                                            guard let part else {
                                                if absent == nil { absent = child }
                                                continue
                                            }
                                            parts.append(Int32(part))
                                        }
                                        if let child = absent {
                                            absent = nil
                                            switch missingRows {
                                            case .zero: break  // an absent part is a true zero
                                            case .totalOnly where parts.isEmpty: continue  // a total on its own
                                            case .error, .totalOnly:
                                                key[d] = child
                                                let name = dimensions[d].labels[Int(child)]
                                                throw .missingChild(
                                                    total: labels(dimensions, Array(coordinates), cell),
                                                    child: zip(dimensions, key).map {
                                                        Coordinate(dimension: $0.column, value: $0.labels[Int($1)])
                                                    },
                                                    at: SourceLocation(file: file, line: lines[cell] > 0 ? Int(lines[cell]) : nil),
                                                    variant: dimensions[d].labels.first {
                                                        $0 != name && $0.lowercased() == name.lowercased()
                                                    })
                                            }
                                        }
                                        relations.append(total: cell, dimension: d, parts: parts)
                                    }
                                }
                                return relations
                            }
                        }
                    }
                }
            }
        }
    }

    /// A published total must equal the sum of its published parts; with blank (already hidden) parts the total
    /// must leave room for each of them to be at least 1.
    /// Cells from `firstUnpublished` on are remainders no row shows: blank, they may be zero.
    package static func validate(_ relations: Relations, counts: [Int], dimensions: [Dimension], coordinates: [Int32],
                         lines: [Int32], file: String, firstUnpublished: Int = .max) throws(ModelError) {
        for relation in relations {
            var sum = 0
            var blanks = 0
            // Blank parts that are at least 1 (hidden rows; zeros are never hidden).
            var flooredBlanks = 0
            var overflow = false
            for part in relation.parts {
                let count = counts[Int(part)]
                if count == Table.blank {
                    blanks += 1
                    if Int(part) < firstUnpublished { flooredBlanks += 1 }
                } else {
                    (sum, overflow) = sum.addingReportingOverflow(count)
                    if overflow { break }
                }
            }
            let total = counts[relation.total]
            if total == Table.blank { continue }
            let consistent = blanks == 0 ? !overflow && sum == total : !overflow && total - sum >= flooredBlanks
            if consistent { continue }
            // Only a failing relation pays for naming its cell.
            let at = SourceLocation(file: file, line: lines[relation.total] > 0 ? Int(lines[relation.total]) : nil)
            let name = labels(dimensions, coordinates, relation.total)
            let dimension = dimensions[relation.dimension].column
            throw blanks == 0
                ? .totalMismatch(total: name, dimension: dimension, at: at)
                : .hiddenCellsInconsistent(total: name, dimension: dimension, at: at)
        }
    }

    static func labels(_ dimensions: [Dimension], _ coordinates: [Int32], _ cell: Int) -> [Coordinate] {
        dimensions.enumerated().map { d, dimension in
            Coordinate(dimension: dimension.column, value: dimension.labels[Int(coordinates[cell * dimensions.count + d])])
        }
    }
}
