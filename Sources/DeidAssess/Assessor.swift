import DeidDescription
import DeidModel

/// DDG Steps 1–3 (ddg-rules §2): decides whether a table needs masking.
///
/// Step 1 "no" → no masking. Step 2 passes → no masking. Otherwise masking is required when the table is
/// (or is not declared not to be) a high-risk population, when the policy says so, or when the score is above
/// the threshold; a score at or below it allows release without masking.
public enum Assessor {
    /// `referenceDirectory` is the `Presets/reference` folder beside the policy presets.
    public static func assess(
        table: Table, description: TableDescription, policy: Policy, referenceDirectory: String
    ) throws(AssessError) -> Assessment {
        let references = ReferenceLibrary(directory: referenceDirectory, descriptionFile: description.file)
        let step1 = Step1Result(description.assessment)
        let step2 = try Step2Screen.run(table: table, description: description, policy: policy, references: references)
        var score: ScoreBreakdown?
        var scoreError: AssessError?
        do {
            score = try Scorer.score(table: table, description: description, policy: policy, referenceDirectory: referenceDirectory)
        } catch {
            scoreError = error
        }

        var notes: [String] = []
        let declaredRisk = highRiskReasons(description.assessment.highRisk, policy)
        let decision: MaskingDecision
        if !step1.personalCharacteristics && !declaredRisk.contains(where: { $0.code == .highRiskPopulation }) {
            decision = .notPersonal
        } else if step2.passed {
            decision = .passesStep2
        } else {
            if !step1.personalCharacteristics {
                notes.append("the description declares no personal characteristics but a high-risk population; "
                    + "Step 1 cannot skip masking for a high-risk population")
            }
            let reasons = declaredRisk + scoreReasons(score, policy)
            if reasons.isEmpty, score == nil, let scoreError {
                // The score alone would decide, and it cannot be computed: the user must fix the description.
                throw scoreError
            }
            decision = reasons.isEmpty ? .scoreAtMostThreshold : .masking(reasons)
        }
        notes += decisionNotes(decision, step2, policy)
        // Once small counts are hidden, the report must not bound them (see `concealingSmallCountBound`).
        if decision.requiresMasking, let scoring = policy.scoring { score = score?.concealingSmallCountBound(scoring) }

        var used = references.used
        for file in score?.references ?? [] where !used.contains(file) { used.append(file) }
        return Assessment(
            policy: policy.name, edition: policy.edition, step1: step1, step2: step2, score: score,
            scoreError: score == nil ? scoreError?.description : nil,
            decision: decision, references: used, notes: notes, scoreFailure: score == nil ? scoreError : nil)
    }

    /// The `Presets/reference` folder beside a presets folder.
    public static func referenceDirectory(presets: String) -> String { DescriptionFiles.join(presets, "reference") }

    /// The files the description's own `reference:` keys name (a path beside the description, or a name in
    /// `referenceDirectory`), whether or not the score ends up reading them.
    public static func declaredReferenceFiles(of description: TableDescription, referenceDirectory: String) -> [String] {
        let names = description.dimensions.compactMap(\.scoring.reference)
            + [description.assessment.geography, description.assessment.program, description.assessment.insurance]
            .compactMap { $0?.reference }
        return names.map {
            ReferenceLibrary.path(of: $0, directory: referenceDirectory, descriptionFolder: DescriptionFiles.folder(of: description.file))
        }
    }

    /// T12 (§5.6.2): a declared high-risk population masks; so does a missing declaration (conservative).
    private static func highRiskReasons(_ declared: HighRiskDeclaration?, _ policy: Policy) -> [MaskingReason] {
        switch declared {
        case .populations(let list)?:
            [.init(
                code: .highRiskPopulation,
                explanation: "the data concern a high-risk population (\(list.map(\.rawValue).joined(separator: ", "))): "
                    + "counts under \(policy.numerator.minimum) are always suppressed (DDG Ed. 2.0 §5.6.2)")]
        case nil:
            [.init(
                code: .highRiskNotDeclared,
                explanation: "the description does not declare `high_risk:`, so the table is treated as high-risk "
                    + "(write `high_risk: none` if it is not)")]
        case .none?:
            []
        }
    }

    /// Step 3's reasons to mask: the policy, the score above the threshold, a high-risk criterion.
    private static func scoreReasons(_ score: ScoreBreakdown?, _ policy: Policy) -> [MaskingReason] {
        guard let scoring = policy.scoring else {
            return [.init(
                code: .noScoringTables,
                explanation: "policy '\(policy.name)' has no scoring tables, so no score can allow an unmasked release")]
        }
        var reasons: [MaskingReason] = []
        if scoring.maskAtAnyScore {
            reasons.append(.init(code: .policyMasksAtAnyScore, explanation: "the policy masks every table whatever its score (Q6)"))
        }
        guard let score else { return reasons }
        // Unless the policy credits minimums below the numerator minimum, the decision is taken without that
        // credit, so it cannot depend on how small a small count is.
        let deciding = scoring.interactions.creditBelowNumeratorMinimum ? score : score.concealingSmallCountBound(scoring)
        if !deciding.isAtMostThreshold {
            // The sentence must not say whether the credit applied: that would bound the small count. The score
            // without the credit is never lower, so it is above the threshold too, and it is the one reported.
            let shown = score.concealingSmallCountBound(scoring).total
            reasons.append(.init(
                code: .scoreAboveThreshold,
                explanation: "publication score \(shown) is above \(score.threshold) (DDG Step 3, T5)"))
        }
        for criterion in score.highRiskCriteria {
            reasons.append(.init(
                code: .highRiskCriterion,
                explanation: "\(criterion) shows detailed categories the DDG treats as a high-risk population (§5.6.2)"))
        }
        return reasons
    }

    private static func decisionNotes(_ decision: MaskingDecision, _ step2: Step2Result, _ policy: Policy) -> [String] {
        var notes: [String] = []
        if decision.requiresMasking, step2.numerator.failingCells == 0, step2.numerator.hiddenCells == 0 {
            notes.append("masking is required but no count is below \(policy.numerator.minimum), so suppression hides "
                + "nothing; consider coarser categories or fewer dimensions (DDG §4.4.2)")
        }
        if decision == .scoreAtMostThreshold, step2.numerator.failingCells > 0, let scoring = policy.scoring {
            notes.append("counts from 1 to \(policy.numerator.minimum - 1) are published: the DDG requires suppression "
                + "only when the score is \(scoring.threshold + 1) or more (Q6)")
        }
        return notes
    }
}

extension Step1Result {
    /// Step 1 as declared, with what was assumed (Q22).
    init(_ declared: AssessmentDeclarations) {
        personalCharacteristics = declared.personalCharacteristics ?? true
        personalCharacteristicsSource = declared.personalCharacteristics == nil ? "assumed" : "declared"
        highRisk = declared.highRisk.map { h in
            if case .populations(let list) = h { return list.map(\.rawValue) }
            return ["none"]
        }
        highRiskSource = declared.highRisk == nil ? "not declared" : "declared"
    }
}
