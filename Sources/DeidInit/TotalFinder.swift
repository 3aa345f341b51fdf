/// Finds how a dimension's labels add up, from the counts: a flat total (a label whose count equals the sum of
/// the others' in every slice of the table), or a hierarchy of known regions. Only exact sums count; a slice with
/// a blank count, or with one label only, proves nothing either way.
struct TotalFinder {
    /// Row counts of the count column; nil where blank or not a whole number.
    let counts: [Int?]
    /// Every dimension column's values per row.
    let dimensions: [Int: ColumnValues]

    enum Structure {
        case total(label: String, slices: Int)
        case hierarchy(root: String, children: [(parent: String, members: [String])], slices: Int)
        /// No label adds up the others (e.g. years).
        case none
        /// A label named like a total that the others do not add up to in `failing` of `slices` slices.
        case inconsistent(label: String, failing: Int, slices: Int)
    }

    /// Each slice of the table along one dimension (the values of every other dimension) → each label's count in it.
    typealias Slices = [[Int32]: [Int32: Int?]]

    /// The slices along dimension `d`, built once and handed to the tests below.
    func slices(of d: Int) -> Slices {
        let others = dimensions.keys.filter { $0 != d }.sorted()
        guard let own = dimensions[d] else { return [:] }
        var result: [[Int32]: [Int32: Int?]] = [:]
        for row in own.rows.indices {
            let key = others.compactMap { dimensions[$0]?.rows[row] }
            result[key, default: [:]][own.rows[row]] = counts[row]
        }
        return result
    }

    /// Labels that equal the sum of the others in every slice where that can be told, and how many slices showed it.
    func flatTotals(in slices: Slices) -> [(label: Int32, slices: Int)] {
        var held: [Int32: Int] = [:]
        var broken: Set<Int32> = []
        for cells in slices.values where cells.count > 1 {
            let known = cells.compactMapValues { $0 }
            guard known.count == cells.count else { continue }
            let sum = known.values.reduce(0, +)
            guard sum > 0 else { continue }
            for (label, count) in known {
                if 2 * count == sum { held[label, default: 0] += 1 } else { broken.insert(label) }
            }
        }
        return held.filter { !broken.contains($0.key) }.map { ($0.key, $0.value) }.sorted { $0.label < $1.label }
    }

    /// In how many slices `label` is not the sum of the others, and in how many that could be told.
    func failures(of label: Int32, in slices: Slices) -> (failing: Int, slices: Int) {
        var failing = 0
        var told = 0
        for cells in slices.values where cells.count > 1 && cells[label] != nil {
            let known = cells.compactMapValues { $0 }
            guard known.count == cells.count, let count = known[label] else { continue }
            told += 1
            if 2 * count != known.values.reduce(0, +) { failing += 1 }
        }
        return (failing, told)
    }

    /// Whether each parent's count is the sum of its members' in every slice where the parent and all its
    /// members have counts; the number of slices that showed it, or nil when one contradicts it.
    func holds(_ tree: [(parent: Int32, members: [Int32])], in slices: Slices) -> Int? {
        var shown = 0
        for cells in slices.values {
            for (parent, members) in tree {
                guard let total = cells[parent] ?? nil else { continue }
                let parts = members.map { cells[$0] ?? nil }
                guard parts.allSatisfy({ $0 != nil }) else { continue }
                if parts.compactMap({ $0 }).reduce(0, +) != total { return nil }
                shown += 1
            }
        }
        return shown
    }
}
