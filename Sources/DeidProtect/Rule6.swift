import DeidDescription
import DeidModel

/// DDG Ed. 2.0 §4.4.1 rule 6: after complementary cells are chosen, a relation (row, column, or any total with
/// its parts) in which every hidden value is at most `allAtMost`, or the hidden values sum to less than
/// `sumBelow`, gets one more hidden cell — its cheapest remaining non-zero cell. "Hidden values" are read as all
/// hidden cells of the relation, primary and complementary (ddg-rules §6.3).
enum Rule6Application {
    /// Applies the rule until no relation triggers it. Returns the relations where it triggered but no
    /// non-zero cell was left to hide (the audit still decides whether those cells are protected).
    static func apply(
        _ rule: Rule6, system: CellSystem, costs: SuppressionCosts, pattern: inout Pattern
    ) -> [Int] {
        var unsatisfiable = Set<Int>()
        var changed = true
        while changed {
            changed = false
            for r in system.relations.indices where !unsatisfiable.contains(r) {
                let relation = system.relations[r]
                let cells = [relation.total] + relation.parts.map(Int.init)
                // Withheld-for-percentages counts are not suppressed values in the rule's sense (no count is shown).
                let hiddenValues = cells.filter { pattern.isHidden($0) && pattern.reasons[$0] != .percentagesOnly }
                    .map { system.values[$0] }
                guard !hiddenValues.isEmpty else { continue }
                let tiny = hiddenValues.allSatisfy { $0 <= rule.allAtMost }
                let small = hiddenValues.reduce(0, +) < rule.sumBelow
                guard tiny || small else { continue }
                let candidates = cells.filter { !pattern.isHidden($0) && costs.eligible[$0] }
                guard let cheapest = candidates.min(by: costs.cheaper) else {
                    unsatisfiable.insert(r)
                    continue
                }
                pattern.hide(cheapest, .rule6)
                changed = true
            }
        }
        return unsatisfiable.sorted()
    }
}
