/// Generates the additive relations implied by every dimension's total or hierarchy, crossed with every
/// combination of the other dimensions, and checks that the published numbers honour them.
enum RelationBuilder {
    static func build(
        dimensions: [Dimension], coordinates: [Int32], index: CellIndex, cellCount: Int, lines: [Int32], file: String
    ) throws(ModelError) -> Relations {
        let arity = dimensions.count
        // Children of every value as one flat list per dimension (offsets into it per value), so the loops below
        // touch no nested arrays.
        var childStart: [[Int]] = []
        var childList: [[Int32]] = []
        for dimension in dimensions {
            var starts = [0]
            var list: [Int32] = []
            for children in dimension.children {
                list += children
                starts.append(list.count)
            }
            childStart.append(starts)
            childList.append(list)
        }
        var relationCount = 0
        var partCount = 0
        for cell in 0..<cellCount {
            for d in 0..<arity {
                let v = Int(coordinates[cell * arity + d])
                let n = childStart[d][v + 1] - childStart[d][v]
                if n > 0 {
                    relationCount += 1
                    partCount += n
                }
            }
        }
        var relations = Relations(reservingRelations: relationCount, parts: partCount)
        var key = [Int32](repeating: 0, count: arity)
        var parts = [Int32]()
        for cell in 0..<cellCount {
            for j in 0..<arity { key[j] = coordinates[cell * arity + j] }
            for d in 0..<arity {
                let v = Int(key[d])
                let (first, end) = (childStart[d][v], childStart[d][v + 1])
                if first == end { continue }
                parts.removeAll(keepingCapacity: true)
                for c in first..<end {
                    let child = childList[d][c]
                    guard let part = key.withUnsafeMutableBufferPointer({ index.find(replacing: d, with: child, in: $0) }) else {
                        key[d] = child
                        throw .missingChild(
                            total: labels(dimensions, coordinates, cell),
                            child: zip(dimensions, key).map { Coordinate(dimension: $0.column, value: $0.labels[Int($1)]) },
                            at: SourceLocation(file: file, line: lines[cell] > 0 ? Int(lines[cell]) : nil))
                    }
                    parts.append(Int32(part))
                }
                relations.append(total: cell, dimension: d, parts: parts)
            }
        }
        return relations
    }

    /// A published total must equal the sum of its published parts; with blank (already hidden) parts the total
    /// must leave room for each of them to be at least 1.
    static func validate(_ relations: Relations, counts: [Int], dimensions: [Dimension], coordinates: [Int32],
                         lines: [Int32], file: String) throws(ModelError) {
        for relation in relations {
            var sum = 0
            var blanks = 0
            var overflow = false
            for part in relation.parts {
                let count = counts[Int(part)]
                if count == Table.blank {
                    blanks += 1
                } else {
                    (sum, overflow) = sum.addingReportingOverflow(count)
                    if overflow { break }
                }
            }
            let total = counts[relation.total]
            if total == Table.blank { continue }
            let consistent = blanks == 0 ? !overflow && sum == total : !overflow && total - sum >= blanks
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
