import DeidDescription

/// Reads time labels that say their own period: a four-digit year ("2021") or a span of years
/// ("2016-2020", "2016–2020", "2016 to 2020"). Anything else needs `period:` on the dimension.
enum TimeLabelParser {
    static func parse(_ label: String) -> ReportingPeriod? {
        func year(_ token: LabelToken) -> Int? {
            if case .number(let n) = token, (1800...2200).contains(n) { return n }
            return nil
        }
        let t = LabelToken.tokens(label, ignoring: [])
        switch t.count {
        case 1:
            return year(t[0]) != nil && label.trimmingWhitespace.count == 4 ? .year : nil
        case 3:
            guard let a = year(t[0]), let b = year(t[2]), b >= a,
                t[1] == .symbol("-") || t[1] == .word("to") || t[1] == .word("through")
            else { return nil }
            return .years(b - a + 1)
        default:
            return nil
        }
    }
}

/// Time – Reporting Period (R2, Q9): the shortest period shown decides; several years pooled score lower.
enum TimeScore {
    static func score(_ d: Int, _ ctx: ScoringContext) throws(AssessError) -> CriterionScore {
        let spec = ctx.spec(d)
        if let declared = spec.scoring.period {
            let (band, points) = lookup(declared, ctx)
            return CriterionScore(
                criterion: "time", dimension: spec.column, category: band,
                evidence: "period: \(declared) (declared)", points: points, source: ctx.source)
        }
        var riskiest: (label: String, period: ReportingPeriod, band: String, points: Int)?
        for label in ctx.categories(d) {
            guard let period = TimeLabelParser.parse(label) else {
                throw .unscorableLabel(
                    spec.location, column: spec.column, label: label,
                    problem: "deid reads four-digit years (2021) and spans of years (2016-2020) only; add the "
                        + "period to the dimension, e.g. `period: quarter` (year, half_year, quarter, month, week, "
                        + "day, or `N years` for N pooled years)")
            }
            let (band, points) = lookup(period, ctx)
            if riskiest.map({ points > $0.points }) ?? true { riskiest = (label, period, band, points) }
        }
        guard let riskiest else {
            return CriterionScore(
                criterion: "time", dimension: spec.column, category: "no period",
                evidence: "no period besides totals and unknown", points: 0, source: ctx.source)
        }
        let what = riskiest.period == .year ? "single years (e.g. \(riskiest.label))" : "\(riskiest.period) pooled (e.g. \(riskiest.label))"
        return CriterionScore(
            criterion: "time", dimension: spec.column, category: riskiest.band, evidence: "periods are \(what)",
            points: riskiest.points, source: ctx.source)
    }

    /// A table without a time dimension: its declared `period:`, or the riskiest band (Q8, conservative).
    static func implicit(_ ctx: ScoringContext) -> CriterionScore {
        if let period = ctx.description.assessment.period {
            let (band, points) = lookup(period, ctx)
            return CriterionScore(
                criterion: "time", category: band, evidence: "no time dimension; `period: \(period)` declared",
                points: points, source: ctx.source)
        }
        let time = ctx.scoring.time
        let candidates = time.periods.map { ($0.category, $0.points) } + time.pooled.map { ($0.category, $0.points) }
        let worst = candidates.max { $0.1 < $1.1 } ?? ("", 0)
        return CriterionScore(
            criterion: "time", category: worst.0,
            evidence: "no time dimension and no `period:` declared; riskiest band assumed (Q8)", points: worst.1,
            source: ctx.source)
    }

    /// The category and points of a period: pooled years from the `pooled` bands, the rest by name.
    static func lookup(_ period: ReportingPeriod, _ ctx: ScoringContext) -> (String, Int) {
        if case .years(let n) = period, n >= 2 {
            let band = ctx.scoring.time.pooled.band(for: n)
            return (band?.category ?? "", band?.points ?? 0)
        }
        let band = ctx.scoring.time.periods.first { $0.period == period.policyKey }
        return (band?.category ?? "", band?.points ?? 0)
    }
}
