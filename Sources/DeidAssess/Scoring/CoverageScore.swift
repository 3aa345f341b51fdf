import DeidDescription

/// Insurance Coverage (Ed. 2.0): the member count of the smallest plan.
enum InsuranceScore {
    static func score(_ criterion: InsuranceCriterion, _ ctx: ScoringContext) throws(AssessError) -> PopulationLine? {
        var unit: SmallestUnit?
        var column: String?
        var present = false
        if let d = ctx.dimensions(with: .insurance).first {
            present = true
            column = ctx.spec(d).column
            unit = try PopulationScore.smallest(
                d, defaultReference: criterion.reference, noun: "member count", required: false, ctx)
        } else if let declared = ctx.description.assessment.insurance {
            present = true
            unit = try PopulationScore.implicit(
                declared, key: "insurance", defaultReference: criterion.reference, noun: "member count",
                required: false, ctx)
        }
        guard present else { return nil }
        guard let unit else {
            let band = criterion.bands.riskiest
            return PopulationLine(
                score: CriterionScore(
                    criterion: "insurance", dimension: column, category: band?.category ?? "",
                    evidence: "member counts not known for every plan; riskiest band assumed (Q19)",
                    points: band?.points ?? 0, source: ctx.source),
                value: nil)
        }
        return PopulationLine(
            score: PopulationScore.line(
                criterion: "insurance", dimension: column, unit: unit, bands: criterion.bands, noun: "members",
                prefix: column == nil ? "declared plan " : "smallest plan ", ctx),
            value: unit.value)
    }
}

/// Expected payer / means-tested programs (Ed. 2.0): the enrollment of the smallest program, and whether it
/// counts as an interacting variable (V2-S4.3 rule 2: only at or below the enrollment cap).
enum ProgramScore {
    struct Result {
        var score: CriterionScore
        var countsAsVariable: Bool
    }

    static func score(_ criterion: ProgramCriterion, _ ctx: ScoringContext) throws(AssessError) -> Result? {
        let unit: SmallestUnit?
        var column: String?
        if let d = ctx.dimensions(with: .program).first {
            column = ctx.spec(d).column
            unit = try PopulationScore.smallest(d, defaultReference: criterion.reference, noun: "enrollment", ctx)
        } else if let declared = ctx.description.assessment.program {
            unit = try PopulationScore.implicit(
                declared, key: "program", defaultReference: criterion.reference, noun: "enrollment", ctx)
        } else {
            return nil
        }
        guard let unit else { return nil }
        var line = PopulationScore.line(
            criterion: "program", dimension: column, unit: unit, bands: criterion.bands, noun: "enrollment",
            prefix: column == nil ? "declared program " : "smallest program ", ctx)
        let counts = unit.value <= criterion.interactionMaxEnrollment
        if !counts {
            line.evidence += "; above \(criterion.interactionMaxEnrollment.grouped), so not an interacting variable"
        }
        return Result(score: line, countsAsVariable: counts)
    }
}
