import DeidModel

/// The cells near a target cell, where a cheap protecting move almost always lies, crossed over all
/// dimensions. Along each dimension:
/// - `near`: the target's value, its parent and siblings (the other values of the relation it is a part of),
///   and for a total all its descendants (a total moves only if its parts do);
/// - `wide`: also the grandparent and the parent's siblings, so a move can climb one level (a county that is its
///   region's only county moves only with the region).
///
/// A move found inside a neighbourhood (cells outside held fixed) is a valid move of the whole
/// system, so restricting the search is safe; it only may miss a cheaper one further away, and when none exists
/// inside, the caller widens the search, finally to the whole component. Targets with the same parents share a
/// neighbourhood, so its linear program is built once and warm-started for all of them.
struct Neighbourhood: Sendable {
    enum Reach: Int, Sendable { case near, wide }

    /// Identifies the cell set: per dimension, 2 × the parent for a leaf (its neighbourhood is the parent's
    /// family), 2 × value + 1 for a total; the reach last.
    let key: [Int32]
    let cells: [Int32]

    /// The key alone, without listing the cells: the protector looks its models up by key for every move,
    /// and builds the cell list only for a neighbourhood it has not met (listing the cells on every lookup was
    /// a noticeable share of a release's work; measurements: Benchmarks/README.md, "Design measurements").
    static func key(of cell: Int, in system: CellSystem, reach: Reach) -> [Int32] {
        var key: [Int32] = []
        key.reserveCapacity(system.grid.axes.count + 1)
        for (d, dimension) in system.grid.axes.enumerated() {
            let value = system.grid.value(of: cell, on: d)
            let parent = dimension.parent[Int(value)]
            key.append(dimension.isLeaf(value) ? 2 * (parent >= 0 ? parent : value) : 2 * value + 1)
        }
        key.append(Int32(reach.rawValue))
        return key
    }

    init(of cell: Int, in system: CellSystem, reach: Reach) {
        var valuesPerDimension: [[Int32]] = []
        for (d, dimension) in system.grid.axes.enumerated() {
            let value = system.grid.value(of: cell, on: d)
            let parent = dimension.parent[Int(value)]
            var values: Set<Int32> = [value]
            if !dimension.isLeaf(value) {
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
        var cells: [Int32] = []
        var coordinate = [Int32](repeating: 0, count: valuesPerDimension.count)
        func visit(_ d: Int) {
            if d == valuesPerDimension.count {
                if let found = system.grid.cell(at: coordinate) { cells.append(Int32(found)) }
                return
            }
            for value in valuesPerDimension[d] {
                coordinate[d] = value
                visit(d + 1)
            }
        }
        visit(0)
        self.key = Self.key(of: cell, in: system, reach: reach)
        self.cells = cells.sorted()
    }

    private static func addDescendants(of value: Int32, in dimension: Axis, to values: inout Set<Int32>) {
        for child in dimension.children[Int(value)] where values.insert(child).inserted {
            addDescendants(of: child, in: dimension, to: &values)
        }
    }
}
