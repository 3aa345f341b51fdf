import DeidDescription
import DeidModel

/// DDG Step 3: the edition's Publication Scoring Criteria applied to one table (ddg-rules §5, R1–R11).
///
/// One line per criterion: events, time, population (geography or insurance coverage), program, each
/// demographic or other variable, and the variable interactions. The riskiest category of each decides (R1).
public enum Scorer {
    /// `referenceDirectory` is the `Presets/reference` folder holding the default reference files.
    public static func score(
        table: Table, description: TableDescription, policy: Policy, referenceDirectory: String
    ) throws(AssessError) -> ScoreBreakdown {
        guard let scoring = policy.scoring else { throw .noScoringSection(policy: policy.name, file: policy.file) }
        let library = ReferenceLibrary(directory: referenceDirectory, descriptionFile: description.file)
        let ctx = ScoringContext(table: table, description: description, policy: policy, scoring: scoring, references: library)
        let events = EventsSummary(table: table, excludeZero: scoring.events.excludeZero)

        var lines = [EventsScore.score(events, ctx)]
        let times = ctx.dimensions(with: .time)
        if times.isEmpty { lines.append(TimeScore.implicit(ctx)) }
        for d in times { lines.append(try TimeScore.score(d, ctx)) }
        lines += try population(ctx)

        // Every dimension of a table is crossed with every other (the model requires each total's parts), so
        // each variable dimension is a dependent variable (R5); side-by-side variables are separate tables.
        var variables: [String] = []
        if let criterion = scoring.program, let program = try ProgramScore.score(criterion, ctx) {
            lines.append(program.score)
            if program.countsAsVariable {
                variables.append(program.score.dimension ?? "program (declared)")
            }
        } else if scoring.program == nil, let declared = description.assessment.program {
            lines.append(OtherScore.declared("program", declared, ctx))
            variables.append("program (declared)")
        }
        if scoring.insurance == nil, let declared = description.assessment.insurance {
            lines.append(OtherScore.declared("insurance", declared, ctx))
            variables.append("insurance (declared)")
        }

        var highRisk: [String] = []
        for d in table.dimensions.indices {
            let role = table.dimensions[d].role
            let line: CriterionScore
            switch role {
            case .time, .residenceGeography, .serviceGeography:
                continue
            case .insurance, .program:
                // Scored above as the population or a program; without the criterion, an other variable.
                let hasCriterion = role == .insurance ? scoring.insurance != nil : scoring.program != nil
                guard !hasCriterion else { continue }
                line = try OtherScore.score(d, scoredAs: role, ctx)
            case .age:
                line = try AgeScore.score(d, ctx)
            case .other:
                line = try OtherScore.score(d, ctx)
            default:
                if let entry = scoring.categories[role], let criterion = entry {
                    let result = try CategoryScore.score(d, criterion, ctx)
                    if result.highRisk { highRisk.append("\(role.rawValue) (\(table.dimensions[d].column))") }
                    line = result.score
                } else {
                    line = try OtherScore.score(d, scoredAs: role, ctx)
                }
            }
            lines.append(line)
            variables.append(table.dimensions[d].column)
        }
        lines.append(InteractionScore.score(variables: variables, events: events, ctx))
        lines = keepRiskiest(lines)

        return ScoreBreakdown(
            edition: policy.edition, policy: policy.name, criteria: lines,
            total: lines.filter(\.counted).reduce(0) { $0 + $1.points }, threshold: scoring.threshold,
            mode: "table_max: each criterion is scored at its riskiest category in the whole table (R1, Q5)",
            highRiskCriteria: highRisk, warnings: ctx.warnings, references: library.used)
    }

    /// Geography and insurance coverage both stand for the base population (R4, V2-S4.3 rule 3, Q19).
    private static func population(_ ctx: ScoringContext) throws(AssessError) -> [CriterionScore] {
        var geography = try GeographyScore.score(ctx)
        let criterion = ctx.scoring.insurance
        guard let criterion, var insurance = try InsuranceScore.score(criterion, ctx) else {
            return (geography.isEmpty ? [GeographyScore.assumed(ctx)] : geography).map(\.score)
        }
        guard let riskiest = geography.indices.max(by: { geography[$0].score.points < geography[$1].score.points }) else {
            insurance.score.evidence += "; insurance coverage stands for the population (no geography)"
            return [insurance.score]
        }
        let useInsurance: Bool
        let reason: String
        if criterion.versusGeography == .sizeRule, let members = insurance.value, let people = geography[riskiest].value {
            useInsurance = members < people
            reason = useInsurance
                ? "the smallest plan has fewer members than the smallest area has people (V2-S4.3 rule 3)"
                : "the smallest area has no more people than the smallest plan has members (V2-S4.3 rule 3)"
        } else {
            useInsurance = insurance.score.points > geography[riskiest].score.points
            reason = criterion.versusGeography == .higher
                ? "the policy takes the higher of the two"
                : "without member counts the higher of the two decides (Q19)"
        }
        if useInsurance {
            for i in geography.indices {
                geography[i].score.counted = false
                geography[i].score.evidence += "; not counted: insurance coverage decides, as \(reason)"
            }
        } else {
            insurance.score.counted = false
            insurance.score.evidence += "; not counted: geography decides, as \(reason)"
        }
        return geography.map(\.score) + [insurance.score]
    }

    /// R1: one score per criterion. A role shown by two dimensions (two age columns, residence and service
    /// geography) counts once, at its riskiest; the other lines stay, marked not counted. Other variables
    /// each count.
    private static func keepRiskiest(_ lines: [CriterionScore]) -> [CriterionScore] {
        func group(_ criterion: String) -> String? {
            switch criterion {
            case "other": nil
            case DimensionRole.residenceGeography.rawValue, DimensionRole.serviceGeography.rawValue: "geography"
            default: criterion
            }
        }
        var result = lines
        var keeper: [String: Int] = [:]
        for (i, line) in lines.enumerated() where line.counted {
            guard let key = group(line.criterion) else { continue }
            guard let kept = keeper[key] else {
                keeper[key] = i
                continue
            }
            let (winner, loser) = line.points > result[kept].points ? (i, kept) : (kept, i)
            result[loser].counted = false
            result[loser].evidence += "; not counted: one score per criterion, the riskiest decides (R1)"
            keeper[key] = winner
        }
        return result
    }
}

extension ScoreBreakdown {
    /// The breakdown as it may be reported once the table's small counts are hidden. For a table of only
    /// events, time and population with counts under the numerator minimum, the interactions band depends on
    /// how small they are ("minimum ≥ 5"), so it is always reported as the no-minimum band, whichever band
    /// applied. That band scores highest, so the reported total never falls and the decision to mask stands.
    func concealingSmallCountBound(_ scoring: ScoringPolicy) -> ScoreBreakdown {
        guard let i = criteria.firstIndex(where: \.boundsSmallCounts),
            let open = scoring.interactions.withoutVariables.first(where: { $0.minEvents == 0 })
        else { return self }
        var copy = self
        copy.criteria[i].category = open.category
        copy.criteria[i].points = open.points
        copy.criteria[i].boundsSmallCounts = false
        copy.criteria[i].evidence = "no variable besides events, time and population; the table has counts below the "
            + "numerator minimum, so the band that depends on them is not reported and the no-minimum band is used"
        copy.total = copy.criteria.filter(\.counted).reduce(0) { $0 + $1.points }
        copy.warnings.append("interactions are reported at the no-minimum band so the report does not bound hidden counts")
        return copy
    }
}
