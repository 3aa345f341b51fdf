import Yams
import DeidSupport

/// The description keys for DDG Steps 1–3 (docs/table-description.md, "Assessment keys"). All optional.
extension TableDescription {
    static let assessmentKeys = [
        "personal_characteristics", "high_risk", "geography", "period", "program", "insurance", "denominator_from",
    ]
    static let dimensionScoringKeys = ["period", "ages", "populations", "reference", "address", "unknown_population"]

    static func assessmentDeclarations(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError)
        -> AssessmentDeclarations
    {
        var declared = AssessmentDeclarations()
        if let node = table["personal_characteristics"] {
            declared.personalCharacteristics = try yaml.bool(node, key: "personal_characteristics")
        }
        if let node = table["high_risk"] { declared.highRisk = try highRisk(node, yaml: yaml) }
        if let node = table["geography"] {
            declared.geography = try implicitPopulation(
                node, key: "geography", yaml: yaml, keyLocation: table.keyLocation("geography"), isGeography: true)
        }
        if let node = table["period"] { declared.period = try period(node, yaml: yaml) }
        if let node = table["program"] {
            declared.program = try implicitPopulation(
                node, key: "program", yaml: yaml, keyLocation: table.keyLocation("program"), isGeography: false)
        }
        if let node = table["insurance"] {
            declared.insurance = try implicitPopulation(
                node, key: "insurance", yaml: yaml, keyLocation: table.keyLocation("insurance"), isGeography: false)
        }
        if let node = table["denominator_from"] { declared.denominatorFrom = try denominatorSource(node, yaml: yaml) }
        return declared
    }

    /// `none`, one category, or a list of categories.
    private static func highRisk(_ node: Node, yaml: StrictYAML) throws(DescriptionError) -> HighRiskDeclaration {
        if case .scalar = node, try yaml.text(node, key: "high_risk", meaning: "none or a category") == "none" {
            return .none
        }
        let items: [Node] = if case .sequence(let list) = node { Array(list) } else { [node] }
        guard !items.isEmpty else {
            throw .invalidValue(
                yaml.location(node), key: "high_risk",
                reason: "the list is empty; write `high_risk: none` or name at least one category")
        }
        var categories: [HighRiskCategory] = []
        for item in items {
            if case .scalar = item, (try? yaml.text(item, key: "high_risk", meaning: "")) == "none" {
                throw .invalidValue(
                    yaml.location(item), key: "high_risk",
                    reason: "'none' cannot be listed with categories; write `high_risk: none` on its own")
            }
            categories.append(try yaml.choice(item, key: "high_risk", noun: "high-risk category", of: HighRiskCategory.self))
        }
        return .populations(categories)
    }

    private static func period(_ node: Node, yaml: StrictYAML) throws(DescriptionError) -> ReportingPeriod {
        let text = try yaml.text(node, key: "period", meaning: "a reporting period")
        guard let period = ReportingPeriod(text: text) else {
            throw .invalidValue(
                yaml.location(node), key: "period",
                reason: "'\(text)' is not a period; write year, half_year, quarter, month, week, day, or `N years` "
                    + "for N pooled years (e.g. `5 years`)")
        }
        return period
    }

