import DeidDescription

/// Other Variables (R8; V1-S6.2, V2-D16.2 §16.2.14): by statewide population when the description gives
/// populations (Ed. 2.0), otherwise by the number of groups. Always flagged for expert review.
enum OtherScore {
    /// `scoredAs` is set when the role has no criterion in the edition (e.g. sexual orientation in v1.0).
    static func score(_ d: Int, scoredAs originalRole: DimensionRole? = nil, _ ctx: ScoringContext) throws(AssessError)
        -> CriterionScore
    {
        let spec = ctx.spec(d)
        let rule = ctx.scoring.other
        if let role = originalRole {
            ctx.warn("'\(spec.column)': DDG \(ctx.policy.edition) has no \(role.rawValue) criterion; scored as an Other Variable (R8)")
        }
        ctx.warn("'\(spec.column)' is an Other Variable: the DDG asks a statistical expert to review it case by case (R8)")
        let hasPopulations = !spec.scoring.populations.isEmpty || spec.scoring.reference != nil
        if rule.usePopulationScale, hasPopulations, let scale = ctx.scoring.populationScale,
            let unit = try PopulationScore.smallest(d, defaultReference: nil, noun: "statewide population", ctx)
        {
            let band = scale.band(for: unit.value)
            return CriterionScore(
                criterion: "other", dimension: spec.column, category: band?.category ?? "",
                evidence: "smallest group \(unit.text("statewide population"))", points: band?.points ?? 0,
                source: ctx.source)
        }
        return groups(ctx.categories(d), dimension: spec.column, ctx)
    }

    /// A table-level `program:` or `insurance:` under an edition without that criterion: one group.
    static func declared(_ key: String, _ declared: ImplicitPopulation, _ ctx: ScoringContext) -> CriterionScore {
        ctx.warn("`\(key):` DDG \(ctx.policy.edition) has no \(key) criterion; scored as an Other Variable (R8)")
        return groups([declared.label ?? key], dimension: nil, ctx)
    }

    private static func groups(_ labels: [String], dimension: String?, _ ctx: ScoringContext) -> CriterionScore {
        let band = ctx.scoring.other.groups.band(for: labels.count)
        let noun = labels.count == 1 ? "1 group" : "\(labels.count) groups"
        return CriterionScore(
            criterion: "other", dimension: dimension, category: band?.category ?? "no group",
            evidence: labels.isEmpty ? "no group besides totals and unknown" : "\(noun) (\(labels.shortList))",
            points: band?.points ?? 0, source: ctx.source)
    }
}
