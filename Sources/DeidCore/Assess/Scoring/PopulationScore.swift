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
            guard let resolved = resolver.resolve(label), let figure = resolved.figure else {
                guard required else { return nil }
                throw .unscorableLabel(
                    spec.location, column: spec.column, label: label,
                    problem: "no \(noun) is known for it in \(resolver.lookedIn); give it under `populations:` on "
                        + "the dimension (e.g. `populations: {\"\(label)\": 12345}`) or name a reference file with "
                        + "`reference:`")
            }
            let unit = SmallestUnit(label: label, figure: figure, origin: resolved.origin)
            if smallest.map({ unit.value < $0.value }) ?? true { smallest = unit }
        }
        return smallest
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

/// Residence and service geography (R4): one line per geography dimension, or the table's `geography:`.
enum GeographyScore {
    static func score(_ ctx: ScoringContext) throws(AssessError) -> [PopulationLine] {
        var lines: [PopulationLine] = []
        for d in ctx.table.dimensions.indices where ctx.table.dimensions[d].role.isGeography {
            let role = ctx.table.dimensions[d].role
            let spec = ctx.spec(d)
            if let address = spec.scoring.address {
                lines.append(PopulationLine(score: addressLine(address, column: spec.column, ctx), value: 0))
                continue
            }
            let (reference, bands) = criterion(role, ctx)
            guard let unit = try PopulationScore.smallest(d, defaultReference: reference, noun: "population", ctx) else {
                continue
            }
            lines.append(PopulationLine(
                score: PopulationScore.line(criterion: role.rawValue, dimension: spec.column, unit: unit, bands: bands, noun: "population", ctx),
                value: unit.value))
        }
        if lines.isEmpty, let declared = ctx.description.assessment.geography {
            let role = declared.role ?? .residenceGeography
            if let address = declared.address {
                return [PopulationLine(score: addressLine(address, column: nil, ctx), value: 0)]
            }
            let (reference, bands) = criterion(role, ctx)
            if let unit = try PopulationScore.implicit(declared, key: "geography", defaultReference: reference, noun: "population", ctx) {
                lines.append(PopulationLine(
                    score: PopulationScore.line(
                        criterion: role.rawValue, dimension: nil, unit: unit, bands: bands, noun: "population",
                        prefix: "no geography dimension; declared ", ctx),
                    value: unit.value))
            }
        }
        return lines
    }

    /// No geography anywhere: the riskiest residence band (Q8: implicit geography must be declared).
    static func assumed(_ ctx: ScoringContext) -> PopulationLine {
        let band = ctx.scoring.residenceGeography.bands.riskiest
        return PopulationLine(
            score: CriterionScore(
                criterion: DimensionRole.residenceGeography.rawValue, category: band?.category ?? "",
                evidence: "no geography dimension and no `geography:` declared; riskiest band assumed (Q8)",
                points: band?.points ?? 0, source: ctx.source),
            value: nil)
    }

    private static func criterion(_ role: DimensionRole, _ ctx: ScoringContext) -> (String?, [ScoreBand]) {
        role == .serviceGeography
            ? (ctx.scoring.serviceGeography.reference, ctx.scoring.serviceGeography.bands)
            : (ctx.scoring.residenceGeography.reference, ctx.scoring.residenceGeography.bands)
    }

    private static func addressLine(_ kind: AddressKind, column: String?, _ ctx: ScoringContext) -> CriterionScore {
        let addresses = ctx.scoring.serviceGeography.addresses
        var band = addresses.first { $0.address == kind }
        if band == nil {
            // v1.0 has one address row: a rural or frontier address is still an address.
            band = addresses.first { $0.address == .street }
            ctx.warn("the policy has no band for \(kind.rawValue) addresses; scored as a street address")
        }
        return CriterionScore(
            criterion: DimensionRole.serviceGeography.rawValue, dimension: column, category: band?.category ?? "",
            evidence: "reported by provider address (\(kind.rawValue))", points: band?.points ?? 0, source: ctx.source)
    }
}

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