    private static func implicitPopulation(
        _ node: Node, key: String, yaml: StrictYAML, keyLocation: SourceLocation?, isGeography: Bool
    ) throws(DescriptionError) -> ImplicitPopulation {
        let allowed = (isGeography ? ["role"] : []) + ["label", "population", "reference"] + (isGeography ? ["address"] : [])
        let example = isGeography ? "role: residence_geography" : "label: Medi-Cal"
        let map = try yaml.mapping(
            node, key: key, context: "'\(key)'", allowed: allowed,
            required: isGeography ? ["role": example] : [:], keyLocation: keyLocation)
        var value = ImplicitPopulation(location: map.location)
        if isGeography {
            let role = try yaml.choice(try map.required("role"), key: "role", noun: "role", of: DimensionRole.self)
            guard role.isGeography else {
                throw .invalidValue(
                    yaml.location(try map.required("role")), key: "role",
                    reason: "'geography' needs residence_geography or service_geography")
            }
            value.role = role
        }
        if let label = map["label"] { value.label = try yaml.name(label, key: "label", meaning: "a label") }
        if let population = map["population"] {
            value.population = try positive(population, key: "population", yaml: yaml)
        }
        if let reference = map["reference"] {
            value.reference = try yaml.name(reference, key: "reference", meaning: "a reference file")
        }
        if let address = map["address"] {
            value.address = try yaml.choice(address, key: "address", noun: "address kind", of: AddressKind.self)
            guard value.role == .serviceGeography else {
                throw .invalidValue(
                    yaml.location(address), key: "address",
                    reason: "addresses locate where a service was given: use `role: service_geography`")
            }
        }
        guard value.population != nil || value.label != nil || value.address != nil else {
            throw .invalidValue(
                map.location, key: key,
                reason: "give `population:` (e.g. `population: 39538223`) or a `label:` to look up in the reference "
                    + "data (e.g. `label: California`)")
        }
        return value
    }

    private static func denominatorSource(_ node: Node, yaml: StrictYAML) throws(DescriptionError) -> DenominatorSource {
        if case .mapping = node {
            let map = try yaml.mapping(
                node, key: "denominator_from", context: "'denominator_from'", allowed: ["margin"],
                required: ["margin": "margin: Sex"])
            return .margin(try yaml.name(try map.required("margin"), key: "margin", meaning: "a dimension column"))
        }
        switch try yaml.text(node, key: "denominator_from", meaning: "column, population or {margin: COLUMN}") {
        case "column": return .column
        case "population": return .population
        case let other:
            throw .unknownValue(
                yaml.location(node), key: "denominator source", value: other,
                allowed: ["column", "population", "{margin: COLUMN}"],
                suggestion: Suggestion.nearest(to: other, in: ["column", "population"]))
        }
    }

    static func dimensionScoring(_ map: StrictMapping, column: String, role: DimensionRole, yaml: StrictYAML)
        throws(DescriptionError) -> DimensionScoringSpec
    {
        var spec = DimensionScoringSpec()
        func onlyFor(_ key: String, _ roles: [DimensionRole], _ what: String) throws(DescriptionError) {
            guard map[key] != nil, !roles.contains(role) else { return }
            throw .invalidValue(
                map.keyLocation(key) ?? map.location, key: key,
                reason: "'\(key)' applies to \(what) only; dimension '\(column)' has role \(role.rawValue)")
        }
        try onlyFor("period", [.time], "time dimensions")
        try onlyFor("ages", [.age], "age dimensions")
        try onlyFor("address", [.serviceGeography], "service_geography dimensions")
        try onlyFor("populations", DimensionRole.allCases.filter { $0 != .time && $0 != .age }, "population-scored roles")
        try onlyFor("reference", DimensionRole.allCases.filter { $0 != .time && $0 != .age }, "population-scored roles")
        if let node = map["period"] { spec.period = try period(node, yaml: yaml) }
        if let node = map["ages"] {
            for (label, value, at) in try labelMap(node, key: "ages", yaml: yaml) {
                spec.ages[label] = try ageRange(value, label: label, at: at, yaml: yaml)
            }
        }
        if let node = map["populations"] {
            for (label, value, _) in try labelMap(node, key: "populations", yaml: yaml) {
                spec.populations[label] = try positive(value, key: label, yaml: yaml)
            }
        }
        if let node = map["reference"] {
            spec.reference = try yaml.name(node, key: "reference", meaning: "a reference file")
            spec.referenceLocation = map.keyLocation("reference")
        }
        if let node = map["address"] { spec.address = try yaml.choice(node, key: "address", noun: "address kind", of: AddressKind.self) }
        try onlyFor("unknown_population", DimensionRole.allCases.filter { $0 != .time && $0 != .age }, "population-scored roles")
        if let node = map["unknown_population"] {
            guard try yaml.text(node, key: "unknown_population", meaning: "riskiest") == "riskiest" else {
                throw .invalidValue(
                    yaml.location(node), key: "unknown_population",
                    reason: "the only choice is `riskiest`: a label with no known population is scored at the riskiest band")
            }
            spec.unknownPopulationRiskiest = true
        }
        return spec
    }

