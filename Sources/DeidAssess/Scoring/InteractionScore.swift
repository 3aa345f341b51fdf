/// Variable Interactions (R5, Q8): the dependent variables besides events, time and population. A table of
/// only those three scores by its smallest non-zero count.
enum InteractionScore {
    static func score(variables: [String], events: EventsSummary, _ ctx: ScoringContext) -> CriterionScore {
        let rule = ctx.scoring.interactions
        guard variables.isEmpty else {
            let top = rule.withVariables[rule.withVariables.count - 1]
            let band = variables.count <= top.variables ? rule.withVariables[variables.count - 1] : top
            if variables.count > top.variables {
                ctx.warn("the table crosses \(variables.count) variables besides events, time and population; the "
                    + "DDG's table stops at \(top.variables), so its top band is used and expert review is required (Q8)")
            }
            let noun = variables.count == 1 ? "1 variable" : "\(variables.count) variables"
            return CriterionScore(
                criterion: "interactions", category: band.category,
                evidence: "\(noun) besides events, time and population: \(variables.shortList)", points: band.points,
                source: ctx.source)
        }
        // Bands are sorted by minimum, highest first; a hidden count leaves no minimum that can be shown.
        let smallest = events.hasHidden ? nil : events.smallest
        let band = rule.withoutVariables.first { $0.minEvents <= (smallest ?? 0) } ?? rule.withoutVariables[rule.withoutVariables.count - 1]
        var evidence = "no variable besides events, time and population"
        if band.minEvents > 0 { evidence += "; the smallest non-zero count is at least \(band.minEvents)" }
        var line = CriterionScore(
            criterion: "interactions", category: band.category, evidence: evidence, points: band.points, source: ctx.source)
        // With counts below the numerator minimum (or hidden ones), which band applies depends on how small they
        // are; once masked, the report must not show it (see `concealingSmallCountBound`). The flag follows the
        // table's shape, not the band, so that whether it is set reveals nothing either.
        line.boundsSmallCounts = smallest.map { $0 < ctx.policy.numerator.minimum } ?? true
        return line
    }
}
