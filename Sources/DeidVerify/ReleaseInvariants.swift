import DeidDescription
import DeidModel
import DeidAssess
import DeidAudit

/// Post-conditions checked on every release before a byte is written. They restate the guarantees of the
/// earlier stages independently, so a bug there fails closed instead of publishing a small count.
public enum ReleaseInvariants {
    /// `assessment` says whether masking applies: without it (DDG Step 1 "no", Step 2 passed, or a score at or
    /// below the threshold) small counts are published and nothing may be hidden; with it no small count may show.
    public static func verify(
        table: Table, pattern: Pattern, policy: Policy, audit: AuditResult, assessment: Assessment
    ) throws(VerifyError) {
        if !assessment.requiresMasking && pattern.hiddenCount > 0 {
            throw .invariantViolated("a cell would be hidden although the assessment allows release without masking", file: table.file)
        }
        for cell in 0..<table.cellCount {
            let count = table.counts[cell]
            if assessment.requiresMasking && !pattern.isHidden(cell) && policy.numerator.isSmall(count) {
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
