import DeidModel

/// A quick look for relations in which distinct labels would plainly give hidden values away, before paying for
/// the full label-aware audit.
///
/// In a relation whose hidden cells are k_s cells labelled "small number" (1…m, m = numerator minimum − 1) and
/// k_c labelled "complementary" (≥ m + 1), with residual R (the total minus the published parts), a small cell
/// can only span all of 1…m if the others can absorb the rest at both ends:
/// - reaching m needs R − (k_s − 1) · 1 − k_c · (m + 1) ≥ m;
/// - reaching 1 without complementary cells (which have no upper bound) needs R − (k_s − 1) · m ≤ 1.
/// DDG Examples 1 and 2 fail the first test. The scan is a necessary condition only: passing it still leaves the
/// full audit to decide.
enum LabelLeakScan {
    /// The first relation (in table order) where the labels would narrow a small cell, if any.
    static func firstLeak(system: CellSystem, pattern: Pattern, smallMax: Int) -> Int? {
        for r in system.relations.indices {
            let relation = system.relations[r]
            var small = 0
            var complementary = 0
            var residual = 0
            var sign = 1
            for cell in [relation.total] + relation.parts.map(Int.init) {
                defer { sign = -1 }
                if pattern.isHidden(cell) {
                    // A hidden total counts against the parts: treat the relation as parts − total = 0.
                    if pattern.reasons[cell] == .primary { small += 1 } else { complementary += 1 }
                } else {
                    residual += sign * system.values[cell]
                }
            }
            guard small > 0, !pattern.isHidden(relation.total) else { continue }
            // residual = total − published parts = the sum of the hidden parts.
            if residual - (small - 1) - complementary * (smallMax + 1) < smallMax { return r }
            if complementary == 0 && residual - (small - 1) * smallMax > 1 { return r }
        }
        return nil
    }
}
