import DeidDescription

/// The unit with the smallest population among what a dimension (or a table-level declaration) shows.
struct SmallestUnit {
    var label: String
    var figure: PopulationFigure
    var origin: String
    var value: Int { figure.scoringValue }

    /// "Alpine, population 1,204 (ca-county-population)".
    func text(_ noun: String) -> String { "\(label), \(noun) \(figure.text) (\(origin))" }
}

/// Shared steps of the criteria scored by a population: geography, insurance coverage, programs (R1: the
/// riskiest, i.e. smallest, unit decides; Q5: one score for the whole table).
enum PopulationScore {
    /// The smallest unit of dimension `d`; a unit with no known population is an error, or nil when
    /// `required` is false (insurance without member counts, Q19).
    static func smallest(
        _ d: Int, defaultReference: String?, noun: String, required: Bool = true, _ ctx: ScoringContext
    ) throws(AssessError) -> SmallestUnit? {
        let spec = ctx.spec(d)
        let resolver = try ctx.resolver(for: d, defaultReference: defaultReference)
        var smallest: SmallestUnit?
        for label in ctx.categories(d) {
            if let members = ctx.description.mergedGroups[spec.column]?[label],
                let unit = merged(label, members: members, resolver: resolver)
            {
                if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
                continue
            }
            guard let resolved = resolver.resolve(label), let figure = resolved.figure else {
                if let unit = ctx.ownPopulation(d, label, noun: noun) {
                    if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
                    continue
                }
                if spec.scoring.unknownPopulationRiskiest {
                    ctx.warn("no \(noun) is known for '\(label)' in '\(spec.column)': scored at the riskiest band (`unknown_population: riskiest`)")
                    let unit = SmallestUnit(label: label, figure: .exact(0), origin: "unknown, scored as the smallest")
                    if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
                    continue
                }
                guard required else { return nil }
                throw .unscorableLabel(
                    spec.location, column: spec.column, label: label,
                    problem: "no \(noun) is known for it in \(resolver.lookedIn); give it under `populations:` on "
                        + "the dimension (e.g. `populations: {\"\(label)\": 12345}`), name a reference file with "
                        + "`reference:` (ca-lhj-population holds California's 61 local health jurisdictions), declare "
                        + "the table's population column as `denominator:` (its value on the unit's total row is "
                        + "used), or score it at the riskiest band with `unknown_population: riskiest`")
            }
            let unit = SmallestUnit(label: label, figure: figure, origin: resolved.origin)
            if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
        }
        return smallest
    }

    /// A group `aggregate:` rules merged: the sum of its members' populations (the lower bounds, the riskiest
    /// reading), when every member's is known.
    private static func merged(_ label: String, members: [String], resolver: LabelResolver) -> SmallestUnit? {
        var total = 0
        var origins: [String] = []
        for member in members {
            guard let resolved = resolver.resolve(member), let lower = resolved.figure?.min else { return nil }
            total += lower
            if !origins.contains(resolved.origin) { origins.append(resolved.origin) }
        }
        return SmallestUnit(
            label: label, figure: .exact(total),
            origin: "the sum of its \(members.count) merged members' populations, \(origins.joined(separator: ", "))")
    }

    /// A table-level declaration (`geography:`, `program:`, `insurance:`): its population, or its label looked
    /// up in the reference data.
    static func implicit(
        _ declared: ImplicitPopulation, key: String, defaultReference: String?, noun: String, required: Bool = true,
        _ ctx: ScoringContext
    ) throws(AssessError) -> SmallestUnit? {
        let name = declared.label ?? "`\(key):`"
        if let population = declared.population {
            return SmallestUnit(label: name, figure: .exact(population), origin: "declared in `\(key):`")
        }
        let resolver = try ctx.resolver(
            populations: [:], reference: declared.reference ?? defaultReference, declaredAt: declared.location)
        guard let label = declared.label, let resolved = resolver.resolve(label), let figure = resolved.figure else {
            guard required else { return nil }
            throw .unscorableLabel(
                declared.location, column: "`\(key):`", label: declared.label ?? "",
                problem: "no \(noun) is known for it in \(resolver.reference?.info.name ?? "any reference file"); "
                    + "give `population:` instead")
        }
        return SmallestUnit(label: label, figure: figure, origin: resolved.origin)
    }

    static func line(
        criterion: String, dimension: String?, unit: SmallestUnit, bands: [ScoreBand], noun: String,
        prefix: String = "smallest unit ", _ ctx: ScoringContext
    ) -> CriterionScore {
        let band = bands.band(for: unit.value)
        return CriterionScore(
            criterion: criterion, dimension: dimension, category: band?.category ?? "",
            evidence: prefix + unit.text(noun), points: band?.points ?? 0, source: ctx.source)
    }
}

/// A geography, insurance or program line with the population that decided it (nil when assumed).
struct PopulationLine {
    var score: CriterionScore
    var value: Int?
}
