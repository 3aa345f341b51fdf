import DeidModel

/// Proves a hidden cell's movement without a linear program when the hidden cells around it form a hypercube.
///
/// Along each dimension with a total, pick for the target's value either a sibling (the two cells get opposite
/// signs, so their common parent stays the same; both must be leaves, or their own parts would have to move) or,
/// for a grand total, one of its parts (the same sign: the total rises with that part; the part must be a leaf,
/// and the total has no parent of its own to disturb). The 2^k cells obtained by applying any subset of these
/// choices, with signs alternating as above, change no total when moved together by ±t: τ-ARGUS's hypercube. If every one of them is hidden, the release admits
/// that move, as far as the cells it lowers stay at least 1 — a witness, found by a few array lookups.
struct HypercubeWitness {
    private let system: CellSystem
    /// Dimensions with a total or hierarchy: the only ones along which the cube extends.
    private let additive: [Int]
    static let maximumCubes = 256

    /// The dense index's strides and slots, when the table has one and `usesDenseIndex` (tests turn it off
    /// to hold the two ways of finding corners to the same cubes).
    private let dense: (strides: [Int], slots: [Int32])?

    init(system: CellSystem, usesDenseIndex: Bool = true) {
        self.system = system
        additive = system.grid.axes.indices.filter { system.grid.axes[$0].isAdditive }
        dense = usesDenseIndex ? system.grid.dense : nil
    }

    /// The best hypercube move of `cell` up and down (0 when none is found), with the cube's cells and signs.
    func best(for cell: Int, pattern: Pattern) -> (up: Double, down: Double, cube: [(cell: Int, sign: Double)]?) {
        let arity = system.grid.axes.count
        let base = (0..<arity).map { system.grid.value(of: cell, on: $0) }
        // Per additive dimension, the choices whose single-step neighbour is hidden (every corner must be).
        var choices: [[(value: Int32, sameSign: Bool)]] = []
        for d in additive {
            let dimension = system.grid.axes[d]
            let v = base[d]
            var options: [(Int32, Bool)] = []
            let parent = dimension.parent[Int(v)]
            if parent >= 0, dimension.isLeaf(v) {
                for sibling in dimension.children[Int(parent)] where sibling != v && dimension.isLeaf(sibling) {
                    options.append((sibling, false))
                }
            }
            if parent < 0 {
                for child in dimension.children[Int(v)] where dimension.isLeaf(child) { options.append((child, true)) }
            }
            let hidden = options.filter { option in
                var key = base
                key[d] = option.0
                return system.grid.cell(at: key).map(pattern.isHidden) ?? false
            }
            // A root of a dimension that never moves along it (no parent, no children) cannot take part.
            guard !hidden.isEmpty else { return (0, 0, nil) }
            choices.append(hidden.map { (value: $0.0, sameSign: $0.1) })
        }
        var bestUp = 0.0
        var bestDown = 0.0
        var bestCube: [(cell: Int, sign: Double)]?
        var pick = Array(repeating: 0, count: additive.count)
        var tried = 0
        repeat {
            tried += 1
            if let cube = corners(base, pick.enumerated().map { choices[$0][$1] }, pattern: pattern) {
                // Moving the cube by +t lowers the cells with sign −1; by −t, those with sign +1.
                let up = room(cube, lowered: -1)
                let down = room(cube, lowered: 1)
                if up + down > bestUp + bestDown {
                    bestUp = up
                    bestDown = down
                    bestCube = cube
                }
            }
        } while tried < Self.maximumCubes && Odometer.advance(&pick, limits: choices.map(\.count))
        return (bestUp, bestDown, bestCube)
    }

    /// The cube's cells with their signs, or nil when one of them is missing or published.
    private func corners(
        _ base: [Int32], _ picks: [(value: Int32, sameSign: Bool)], pattern: Pattern
    ) -> [(cell: Int, sign: Double)]? {
        var result: [(cell: Int, sign: Double)] = []
        result.reserveCapacity(1 << picks.count)
        // Up to 256 cubes of up to 8 corners per target: on a dense index a corner is the base position plus
        // one stride step per picked dimension, with no key to build (building keys was a noticeable share of
        // a release's work; measurements: Benchmarks/README.md, "Design measurements").
        if let dense {
            var origin = 0
            for d in base.indices { origin += Int(base[d]) * dense.strides[d] }
            for mask in 0..<(1 << picks.count) {
                var position = origin
                var sign = 1.0
                for (k, pick) in picks.enumerated() where mask & (1 << k) != 0 {
                    let d = additive[k]
                    position += Int(pick.value - base[d]) * dense.strides[d]
                    if !pick.sameSign { sign = -sign }
                }
                let cell = Int(dense.slots[position])
                guard cell >= 0, pattern.isHidden(cell) else { return nil }
                result.append((cell, sign))
            }
            return result
        }
        for mask in 0..<(1 << picks.count) {
            var key = base
            var sign = 1.0
            for (k, pick) in picks.enumerated() where mask & (1 << k) != 0 {
                key[additive[k]] = pick.value
                if !pick.sameSign { sign = -sign }
            }
            guard let cell = system.grid.cell(at: key), pattern.isHidden(cell) else { return nil }
            result.append((cell, sign))
        }
        return result
    }

    /// How far the cube can move when the cells with sign `lowered` go down: each stays at least 1.
    private func room(_ cube: [(cell: Int, sign: Double)], lowered: Double) -> Double {
        cube.filter { $0.sign == lowered }.map { Double(system.values[$0.cell] - 1) }.min() ?? .infinity
    }
}
