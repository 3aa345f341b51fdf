import DeidDescription

/// Criteria scored from the DDG's category lists: race, ethnicity, race/ethnicity combined, language, sex,
/// sexual orientation, gender identity, intersex, immigration status (ddg-rules §5.3, R7, R9, Q16, Q17).
///
/// A label counts as a list category when it is one (ignoring case) or when its reference row says so (the
/// `category` column: "NH Asian" counts as Asian). The first list, from the fewest points up, that holds every
/// such label decides. Labels outside every list are detailed: scored by the policy's detailed rule.
enum CategoryScore {
    struct Result {
        var score: CriterionScore
        /// The detailed rule sends the table to masking (detailed immigration status, ddg-rules §4).
        var highRisk: Bool
    }

    static func score(_ d: Int, _ criterion: CategoryCriterion, _ ctx: ScoringContext) throws(AssessError) -> Result {
        let spec = ctx.spec(d)
        let name = spec.role.rawValue
        let resolver = try ctx.resolver(for: d, defaultReference: criterion.reference)
        let listed = Dictionary(
            criterion.sets.flatMap(\.labels).map { (ScoringText.key($0), $0) }, uniquingKeysWith: { a, _ in a })

        var inLists: [(label: String, category: String)] = []
        var detailed: [(label: String, resolved: ResolvedLabel?)] = []
        for label in ctx.categories(d) {
            let resolved = resolver.resolve(label)
            if let category = listed[ScoringText.key(label)] ?? resolved?.category.flatMap({ listed[ScoringText.key($0)] }) {
                inLists.append((label, category))
            } else {
                detailed.append((label, resolved))
            }
        }

        // The list part: the first (lowest-scoring) list holding every listed category.
        var points = 0
        var category = "no category"
        var evidence = "no category besides totals and unknown"
        if !inLists.isEmpty {
            let needed = Set(inLists.map { ScoringText.key($0.category) })
            if let set = criterion.sets.first(where: { needed.isSubset(of: Set($0.labels.map(ScoringText.key))) }) {
                (points, category) = (set.points, set.category)
            } else {
                // Categories from different lists: the highest-scoring list any of them is in (conservative).
                let touched = criterion.sets.filter { !needed.isDisjoint(with: Set($0.labels.map(ScoringText.key))) }
                let top = touched.max { $0.points < $1.points }
                (points, category) = (top?.points ?? 0, top?.category ?? "")
                ctx.warn("\(name) (\(spec.column)): the categories mix the DDG's lists; scored with the highest list")
            }
            evidence = inLists.count == 1
                ? "category \(inLists[0].label) is in the list" : "categories \(inLists.map(\.label).shortList) are in the list"
        }
        guard !detailed.isEmpty else {
            return Result(score: line(name, spec, category, evidence, points, ctx), highRisk: false)
        }

        guard let rule = criterion.detailed else {
            let lists = criterion.sets.map { $0.labels.joined(separator: ", ") }.joined(separator: " / ")
            throw .unscorableLabel(
                spec.location, column: spec.column, label: detailed[0].label,
                problem: "it is not a category of the \(name) criterion (\(lists)); rename it to one of these, "
                    + "or add it to the no-risk labels if it means unknown")
        }
        if !rule.acceptUnknownLabels, let unknown = detailed.first(where: { $0.resolved == nil }) {
            throw .unscorableLabel(
                spec.location, column: spec.column, label: unknown.label,
                problem: "it is neither a category of the \(name) criterion nor a group known to \(resolver.lookedIn) "
                    + "(Q16); check the spelling, or give its statewide population under `populations:`")
        }
        if rule.review {
            ctx.warn("\(name) (\(spec.column)): \(rule.category): a statistical expert must review the extra risk")
        }
        let names = detailed.map(\.label).shortList
        switch rule.method {
        case .highRisk:
            let text = "detailed categories \(names): \(rule.category); not scored (N/A), the table is masked (§5.6.2)"
            return Result(
                score: line(name, spec, rule.category, inLists.isEmpty ? text : evidence + "; " + text, points, ctx),
                highRisk: true)
        case .fixed(let fixed):
            let text = "detailed categories \(names)"
            let (p, c) = fixed >= points ? (fixed, rule.category) : (points, category)
            return Result(score: line(name, spec, c, inLists.isEmpty ? text : evidence + "; " + text, p, ctx), highRisk: false)
        case .populationScale:
            var smallest: SmallestUnit?
            for item in detailed {
                guard let resolved = item.resolved, let figure = resolved.figure else {
                    throw .unscorableLabel(
                        spec.location, column: spec.column, label: item.label,
                        problem: "\(rule.category) needs its statewide population, which \(resolver.lookedIn) does "
                            + "not give (Q16); give it under `populations:` on the dimension")
                }
                let unit = SmallestUnit(label: item.label, figure: figure, origin: resolved.origin)
                if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
            }
            guard let smallest, let band = ctx.scoring.populationScale?.band(for: smallest.value) else {
                return Result(score: line(name, spec, category, evidence, points, ctx), highRisk: false)
            }
            let text = "smallest detailed group \(smallest.text("statewide population"))"
            let (p, c) = band.points >= points ? (band.points, "\(rule.category): \(band.category)") : (points, category)
            return Result(score: line(name, spec, c, inLists.isEmpty ? text : evidence + "; " + text, p, ctx), highRisk: false)
        }
    }

    private static func line(
        _ name: String, _ spec: DimensionSpec, _ category: String, _ evidence: String, _ points: Int, _ ctx: ScoringContext
    ) -> CriterionScore {
        CriterionScore(criterion: name, dimension: spec.column, category: category, evidence: evidence, points: points, source: ctx.source)
    }
}
