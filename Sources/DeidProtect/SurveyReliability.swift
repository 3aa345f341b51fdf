import DeidDescription
import DeidModel

/// DDG Ed. 2.0 §5.2 and Appendix H (T13, Q21): a survey estimate whose denominator has fewer than the policy's
/// minimum of unweighted sample cases is statistically unreliable and hidden (annotation code 4), with its
/// derived values. This is reliability, not confidentiality: a zero estimate stays visible like every zero
/// (DDG rule 3), so the audit's knowledge that hidden cells are non-zero stays true.
public enum SurveyReliability {
    /// When unreliable cells join the pattern relative to complementary suppression.
    public enum Stage: Sendable {
        /// Before complementary suppression: the disclosure audit protects them like any hidden cell.
        case beforeProtection
        /// After it: the audit treats them as published (`survey.protect_unreliable: false`).
        case afterProtection
    }

    /// Hides the cells as unreliable at the stage the policy chooses (a cell already hidden keeps its reason).
    public static func hide(_ cells: [Int], in pattern: inout Pattern, at stage: Stage, policy: Policy) {
        let protectedByAudit = policy.survey.protectUnreliable
        guard protectedByAudit == (stage == .beforeProtection) else { return }
        for cell in cells { pattern.hide(cell, .unreliable) }
    }
}
