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
        // Below the numerator minimum, this band bounds the counts that masking hides (see `concealingSmallCountBound`).
        line.boundsSmallCounts = band.minEvents > 0 && (smallest ?? 0) < ctx.policy.numerator.minimum
        return line
    }

    /// Pairs of variables with totals that no cell crosses: shown side by side, which the DDG scores as
    /// separate tables (R5, Illustration B). deid counts both (conservative) and says so.
    static func warnAboutSideBySide(_ dimensions: [Int], _ ctx: ScoringContext) {
        let table = ctx.table
        let additive = dimensions.filter { table.dimensions[$0].isAdditive }
        guard additive.count >= 2 else { return }
        var crossed = Set<[Int]>()
        for cell in 0..<table.cellCount {
            let detailed = additive.filter { table.dimensions[$0].parent[Int(table.value(of: cell, in: $0))] >= 0 }
            for (i, a) in detailed.enumerated() {
                for b in detailed[(i + 1)...] { crossed.insert([a, b]) }
            }
        }
        for (i, a) in additive.enumerated() {
            for b in additive[(i + 1)...] where !crossed.contains([a, b]) {
                let (x, y) = (table.dimensions[a].column, table.dimensions[b].column)
                ctx.warn("'\(x)' and '\(y)' are never crossed (shown side by side): the DDG scores independent "
                    + "variables as separate tables (R5, Illustration B); deid counted both, the conservative reading")
            }
        }
    }
}
