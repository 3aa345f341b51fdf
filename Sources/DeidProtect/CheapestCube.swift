import DeidModel

/// Finds, for one cell, the cheapest set of cells whose hiding lets it move by a given width, without a linear
/// program: a generalised hypercube (τ-ARGUS's hypercube method, extended to hierarchies and margins).
///
/// Along each axis with relations, a move is a vector of ±1 on a few of the axis's values that keeps every
/// relation of the axis: a pair of siblings with opposite signs (their parent does not change), or a value with
/// all its ancestors, same sign (each total rises with its part). A value that is itself a total carries a path
/// down to one of its leaves with the same sign, since its parts must add up to it. The product of one such
/// vector per axis changes no relation of the table (each relation lies along one axis, the others held), so
/// moving the cells where the product is non-zero by ±t, each by its sign, gives a second table with the same
/// totals: once those cells are hidden, an attacker cannot tell the two apart. The move is possible as far as
/// the cells it lowers stay at least 1, and published zeros, which are never hidden, cannot be among them.
///
/// The cost of a cube is what hiding its published cells costs. The search looks at every combination of the
/// cheapest few options per axis, so its cost per cell is bounded and a whole table costs time in proportion to
/// its cells, however large its components.
struct CheapestCube: Sendable {
    /// At most this many combinations of per-axis options are looked at for one cell.
    static let maximumCombinations = 4_096

    struct Corner: Sendable {
        var cell: Int
        var sign: Int8
    }

    struct Cube: Sendable {
        var corners: [Corner]
        /// How far the target can move up and down.
        var up: Int
        var down: Int
        var cost: Double
    }

    private let system: CellSystem
    private let costs: SuppressionCosts
    private let additive: [Int]
    private let dense: (strides: [Int], slots: [Int32])?

    init(system: CellSystem, costs: SuppressionCosts) {
        self.system = system
        self.costs = costs
        additive = system.grid.axes.indices.filter { system.grid.axes[$0].isAdditive }
        dense = system.grid.dense
    }

    /// The cheapest cube that lets `cell` move up by a and down by b with a + b ≥ width, if there is one.
    func cheapest(for cell: Int, width: Int, pattern: Pattern) -> Cube? {
        let arity = system.grid.axes.count
        let base = (0..<arity).map { system.grid.value(of: cell, on: $0) }
        var choices: [[AxisMove]] = []
        for d in additive {
            let options = moves(along: d, at: base, pattern: pattern)
            guard !options.isEmpty else { return nil }
            choices.append(options)
        }
        Self.trim(&choices)
        var best: Cube?
        var pick = Array(repeating: 0, count: choices.count)
        let limits = choices.map(\.count)
        repeat {
            var floor = 0.0
            for k in pick.indices { floor += choices[k][pick[k]].probeCost }
            if let best, floor >= best.cost { continue }
            if let cube = cube(base, choices, pick, width: width, pattern: pattern, costBound: best?.cost ?? .infinity) {
                best = cube
            }
        } while Odometer.advance(&pick, limits: limits)
        return best
    }

    /// One axis's vector: values with signs, the target's own value first with sign +1.
    struct AxisMove: Sendable {
        var values: [(value: Int32, sign: Int8)]
        /// What hiding the cells that differ from the target along this axis alone costs: a lower bound on the
        /// cost of any cube using this move.
        var probeCost: Double
        /// Whether the move goes up through every ancestor: the cube of such moves along every axis is made of
        /// the target's own margins, never zero, so it always exists where margins may be hidden.
        var isVertical: Bool
    }

