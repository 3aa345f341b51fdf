import DeidDescription
import DeidModel

/// DDG T1/T6: hide every published count the policy marks as small (1–10 under both presets); zeros stay.
/// Derived columns on those rows are hidden with the count when the release is written (T10).
public enum PrimarySuppression {
    public static func apply(to system: CellSystem, policy: Policy, pattern: inout Pattern) {
        for cell in 0..<system.cellCount {
            let count = system.values[cell]
            if count == CellSystem.unknown {
                pattern.hide(cell, .inputBlank)
            } else if policy.numerator.isSmall(count) {
                pattern.hide(cell, .primary)
            }
        }
    }

    /// The pattern an already-released table carries: its blank cells.
    public static func blanks(in system: CellSystem) -> Pattern {
        var pattern = Pattern(cellCount: system.cellCount)
        for cell in 0..<system.cellCount where system.isUnknown(cell) { pattern.hide(cell, .inputBlank) }
        return pattern
    }
}
