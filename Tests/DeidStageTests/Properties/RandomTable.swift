import Foundation

/// A random count table with its description: 1–4 dimensions, each with a flat total, a two-level hierarchy
/// (a root, groups, leaves) or no total (separate slices); many small cells; optionally a population and rate
/// column and an annotation column. Totals are exact sums, so every table is valid input for `deid release`.
struct RandomTable: Sendable, CustomStringConvertible {
    enum Structure: Sendable {
        case flat(total: String, leaves: [String])
        /// root → groups → leaves. A group may have a single leaf: its subtotal then equals that leaf.
        case hierarchy(root: String, groups: [(name: String, leaves: [String])])
        case slices([String])
    }

    struct Axis: Sendable {
        var column: String
        var role: String
        var structure: Structure

        var hasHierarchy: Bool {
            if case .hierarchy = structure { true } else { false }
        }

        /// Every label, parents before their children where there are any (the order rows are generated in).
        var labels: [String] {
            switch structure {
            case .flat(let total, let leaves): [total] + leaves
            case .hierarchy(let root, let groups): [root] + groups.flatMap { [$0.name] + $0.leaves }
            case .slices(let values): values
            }
        }

        /// The leaves a label stands for: itself for a leaf, every leaf below it for a total.
        func leaves(of label: String) -> [String] {
            switch structure {
            case .flat(let total, let leaves): label == total ? leaves : [label]
            case .hierarchy(let root, let groups):
                label == root ? groups.flatMap(\.leaves) : groups.first { $0.name == label }?.leaves ?? [label]
            case .slices: [label]
            }
        }
    }

    var axes: [Axis]
    /// Count and population of each combination of leaves.
    var leafCounts: [[String]: Int]
    var leafPopulations: [[String]: Int]
    var withRates: Bool
    var withAnnotation: Bool
    /// Data rows (dimension labels) in file order: shuffled, so order preservation is really tested.
    var rows: [[String]]

    static let columns = ["Region", "Sex", "Age", "Year", "Race"]
    static let roles = ["residence_geography", "sex", "age", "time", "race_ethnicity"]

    /// `maximumCells` keeps the table small enough for its check (64: the brute-force search); `withHierarchy`
    /// asks for at least one dimension with a two-level hierarchy.
    init<R: RandomNumberGenerator>(
        using rng: inout R, dimensions range: ClosedRange<Int> = 1...4, maximumCells: Int = 64,
        withHierarchy: Bool = false
    ) {
        // The number of dimensions is drawn once, so 4-D tables are as frequent as 1-D ones; only the structure
        // is drawn again while the table is too large for its check.
        let dimensions = Int.random(in: range, using: &rng)
        while true {
            var axes: [Axis] = []
            for d in 0..<dimensions {
                let name = Self.columns[d]
                let prefix = String(name.prefix(1))
                let slicesAllowed = d > 0 && !axes.isEmpty
                let kind = Int.random(in: 0..<(slicesAllowed ? 5 : 4), using: &rng)
                let structure: Structure
                switch kind {
                case 0, 1:
                    let leaves = (1...Int.random(in: 2...3, using: &rng)).map { "\(prefix)\($0)" }
                    structure = .flat(total: "All \(name)", leaves: leaves)
                case 2, 3:
                    let groups = (1...2).map { g in
                        (name: "\(prefix)G\(g)", leaves: (1...Int.random(in: 1...2, using: &rng)).map { "\(prefix)\(g)\($0)" })
                    }
                    structure = .hierarchy(root: "All \(name)", groups: groups)
                default:
                    structure = .slices(["\(prefix)x", "\(prefix)y"])
                }
                axes.append(Axis(column: name, role: Self.roles[d], structure: structure))
            }
            let cells = axes.reduce(1) { $0 * $1.labels.count }
            guard cells <= maximumCells else { continue }
            guard !withHierarchy || axes.contains(where: \.hasHierarchy) else { continue }

            var counts: [[String]: Int] = [:]
            var populations: [[String]: Int] = [:]
            for key in Self.product(axes.map { axis in axis.labels.filter { axis.leaves(of: $0) == [$0] } }) {
                // Many small cells: 15% zero, 40% from 1 to 10, 45% from 11 to 60.
                let draw = Int.random(in: 0..<100, using: &rng)
                counts[key] = draw < 15 ? 0 : draw < 55 ? Int.random(in: 1...10, using: &rng) : Int.random(in: 11...60, using: &rng)
                populations[key] = Int.random(in: 1_000...9_999, using: &rng)
            }
            self.axes = axes
            leafCounts = counts
            leafPopulations = populations
            withRates = Bool.random(using: &rng)
            withAnnotation = Bool.random(using: &rng)
            rows = Self.product(axes.map(\.labels)).shuffled(using: &rng)
            return
        }
    }

