import DeidSupport

/// The cells of tables released together, keyed by their linked coordinates: each shared cell once, with the
/// count its tables agree on (a count one table leaves blank and another shows is shown).
struct LinkedCells {
    private let arity: Int
    private var keys: TupleTable
    private var coordinates: [Int32] = []
    private var values: [Int] = []
    private var placements: [CellOrigins.Placement] = []
    /// What the annotation codes say of cells every table that has them leaves blank: the first code given.
    private var labels: [Int: HiddenLabel] = [:]

    init(arity: Int) {
        self.arity = arity
        keys = TupleTable(arity: arity)
    }

    /// The linked cell for `cell` of table `t`, at `key`: new, or the same cell as an earlier table's.
    /// `label`: what the table's annotation code says of the cell, if anything.
    mutating func place(
        _ key: [Int32], table t: Int, cell: Int, label: HiddenLabel?, in tables: [Table]
    ) throws(ModelError) -> Int32 {
        let (id, inserted) = key.withUnsafeBufferPointer { keys.insert($0) }
        let count = tables[t].counts[cell]
        if inserted {
            coordinates += key
            values.append(count)
            placements.append(CellOrigins.Placement(table: Int32(t), cell: Int32(cell)))
            if let label { labels[id] = label }
            return Int32(id)
        }
        if values[id] == Table.blank {
            values[id] = count
        } else if count != Table.blank && count != values[id] {
            let first = placements[id]
            let firstTable = tables[Int(first.table)]
            throw .linkedCountsDisagree(
                cell: tables[t].coordinates(of: cell), at: tables[t].location(of: cell),
                other: firstTable.location(of: Int(first.cell)))
        }
        if labels[id] == nil, let label { labels[id] = label }
        return Int32(id)
    }

    func system(tables: [Table], dimensions: [Dimension], relations: Relations) -> CellSystem {
        let sizes = dimensions.map(\.count)
        let index = CellIndex.build(coordinates: coordinates, arity: arity, sizes: sizes).index
        let marginality = values.indices.map { cell in
            Int8(dimensions.indices.reduce(0) { $0 + (dimensions[$1].isLeaf(coordinates[cell * arity + $1]) ? 0 : 1) })
        }
        return CellSystem(
            values: values, relations: relations, marginality: marginality,
            knownLabels: labels.filter { values[$0.key] == Table.blank },
            grid: CellGrid(
                axes: dimensions.map { Axis(parent: $0.parent, children: $0.children) }, coordinates: coordinates,
                index: index),
            origins: CellOrigins(tables: tables, placements: placements, axisNames: dimensions.map(\.column)))
    }
}
