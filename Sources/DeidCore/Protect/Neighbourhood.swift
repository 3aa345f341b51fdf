/// The cells near a target cell, where a cheap protecting perturbation almost always lies, crossed over all
/// dimensions. Along each dimension:
/// - `near`: the target's value, its parent and siblings (the other values of the relation it is a part of),
///   and for a total all its descendants (a total moves only if its parts do);
/// - `wide`: also the grandparent and the parent's siblings, so a move can climb one level (a county that is its
///   region's only county moves only with the region).
///
/// A perturbation found inside a neighbourhood (cells outside held fixed) is a valid perturbation of the whole
/// table, so restricting the search is safe; it only may miss a cheaper one further away, and when none exists
/// inside, the caller widens the search, finally to the whole component. Targets with the same parents share a
/// neighbourhood, so its linear program is built once and warm-started for all of them.
struct Neighbourhood: Sendable {
    enum Reach: Int, Sendable { case near, wide }

    /// Identifies the cell set: per dimension, 2 × the parent for a leaf (its neighbourhood is the parent's
    /// family), 2 × value + 1 for a total; the reach last.
    let key: [Int32]
    let cells: [Int32]

    init(of cell: Int, in table: Table, reach: Reach) {
        var key: [Int32] = []
        var valuesPerDimension: [[Int32]] = []
        for (d, dimension) in table.dimensions.enumerated() {
            let value = table.value(of: cell, in: d)
            let parent = dimension.parent[Int(value)]
            var values: Set<Int32> = [value]
            if dimension.isLeaf(value) {
                key.append(2 * (parent >= 0 ? parent : value))
            } else {
                key.append(2 * value + 1)
                Self.addDescendants(of: value, in: dimension, to: &values)
            }
            if parent >= 0 {
                values.insert(parent)
                values.formUnion(dimension.children[Int(parent)])
                let grandparent = dimension.parent[Int(parent)]
                if reach == .wide, grandparent >= 0 {
                    values.insert(grandparent)
                    values.formUnion(dimension.children[Int(grandparent)])
                }
            }
            valuesPerDimension.append(values.sorted())
        }
        key.append(Int32(reach.rawValue))
        var cells: [Int32] = []
        var coordinate = [Int32](repeating: 0, count: valuesPerDimension.count)
        func visit(_ d: Int) {
            if d == valuesPerDimension.count {
                if let found = table.cell(at: coordinate) { cells.append(Int32(found)) }
                return
            }
            for value in valuesPerDimension[d] {
                coordinate[d] = value
                visit(d + 1)
            }
        }
        visit(0)
        self.key = key
        self.cells = cells.sorted()
    }

    private static func addDescendants(of value: Int32, in dimension: Dimension, to values: inout Set<Int32>) {
        for child in dimension.children[Int(value)] where values.insert(child).inserted {
            addDescendants(of: child, in: dimension, to: &values)
        }
    }
}
