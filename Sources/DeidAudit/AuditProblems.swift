import DeidDescription
import DeidModel

/// Builds the audit's linear-programming problem from a table and a suppression pattern.
public enum AuditProblems {
    /// The attacker's view of a release: every relation, every published count, each hidden cell ≥ 1, and the
    /// labels the release prints. `labels` nil means "as the table's annotation column says" (for `check`).
    /// Hidden cells the count audit does not cover (`Pattern.isAudited`) are given their true values, as if
    /// published: the attacker is assumed to know them.
    public static func forRelease(
        table: Table, pattern: Pattern, policy: Policy, labels: [Int: HiddenLabel]? = nil
    ) -> AuditProblem {
        AuditProblem(
            cellCount: table.cellCount, relations: table.relations, values: table.counts,
            hidden: pattern.hiddenCells.filter { pattern.isAudited($0, policy: policy) },
            labels: labels ?? labelsFromAnnotations(table, pattern),
            smallMax: policy.numerator.minimum - 1, minIntervalWidth: policy.audit.minIntervalWidth)
    }

    /// What an already-released table's annotation codes tell an attacker about its hidden cells.
    static func labelsFromAnnotations(_ table: Table, _ pattern: Pattern) -> [Int: HiddenLabel] {
        guard let marks = table.marks, marks.hasAnnotationColumn else { return [:] }
        var labels: [Int: HiddenLabel] = [:]
        for cell in pattern.hiddenCells {
            switch marks.annotations[cell] {
            case .smallNumber: labels[cell] = .smallNumber
            case .complementary: labels[cell] = .complementary
            default: break
            }
        }
        return labels
    }
}