    /// `label: value` pairs with free labels (read as written, like hierarchy labels).
    static func labelMap(_ node: Node, key: String, yaml: StrictYAML) throws(DescriptionError)
        -> [(String, Node, SourceLocation)]
    {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(yaml.location(node), key: key, expected: "a mapping of labels to values", found: yaml.describe(node))
        }
        var pairs: [(String, Node, SourceLocation)] = []
        for (labelNode, value) in mapping {
            let label = try yaml.text(labelNode, key: key, meaning: "a label")
            if pairs.contains(where: { $0.0 == label }) { throw .duplicateKey(yaml.location(labelNode), key: label) }
            pairs.append((label, value, yaml.location(labelNode)))
        }
        return pairs
    }

    /// `[low, high]` or `[low, open]` in whole years.
    private static func ageRange(_ node: Node, label: String, at: SourceLocation, yaml: StrictYAML) throws(DescriptionError)
        -> AgeRange
    {
        let items = try yaml.list(node, key: label, meaning: "two ages, e.g. [65, open] or [0, 17]")
        guard items.count == 2 else {
            throw .invalidValue(at, key: label, reason: "write two ages, [low, high], or [low, open] for an open-ended group")
        }
        let low = try yaml.int(items[0], key: label)
        let high: Int? =
            if case .scalar(let s) = items[1], s.string == "open" { nil } else { try yaml.int(items[1], key: label) }
        guard low >= 0, high.map({ $0 >= low }) ?? true else {
            throw .invalidValue(at, key: label, reason: "ages must be 0 or more with low ≤ high")
        }
        return AgeRange(low: low, high: high)
    }

    private static func positive(_ node: Node, key: String, yaml: StrictYAML) throws(DescriptionError) -> Int {
        let value = try yaml.int(node, key: key)
        guard value >= 1 else { throw .invalidValue(yaml.location(node), key: key, reason: "a population must be at least 1") }
        return value
    }

    /// Consistency of the assessment keys with the dimensions (each fact declared once).
    func checkAssessment(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) {
        let roles = Set(dimensions.map(\.role))
        func conflict(_ key: String, _ has: Bool, _ what: String) throws(DescriptionError) {
            guard has, table[key] != nil else { return }
            throw .invalidTable(
                table.keyLocation(key) ?? table.location,
                problem: "'\(key)' describes a table without \(what), but this table has one; remove '\(key)' "
                    + "(declare the dimension's populations or period on the dimension instead)")
        }
        try conflict("geography", roles.contains(.residenceGeography) || roles.contains(.serviceGeography), "a geography dimension")
        try conflict("period", roles.contains(.time), "a time dimension")
        try conflict("program", roles.contains(.program), "a program dimension")
        try conflict("insurance", roles.contains(.insurance), "an insurance dimension")
        let at = table.keyLocation("denominator_from") ?? table.location
        switch assessment.denominatorFrom {
        case .column where denominator == nil:
            throw .invalidTable(at, problem: "'denominator_from: column' needs the `denominator:` column; name it")
        case .population where !(roles.contains { $0.isGeography }) && assessment.geography == nil:
            throw .invalidTable(
                at, problem: "'denominator_from: population' needs a geography dimension or the `geography:` key")
        case .margin(let column):
            guard let dimension = dimensions.first(where: { $0.column == column }) else {
                throw .invalidTable(at, problem: "'denominator_from' names '\(column)', which is not a dimension")
            }
            if case .none = dimension.structure {
                throw .invalidTable(
                    at, problem: "dimension '\(column)' has no total, so it has no margin; give it `total:` or "
                        + "`hierarchy:`, or choose another denominator source")
            }
        default: break
        }
    }
}
