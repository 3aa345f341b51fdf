import DeidModel

/// Populations read from the table itself, for units no reference file knows (a local health jurisdiction, a
/// city): a unit's population is its denominator on its total row, where every other dimension with a total stands
/// at its total. Over the dimensions without a total (years), the smallest such denominator is taken, the riskiest
/// reading; a total row without a denominator leaves the unit unknown.
struct OwnDenominator {
    /// Per label index of the dimension: the smallest denominator on its total rows, nil when one is missing.
    let populations: [Int32: Int?]

    init(dimension d: Int, of table: Table) {
        var found: [Int32: Int?] = [:]
        guard let denominators = table.denominators else {
            populations = [:]
            return
        }
        let others = table.dimensions.indices.filter { $0 != d && table.dimensions[$0].isAdditive }
        for cell in 0..<table.cellCount where !table.isRemainder(cell) {
            let atTotals = others.allSatisfy { e in
                table.dimensions[e].parent[Int(table.value(of: cell, in: e))] < 0
            }
            guard atTotals else { continue }
            let label = table.value(of: cell, in: d)
            let value = denominators[cell]
            // `found[label] ?? Int.max`: Int.max for a label not seen yet, nil for one already unknown.
            guard value.isFinite, value >= 0, let previous = found[label] ?? Int.max else {
                found[label] = .some(nil)
                continue
            }
            found[label] = min(previous, Int(value.rounded(.down)))
        }
        populations = found
    }

    func population(of label: Int32) -> Int? { populations[label] ?? nil }
}
