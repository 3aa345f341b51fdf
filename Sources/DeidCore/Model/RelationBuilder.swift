/// Generates the additive relations implied by every dimension's total or hierarchy, crossed with every
/// combination of the other dimensions, and checks that the published numbers honour them.
enum RelationBuilder {
    static func build(
        dimensions: [Dimension], index: TupleTable, cellCount: Int, lines: [Int32], file: String
    ) throws(ModelError) -> Relations {
        var relations = Relations()
        let arity = dimensions.count
        var key = [Int32](repeating: 0, count: arity)
        var parts = [Int32]()
        for cell in 0..<cellCount {
            for d in 0..<arity {
                let value = index.keys[cell * arity + d]
                let children = dimensions[d].children[Int(value)]
                if children.isEmpty { continue }
                for j in 0..<arity { key[j] = index.keys[cell * arity + j] }
                parts.removeAll(keepingCapacity: true)
                for child in children {
                    key[d] = child
                    guard let part = index.find(key) else {
                        throw .missingChild(
                            total: labels(dimensions, index, cell),
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
    static func validate(_ relations: Relations, counts: [Int], dimensions: [Dimension], index: TupleTable,
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
            let at = SourceLocation(file: file, line: lines[relation.total] > 0 ? Int(lines[relation.total]) : nil)
            let name = labels(dimensions, index, relation.total)
            let dimension = dimensions[relation.dimension].column
            if blanks == 0 {
                if overflow || sum != total { throw .totalMismatch(total: name, dimension: dimension, at: at) }
            } else if overflow || total - sum < blanks {
                throw .hiddenCellsInconsistent(total: name, dimension: dimension, at: at)
            }
        }
    }

    static func labels(_ dimensions: [Dimension], _ index: TupleTable, _ cell: Int) -> [Coordinate] {
        dimensions.enumerated().map { d, dimension in
            Coordinate(dimension: dimension.column, value: dimension.labels[Int(index.keys[cell * dimensions.count + d])])
        }
    }
}
