import DeidDescription
import DeidModel

/// Which cells may become complementary and what hiding each costs (information lost).
///
/// A zero is never hidden (DDG Ed. 2.0 rule 3; Q10: it would add nothing to the hidden total and an attacker
/// who knows hidden cells are non-zero gains from it). The cost of a cell is its count — the smallest non-zero
/// value first — multiplied by the policy's `total_cost_factor` once per dimension in which the cell is a total
/// or subtotal, so inner cells come before margins, plus 1 so that among equal totals fewer cells win.
struct SuppressionCosts: Sendable {
    let eligible: [Bool]
    let cost: [Double]

    init(system: CellSystem, rule: ComplementaryRule) {
        var eligible = [Bool](repeating: false, count: system.cellCount)
        var cost = [Double](repeating: 0, count: system.cellCount)
        for cell in 0..<system.cellCount {
            let count = system.values[cell]
            let marginality = Int(system.marginality[cell])
            eligible[cell] = count > 0 && (rule.allowTotals || marginality == 0)
            var factor = 1.0
            for _ in 0..<marginality { factor *= rule.totalCostFactor }
            cost[cell] = Double(count) * factor + 1
        }
        self.eligible = eligible
        self.cost = cost
    }

    /// Deterministic order: cheaper first, then inner before margins (via cost), then lower cell index.
    func cheaper(_ a: Int, _ b: Int) -> Bool {
        cost[a] != cost[b] ? cost[a] < cost[b] : a < b
    }
}
