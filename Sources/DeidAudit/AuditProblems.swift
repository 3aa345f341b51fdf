import DeidDescription
import DeidModel

/// Builds the audit's linear-programming problem from a cell system and a suppression pattern.
public enum AuditProblems {
    /// The attacker's view of a release: every relation, every published count, each hidden cell ≥ 1, and the
    /// labels the release prints. `labels` nil means "as the input's annotation column says" (for `check`).
    /// Hidden cells the count audit does not cover (`Pattern.isAudited`) are given their true values, as if
    /// published: the attacker is assumed to know them.
    public static func forRelease(
        system: CellSystem, pattern: Pattern, policy: Policy, labels: [Int: HiddenLabel]? = nil, hints: [Move] = []
    ) -> AuditProblem {
        var problem = AuditProblem(
            cellCount: system.cellCount, relations: system.relations, values: system.values,
            hidden: pattern.hiddenCells.filter { pattern.isAudited($0, policy: policy) },
            labels: labels ?? system.knownLabels.filter { pattern.isHidden($0.key) },
            smallMax: policy.numerator.minimum - 1, minIntervalWidth: policy.audit.minIntervalWidth)
        problem.hints = hints
        return problem
    }
}
