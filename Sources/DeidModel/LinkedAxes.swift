import DeidDescription
import DeidSupport

/// The dimensions of tables released together, matched by column name: one label tree per name, every table's
/// labels placed in it, and each tree's total (the value a table without the column stands at).
struct LinkedAxes {
    private(set) var names: [String] = []
    private var roles: [DimensionRole] = []
    private var labels: [[String]] = []
    private var ids: [[String: Int32]] = []
    private var parents: [[Int32]] = []
    /// Per linked dimension, its total's value id, or -1 while no table has given it one.
    private(set) var roots: [Int32] = []
    /// Per table and dimension of the table: its linked dimension, and its value ids as linked value ids.
    private var linkedDimension: [[Int]] = []
    private var valueMaps: [[[Int32]]] = []

    init(_ tables: [Table]) throws(ModelError) {
        for table in tables {
            var dimensionsOfTable: [Int] = []
            var maps: [[Int32]] = []
            for dimension in table.dimensions {
                let u = linked(dimension)
                dimensionsOfTable.append(u)
                maps.append(place(dimension, in: u))
            }
            linkedDimension.append(dimensionsOfTable)
            valueMaps.append(maps)
        }
        for (t, table) in tables.enumerated() {
            for d in table.dimensions.indices { try linkParents(table: t, dimension: d, in: tables) }
        }
        try requireTotals(for: tables)
    }

    /// Per linked dimension, the table's dimension index with that column, or nil when the table lacks it.
    func columns(of table: Int) -> [Int?] {
        var columns = [Int?](repeating: nil, count: names.count)
        for (d, u) in linkedDimension[table].enumerated() { columns[u] = d }
        return columns
    }

    /// The linked dimension of each of the table's dimensions.
    func linkedDimensions(of table: Int) -> [Int] { linkedDimension[table] }

    /// The linked value id of value `id` of the table's dimension `dimension`.
    func value(table: Int, dimension: Int, id: Int32) -> Int32 { valueMaps[table][dimension][Int(id)] }

    /// The linked dimensions as the grid of the linked system lays cells out on.
    func dimensions() -> [Dimension] {
        names.indices.map { Dimension(column: names[$0], role: roles[$0], labels: labels[$0], parent: parents[$0]) }
    }

    private mutating func linked(_ dimension: Dimension) -> Int {
        if let u = names.firstIndex(of: dimension.column) { return u }
        names.append(dimension.column)
        roles.append(dimension.role)
        labels.append([])
        ids.append([:])
        parents.append([])
        roots.append(-1)
        return names.count - 1
    }

    /// The dimension's values as linked value ids; its total becomes the linked total (the first table's label
    /// names it).
    private mutating func place(_ dimension: Dimension, in u: Int) -> [Int32] {
        let root = dimension.labels.indices.first { dimension.parent[$0] < 0 && !dimension.children[$0].isEmpty }
        return dimension.labels.indices.map { v in
            if v == root {
                if roots[u] < 0 { roots[u] = id(of: dimension.labels[v], in: u) }
                return roots[u]
            }
            return id(of: dimension.labels[v], in: u)
        }
    }

    private mutating func id(of label: String, in u: Int) -> Int32 {
        if let id = ids[u][label] { return id }
        let id = Int32(labels[u].count)
        labels[u].append(label)
        ids[u][label] = id
        parents[u].append(-1)
        return id
    }

    /// Each value adds up into the same total in every table that gives it one.
    private mutating func linkParents(table t: Int, dimension d: Int, in tables: [Table]) throws(ModelError) {
        let dimension = tables[t].dimensions[d]
        let u = linkedDimension[t][d]
        let map = valueMaps[t][d]
        for (v, p) in dimension.parent.enumerated() where p >= 0 {
            let child = Int(map[v])
            let parent = map[Int(p)]
            if parents[u][child] >= 0 && parents[u][child] != parent {
                throw .linkedHierarchiesDisagree(
                    label: labels[u][child], column: names[u], file: tables[t].file,
                    other: tables[firstTable(with: u, before: t)].file)
            }
            parents[u][child] = parent
        }
    }

    private func firstTable(with u: Int, before t: Int) -> Int {
        (0..<t).first { linkedDimension[$0].contains(u) } ?? t
    }

    /// A table without a dimension's column stands at its total, so the dimension needs one.
    private func requireTotals(for tables: [Table]) throws(ModelError) {
        for (t, table) in tables.enumerated() {
            for u in names.indices where roots[u] < 0 && !linkedDimension[t].contains(u) {
                let owner = tables.indices.first { linkedDimension[$0].contains(u) } ?? t
                throw .linkedDimensionWithoutTotal(column: names[u], file: tables[owner].file, missingIn: table.file)
            }
        }
    }
}
