/// Post-conditions checked on every release before a byte is written. They restate the guarantees of the
/// earlier stages independently, so a bug there fails closed instead of publishing a small count.
public enum ReleaseInvariants {
    public static func verify(table: Table, pattern: Pattern, policy: Policy, audit: AuditResult) throws(ProtectError) {
        for cell in 0..<table.cellCount {
            let count = table.counts[cell]
            if !pattern.isHidden(cell) && policy.numerator.isSmall(count) {
                throw .invariantViolated("a small count would be published", file: table.file)
            }
            // A rounded-percentages release withholds every count, zeros included; they show as "0%".
            if pattern.isHidden(cell) && count == 0 && !policy.numerator.hideZero
                && pattern.reasons[cell] != .percentagesOnly
            {
                throw .invariantViolated("a zero would be hidden", file: table.file)
            }
        }
        guard audit.passed else {
            throw .invariantViolated("the disclosure audit did not pass", file: table.file)
        }
        let audited = Set(audit.intervals.map(\.cell))
        guard audited == Set(pattern.hiddenCells.filter { pattern.isAudited($0, policy: policy) }) else {
            throw .invariantViolated("the audit did not cover exactly the hidden cells", file: table.file)
        }
    }
}
