/// DDG Steps 1–3 for one table and the decision they lead to: whether Step 4 (masking) applies.
/// Complete and self-describing for reports; it carries no count, denominator or derived value of a cell.
public struct Assessment: Sendable, Encodable {
    public var policy: String
    public var edition: String
    public var step1: Step1Result
    public var step2: Step2Result
    /// Step 3; nil when it could not be computed (`scoreError` says why) or the policy has no scoring tables.
    public var score: ScoreBreakdown?
    /// Why the score is missing, when the decision did not need it (e.g. masking was required anyway).
    public var scoreError: String?
    public var decision: MaskingDecision
    /// Every reference file whose figures were used (Step 2 and Step 3), with its SHA-256.
    public var references: [ReferenceFile]
    /// Things the reviewer should know about the decision.
    public var notes: [String]
    /// The error behind `scoreError`, for callers that must fail on it (`deid score`). Not encoded.
    package var scoreFailure: AssessError?

    public var requiresMasking: Bool { decision.requiresMasking }

    enum CodingKeys: String, CodingKey {
        case policy, edition, step1, step2, score, decision, references, notes
        case scoreError = "score_error", requiresMasking = "masking_required"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(policy, forKey: .policy)
        try c.encode(edition, forKey: .edition)
        try c.encode(step1, forKey: .step1)
        try c.encode(step2, forKey: .step2)
        try c.encode(score, forKey: .score)
        try c.encode(scoreError, forKey: .scoreError)
        try c.encode(decision, forKey: .decision)
        try c.encode(requiresMasking, forKey: .requiresMasking)
        try c.encode(references, forKey: .references)
        try c.encode(notes, forKey: .notes)
    }
}

/// DDG Step 1 as declared: personal characteristics and the high-risk population (Q22: declared, echoed).
public struct Step1Result: Sendable, Hashable, Encodable {
    public var personalCharacteristics: Bool
    /// `declared`, or `assumed` (absent from the description: the conservative yes).
    public var personalCharacteristicsSource: String
    /// `none`, the declared categories, or nil when not declared.
    public var highRisk: [String]?
    /// `declared` or `not declared` (which requires masking).
    public var highRiskSource: String

    enum CodingKeys: String, CodingKey {
        case personalCharacteristics = "personal_characteristics"
        case personalCharacteristicsSource = "personal_characteristics_source"
        case highRisk = "high_risk", highRiskSource = "high_risk_source"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(personalCharacteristics, forKey: .personalCharacteristics)
        try c.encode(personalCharacteristicsSource, forKey: .personalCharacteristicsSource)
        try c.encode(highRisk, forKey: .highRisk)
        try c.encode(highRiskSource, forKey: .highRiskSource)
    }
}

/// What Steps 1–3 decide (ddg-rules §2 flowchart; T5, T12).
public enum MaskingDecision: Sendable, Hashable, Encodable {
    /// Step 1 "no": the table gives no personal characteristics; it goes to release review (Step 6).
    case notPersonal
    /// Step 2 passes: no count below the numerator minimum and every denominator large enough.
    case passesStep2
    /// Step 3: the score is at most the threshold and the table is declared not high-risk.
    case scoreAtMostThreshold
    /// Step 4 applies: small counts are suppressed with complementary suppression.
    case masking([MaskingReason])

    public var requiresMasking: Bool {
        if case .masking = self { return true }
        return false
    }

    /// `no_personal_characteristics`, `passes_step2`, `score_at_most_threshold` or `masking`.
    public var outcome: String {
        switch self {
        case .notPersonal: "no_personal_characteristics"
        case .passesStep2: "passes_step2"
        case .scoreAtMostThreshold: "score_at_most_threshold"
        case .masking: "masking"
        }
    }

    public var reasons: [MaskingReason] {
        if case .masking(let reasons) = self { return reasons }
        return []
    }

    /// One sentence for terminals and report headers.
    public func summary(threshold: Int?, total: Int?) -> String {
        switch self {
        case .notPersonal:
            "release WITHOUT masking: the description declares no personal characteristics (DDG Step 1 \"no\" → Step 6)"
        case .passesStep2:
            "release WITHOUT masking: every count is 0 or large enough and every denominator passes (DDG Step 2)"
        case .scoreAtMostThreshold:
            "release WITHOUT masking: publication score \(total.map(String.init) ?? "?") ≤ \(threshold.map(String.init) ?? "?") "
                + "and not a high-risk population (DDG Step 3); small counts are published as the DDG allows (Q6)"
        case .masking(let reasons):
            "masking required: " + reasons.map(\.explanation).joined(separator: "; ")
        }
    }

    enum CodingKeys: String, CodingKey { case outcome, maskingRequired = "masking_required", reasons }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(requiresMasking, forKey: .maskingRequired)
        try c.encode(reasons, forKey: .reasons)
    }
}

/// Why a table must be masked, as a stable code and a sentence.
public struct MaskingReason: Sendable, Hashable, Encodable {
    public enum Code: String, Sendable, Hashable, Encodable {
        /// T5: the publication score is above the threshold.
        case scoreAboveThreshold = "score_above_threshold"
        /// T12: the description declares a high-risk population (§5.6.2).
        case highRiskPopulation = "high_risk_population"
        /// The description does not declare `high_risk:` (conservative: masked).
        case highRiskNotDeclared = "high_risk_not_declared"
        /// A criterion the DDG sends to the high-risk rule (detailed immigration status).
        case highRiskCriterion = "high_risk_criterion"
        /// Q6: the policy masks whatever the score.
        case policyMasksAtAnyScore = "policy_masks_at_any_score"
        /// The policy has no scoring tables, so no score can allow an unmasked release.
        case noScoringTables = "no_scoring_tables"
    }

    public var code: Code
    public var explanation: String
}

extension Assessment {
    /// The decision in one sentence, e.g. "release WITHOUT masking: publication score 10 ≤ 12 …".
    public var decisionSummary: String {
        decision.summary(threshold: score?.threshold, total: score?.total)
    }
}

extension String {
    package var uppercasedFirst: String { prefix(1).uppercased() + dropFirst() }
}