    init(
        axes: [Axis], leafCounts: [[String]: Int], leafPopulations: [[String]: Int], withRates: Bool,
        withAnnotation: Bool, rows: [[String]]
    ) {
        self.axes = axes
        self.leafCounts = leafCounts
        self.leafPopulations = leafPopulations
        self.withRates = withRates
        self.withAnnotation = withAnnotation
        self.rows = rows
    }

    /// The same people counted over the axes `kept` only (each dropped axis summed over its leaves): a table
    /// released together with this one shares its cells at the dropped axes' totals.
    func marginal(keeping kept: [Int]) -> RandomTable {
        var counts: [[String]: Int] = [:]
        var populations: [[String]: Int] = [:]
        for (key, count) in leafCounts {
            let reduced = kept.map { key[$0] }
            counts[reduced, default: 0] += count
            populations[reduced, default: 0] += leafPopulations[key] ?? 0
        }
        let axes = kept.map { self.axes[$0] }
        return RandomTable(
            axes: axes, leafCounts: counts, leafPopulations: populations, withRates: false,
            withAnnotation: withAnnotation, rows: Self.product(axes.map(\.labels)))
    }

    /// Whether the axis has a total (a flat one or a hierarchy's root), so a table without it can stand at it.
    var additiveAxes: [Int] {
        axes.indices.filter { if case .slices = axes[$0].structure { false } else { true } }
    }

    /// Every combination of one value from each list, in order.
    static func product(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// Sum over every leaf combination below the row's labels.
    func sum(_ key: [String], of values: [[String]: Int]) -> Int {
        Self.product(zip(axes, key).map { $0.leaves(of: $1) }).reduce(0) { $0 + (values[$1] ?? 0) }
    }

    var csv: String {
        var header = axes.map(\.column) + ["Cases"]
        if withRates { header += ["Population", "Rate"] }
        var lines = [header.joined(separator: ",")]
        for key in rows {
            let count = sum(key, of: leafCounts)
            var fields = key + [String(count)]
            if withRates {
                let population = sum(key, of: leafPopulations)
                fields += [String(population), String(format: "%.1f", Double(count) * 1000 / Double(population))]
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var description: String { "\(axes.count)-D table:\n" + yaml + csv }

    var yaml: String {
        var text = "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n"
        for axis in axes {
            text += "    - column: \(axis.column)\n      role: \(axis.role)\n"
            switch axis.structure {
            case .flat(let total, _):
                text += "      total: \(total)\n"
            case .hierarchy(let root, let groups):
                text += "      hierarchy:\n        \(root): [\(groups.map(\.name).joined(separator: ", "))]\n"
                for group in groups { text += "        \(group.name): [\(group.leaves.joined(separator: ", "))]\n" }
            case .slices:
                break
            }
        }
        text += "  count: Cases\n"
        if withRates { text += "  denominator: Population\n  derived: [Rate]\n" }
        if withAnnotation { text += "  annotation: Annotation\n" }
        return text
    }
}