    /// The moves along axis `d` whose cells next to the target (differing along `d` alone) may be hidden,
    /// cheapest first.
    private func moves(along d: Int, at base: [Int32], pattern: Pattern) -> [AxisMove] {
        let axis = system.grid.axes[d]
        let v = base[d]
        var vectors: [[(value: Int32, sign: Int8)]] = []
        let down = downPaths(from: v, along: d, at: base, pattern: pattern)
        // Up with every ancestor.
        var ancestors: [(value: Int32, sign: Int8)] = []
        var p = axis.parent[Int(v)]
        while p >= 0 {
            ancestors.append((p, 1))
            p = axis.parent[Int(p)]
        }
        if !(ancestors.isEmpty && axis.isLeaf(v)) {
            for path in down { vectors.append(path.map { ($0, 1) } + ancestors) }
        }
        let verticals = vectors.count
        // Against a sibling.
        let parent = axis.parent[Int(v)]
        if parent >= 0 {
            for sibling in axis.children[Int(parent)] where sibling != v {
                for path in down {
                    for other in downPaths(from: sibling, along: d, at: base, pattern: pattern) {
                        vectors.append(path.map { ($0, 1) } + other.map { ($0, -1) })
                    }
                }
            }
        }
        var result: [AxisMove] = []
        for (n, vector) in vectors.enumerated() {
            var probe = 0.0
            var usable = true
            for (value, _) in vector.dropFirst() {
                var key = base
                key[d] = value
                guard let neighbour = system.grid.cell(at: key), pattern.isHidden(neighbour) || costs.eligible[neighbour]
                else {
                    usable = false
                    break
                }
                if !pattern.isHidden(neighbour) { probe += costs.cost[neighbour] }
            }
            if usable { result.append(AxisMove(values: vector, probeCost: probe, isVertical: n < verticals)) }
        }
        // Ties keep the order the moves were listed in, so the cube found never depends on the sort.
        return result.enumerated().sorted {
            $0.element.probeCost != $1.element.probeCost ? $0.element.probeCost < $1.element.probeCost : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Paths from `v` down to a leaf below it (just `[v]` for a leaf) through non-zero cells, at most
    /// `maximumPaths`: the target's parts along the axis, and theirs, must be able to move with it.
    private func downPaths(from v: Int32, along d: Int, at base: [Int32], pattern: Pattern) -> [[Int32]] {
        let axis = system.grid.axes[d]
        if axis.isLeaf(v) { return [[v]] }
        var key = base
        // Hidden parts first (they cost nothing), then the largest (they leave the most room).
        let children = axis.children[Int(v)].compactMap { child -> (child: Int32, hidden: Bool, value: Int)? in
            key[d] = child
            guard let cell = self.cell(at: key), system.values[cell] > 0 else { return nil }
            return (child, pattern.isHidden(cell), system.values[cell])
        }.sorted {
            $0.hidden != $1.hidden ? $0.hidden : $0.value != $1.value ? $0.value > $1.value : $0.child < $1.child
        }
        var paths: [[Int32]] = []
        for (child, _, _) in children where paths.count < Self.maximumPaths {
            for tail in downPaths(from: child, along: d, at: base, pattern: pattern) where paths.count < Self.maximumPaths {
                paths.append([v] + tail)
            }
        }
        return paths
    }

    static let maximumPaths = 4

    /// Keeps the cheapest options of each axis so that their combinations stay within `maximumCombinations`,
    /// cutting the longest list first; the first vertical move of each axis is always kept.
    private static func trim(_ choices: inout [[AxisMove]]) {
        var counts = choices.map(\.count)
        while counts.reduce(1, *) > maximumCombinations {
            guard let longest = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[longest] > 2 else { break }
            counts[longest] -= max(1, counts[longest] / 4)
        }
        for d in choices.indices where counts[d] < choices[d].count {
            let vertical = choices[d].firstIndex(where: \.isVertical)
            var kept = Array(choices[d].prefix(counts[d]))
            if let vertical, vertical >= counts[d] { kept.append(choices[d][vertical]) }
            choices[d] = kept
        }
    }

    /// The cube of the per-axis moves `pick` selects from `choices`, if every corner exists, is hidden or may be
    /// hidden, and the target can move by `width` in all; nil also when it costs at least `costBound`.
    private func cube(
        _ base: [Int32], _ choices: [[AxisMove]], _ pick: [Int], width: Int, pattern: Pattern, costBound: Double
    ) -> Cube? {
        var corners: [Corner] = []
        var cost = 0.0
        var up = Int.max
        var down = Int.max
        var index = Array(repeating: 0, count: pick.count)
        var limits = index
        for k in pick.indices { limits[k] = choices[k][pick[k]].values.count }
        var key = base
        repeat {
            var sign: Int8 = 1
            for k in pick.indices {
                let entry = choices[k][pick[k]].values[index[k]]
                key[additive[k]] = entry.value
                sign *= entry.sign
            }
            guard let cell = self.cell(at: key), pattern.isHidden(cell) || costs.eligible[cell] else { return nil }
            let value = system.values[cell]
            guard value > 0 else { return nil }
            if sign > 0 { down = min(down, value - 1) } else { up = min(up, value - 1) }
            if !pattern.isHidden(cell) {
                cost += costs.cost[cell]
                if cost >= costBound { return nil }
            }
            corners.append(Corner(cell: cell, sign: sign))
        } while Odometer.advance(&index, limits: limits)
        // A cube whose corners all rise with the target lets it rise without bound: capped, with no overflow.
        up = min(up, width)
        down = min(down, width)
        guard up + down >= width else { return nil }
        return Cube(corners: corners, up: up, down: down, cost: cost)
    }

    private func cell(at key: [Int32]) -> Int? {
        guard let dense else { return system.grid.cell(at: key) }
        var position = 0
        for d in key.indices { position += Int(key[d]) * dense.strides[d] }
        let slot = dense.slots[position]
        return slot >= 0 ? Int(slot) : nil
    }
}
