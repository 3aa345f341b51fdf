import DeidDescription

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
