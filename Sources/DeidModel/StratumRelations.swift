import DeidSupport

/// The relations of a stacked file (`strata:`). Its rows are not one crossed table: `Age` rows and `Gender` rows
/// share only the whole-population rows. Each stratum type is a complete table of its own over its rows and the
/// rows of the strata it contains (`Gender * Race-Ethnicity` contains `Gender`, `Race-Ethnicity` and the whole
/// population), and the file's relations are the union of those tables' relations, each once. Cells are the
/// file's rows, so a cell shared by two breakdowns (the whole population, or `Gender=Female` under both
/// `Gender` and `Gender * Race-Ethnicity`) is one cell in every relation that has it.
enum StratumRelations {
    static func build(
        dimensions: [Dimension], coordinates: [Int32], cellCount: Int, lines: [Int32], file: String,
        stratumDimensions: [Int], partsMayBeMissing: [Bool]
    ) throws(ModelError) -> Relations {
        let masks = (0..<cellCount).map {
            mask(of: $0, dimensions: dimensions, coordinates: coordinates, stratumDimensions: stratumDimensions)
        }
        let present = Set(masks)
        // A stratum contained in a larger one adds no relation the larger one's table lacks.
        let widest = present.filter { mask in !present.contains { $0 != mask && $0 & mask == mask } }.sorted()
        guard isAcyclic(widest) else {
            throw .strataCycle(
                strata: widest.map { mask in
                    stratumDimensions.enumerated().filter { mask & (1 << UInt64($0.offset)) != 0 }
                        .map { dimensions[$0.element].column }.joined(separator: " × ")
                },
                file: file)
        }
        var relations = Relations()
        var seen: Set<[Int32]> = []
        for mask in widest {
            let cells = (0..<cellCount).filter { masks[$0] & ~mask == 0 }
            let own = try typeRelations(
                of: cells, mask: mask, dimensions: dimensions, coordinates: coordinates, lines: lines, file: file,
                stratumDimensions: stratumDimensions, partsMayBeMissing: partsMayBeMissing)
            for relation in own {
                let total = Int32(cells[relation.total])
                let parts = relation.parts.map { Int32(cells[Int($0)]) }
                guard seen.insert([total] + parts.sorted()).inserted else { continue }
                relations.append(total: Int(total), dimension: relation.dimension, parts: parts)
            }
        }
        return relations
    }

    /// Which stratum dimensions a cell breaks down (is not at their total): its stratum type, one bit per
    /// stratum dimension.
    static func mask(of cell: Int, dimensions: [Dimension], coordinates: [Int32], stratumDimensions: [Int]) -> UInt64 {
        var mask: UInt64 = 0
        for (bit, d) in stratumDimensions.enumerated()
        where dimensions[d].parent[Int(coordinates[cell * dimensions.count + d])] >= 0 {
            mask |= 1 << UInt64(bit)
        }
        return mask
    }

    /// The relations of one stratum type's table, over its cells numbered `0..<cells.count`; the stratum
    /// dimensions it does not break down have no total there (all its cells stand at it).
    private static func typeRelations(
        of cells: [Int], mask: UInt64, dimensions: [Dimension], coordinates: [Int32], lines: [Int32], file: String,
        stratumDimensions: [Int], partsMayBeMissing: [Bool]
    ) throws(ModelError) -> Relations {
        let arity = dimensions.count
        var own: [Int32] = []
        own.reserveCapacity(cells.count * arity)
        var ownLines: [Int32] = []
        ownLines.reserveCapacity(cells.count)
        for cell in cells {
            own += coordinates[cell * arity..<(cell + 1) * arity]
            ownLines.append(lines[cell])
        }
        var restricted = dimensions
        for (bit, d) in stratumDimensions.enumerated() where mask & (1 << UInt64(bit)) == 0 {
            let dimension = dimensions[d]
            restricted[d] = Dimension(
                column: dimension.column, role: dimension.role, labels: dimension.labels,
                parent: Array(repeating: -1, count: dimension.count))
        }
        let (index, _) = CellIndex.build(coordinates: own, arity: arity, sizes: restricted.map(\.count))
        return try RelationBuilder.build(
            dimensions: restricted, coordinates: own, index: index, cellCount: cells.count, lines: ownLines, file: file,
            partsMayBeMissing: partsMayBeMissing)
    }

    /// Whether the strata, as sets of variables, chain without a cycle (an acyclic hypergraph, by repeatedly
    /// dropping a variable only one stratum has and a stratum another contains). Breakdowns that chain so are
    /// margins of some table of people whenever they agree on their shared totals, so the relations of each
    /// stratum's table are all an attacker can use; a cycle (`Age × Gender`, `Gender × Race`, `Age × Race`)
    /// also constrains them through the three-way table no row shows, which the audit does not model.
    static func isAcyclic(_ strata: [UInt64]) -> Bool {
        var edges = strata
        var changed = true
        while changed {
            changed = false
            let all = edges.reduce(0, |)
            for bit in 0..<64 where all & (1 << UInt64(bit)) != 0 {
                let holders = edges.indices.filter { edges[$0] & (1 << UInt64(bit)) != 0 }
                if holders.count == 1 {
                    edges[holders[0]] &= ~(1 << UInt64(bit))
                    changed = true
                }
            }
            let kept = edges.indices.filter { i in
                let edge = edges[i]
                return edge != 0 && !edges.indices.contains { j in
                    j != i && edges[j] & edge == edge && (edges[j] != edge || j < i)
                }
            }
            if kept.count != edges.count { changed = true }
            edges = kept.map { edges[$0] }
        }
        return edges.isEmpty
    }
}
