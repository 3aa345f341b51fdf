import Yams

/// Reading the masking keys of a description: `aggregate`, `data`, `sample_size`, `rates` in `table:`, and
/// `method`/`percent` on a dimension. Kept apart from the core loader; the loader only lists these key names.
extension MaskingDeclarations {
    static let tableKeys = ["aggregate", "data", "sample_size", "rates"]
    static let dimensionKeys = ["method", "percent"]

    static func parse(
        _ table: StrictMapping, dimensionNodes: [Node], of description: TableDescription, yaml: StrictYAML
    ) throws(RulesError) -> MaskingDeclarations {
        var masking = MaskingDeclarations()
        if let node = table["data"] {
            masking.data = try yaml.choice(node, key: "data", noun: "data kind", of: DataKind.self)
        }
        if let node = table["sample_size"] {
            masking.sampleSize = try yaml.name(node, key: "sample_size", meaning: "a column name")
        }
        if let node = table["rates"] {
            masking.rates = try rates(node, description: description, yaml: yaml)
        }
        masking.percentages = try percentages(dimensionNodes, description: description, yaml: yaml)
        if let node = table["aggregate"] {
            for item in try yaml.list(node, key: "aggregate", meaning: "recoding rules") {
                masking.aggregate.append(
                    try AggregateRuleReader(yaml: yaml, description: description, percentages: masking.percentages)
                        .rule(item))
            }
        }
        try masking.checkSurvey(table, description: description)
        try masking.checkColumns(table, description: description)
        return masking
    }

    /// `rates: {Rate per 100k: 100000}`: each key a derived column computed as count ÷ denominator × value.
    private static func rates(_ node: Node, description: TableDescription, yaml: StrictYAML) throws(RulesError)
        -> [RateFormula]
    {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "rates", expected: "a mapping of derived columns to multipliers, e.g. "
                    + "{Rate per 100k: 100000}", found: yaml.describe(node))
        }
        guard description.denominator != nil else {
            throw .invalidTable(
                yaml.location(node),
                problem: "'rates' computes count ÷ denominator × multiplier, but the table has no 'denominator' "
                    + "column; add `denominator:` or remove 'rates'")
        }
        var formulas: [RateFormula] = []
        for (key, value) in mapping {
            let column = try yaml.name(key, key: "rates", meaning: "a derived column name")
            guard description.derived.contains(column) else {
                throw .invalidTable(
                    yaml.location(key),
                    problem: "'\(column)' in 'rates' is not listed in 'derived'; a rate formula describes a derived "
                        + "column, so add it to `derived:` or fix the name")
            }
            let multiplier = try yaml.number(value, key: column)
            guard multiplier > 0 else {
                throw .invalidValue(yaml.location(value), key: column, reason: "a rate multiplier must be greater than 0")
            }
            formulas.append(RateFormula(column: column, multiplier: multiplier))
        }
        return formulas
    }

    /// `method: rounded_percentages` with `percent: Column` on at most one dimension that has a total and
    /// (for a hierarchy) exactly three categories under it.
    private static func percentages(_ nodes: [Node], description: TableDescription, yaml: StrictYAML)
        throws(RulesError) -> PercentagesDeclaration?
    {
        var found: PercentagesDeclaration?
        for (node, spec) in zip(nodes, description.dimensions) {
            let map = try yaml.mapping(
                node, key: "dimensions", context: "a dimension",
                allowed: ["column", "role", "total", "hierarchy"] + dimensionKeys)
            let method =
                try map["method"].map { node throws(RulesError) in
                    try yaml.choice(node, key: "method", noun: "publication method", of: PublicationMethod.self)
                } ?? .counts
            let percent = try map["percent"].map { node throws(RulesError) in
                try yaml.name(node, key: "percent", meaning: "the column that receives the percentages")
            }
            guard method == .roundedPercentages else {
                if percent != nil {
                    throw .invalidTable(
                        map.keyLocation("percent") ?? map.location,
                        problem: "'percent' names the column of rounded percentages and needs "
                            + "`method: rounded_percentages` on dimension '\(spec.column)'")
                }
                continue
            }
            let at = map.keyLocation("method") ?? map.location
            guard let percent else {
                throw .missingKey(
                    map.location, key: "percent", context: "dimension '\(spec.column)' (rounded percentages)",
                    example: "percent: Percent")
            }
            if let earlier = found {
                throw .invalidTable(
                    at,
                    problem: "only one dimension can be published as rounded percentages; '\(earlier.dimension)' "
                        + "already is")
            }
            try checkThreeCategoryShape(spec, at: at)
            found = PercentagesDeclaration(dimension: spec.column, column: percent, location: at)
        }
        return found
    }

    /// DDG Ed. 2.0 §4.4.4 applies to a variable with three categories and a total.
    private static func checkThreeCategoryShape(_ spec: DimensionSpec, at: SourceLocation) throws(RulesError) {
        let problem = "rounded percentages (the DDG's three-category method, Ed. 2.0 §4.4.4) need a total and "
            + "exactly three categories under it"
        switch spec.structure {
        case .none:
            throw .invalidTable(at, problem: "dimension '\(spec.column)' has no total; \(problem): add `total:`")
        case .total:
            break  // the categories come from the data and are counted when the table is read
        case .hierarchy(let hierarchy):
            guard hierarchy.entries.count == 1, hierarchy.entries[0].children.count == 3 else {
                throw .invalidTable(at, problem: "the hierarchy of '\(spec.column)' does not fit: \(problem)")
            }
        }
    }

    private func checkSurvey(_ table: StrictMapping, description: TableDescription) throws(RulesError) {
        let at = table.keyLocation("data") ?? table.location
        switch data {
        case .survey:
            guard description.input == .aggregate else {
                throw .invalidTable(
                    at,
                    problem: "survey data needs aggregate input with a 'sample_size' column per estimate; records "
                        + "input has no per-estimate denominator. Aggregate the responses first")
            }
            guard sampleSize != nil else {
                throw .missingKey(
                    table.location, key: "sample_size",
                    context: "'table' (survey data names the column of unweighted sample cases)",
                    example: "sample_size: Respondents")
            }
            if let percentages {
                throw .invalidTable(
                    percentages.location,
                    problem: "rounded percentages (three-category method) cannot be combined with survey data yet; "
                        + "publish the survey estimates with suppression, or the percentages from administrative data")
            }
        case .administrative:
            if sampleSize != nil {
                throw .invalidTable(
                    table.keyLocation("sample_size") ?? table.location,
                    problem: "'sample_size' is used only for survey data; add `data: survey` or remove it")
            }
        }
    }

    /// The sample-size and percent columns get one job each, like every other declared column.
    private func checkColumns(_ table: StrictMapping, description: TableDescription) throws(RulesError) {
        var uses: [(column: String, use: String)] = description.dimensions.map { ($0.column, "a dimension") }
        if let count = description.count { uses.append((count, "the count")) }
        if let denominator = description.denominator { uses.append((denominator, "the denominator")) }
        uses += description.derived.map { ($0, "a derived column") }
        if let annotation = description.annotation { uses.append((annotation, "the annotation")) }
        var mine: [(column: String, use: String, at: SourceLocation)] = []
        if let sampleSize {
            mine.append((sampleSize, "the sample size", table.keyLocation("sample_size") ?? table.location))
        }
        if let percentages { mine.append((percentages.column, "the percent column", percentages.location)) }
        for entry in mine {
            if let earlier = uses.first(where: { $0.column == entry.column }) {
                throw .invalidTable(
                    entry.at,
                    problem: "column '\(entry.column)' is used both as \(earlier.use) and as \(entry.use); each "
                        + "column has one role")
            }
            uses.append((entry.column, entry.use))
        }
    }
}

/// Reads one `aggregate:` rule and checks it against the declared dimensions.
private struct AggregateRuleReader {
    let yaml: StrictYAML
    let description: TableDescription
    let percentages: PercentagesDeclaration?

    enum Into: String, CaseIterable { case parent }

    func rule(_ node: Node) throws(RulesError) -> AggregateRule {
        let map = try yaml.mapping(
            node, key: "aggregate", context: "an aggregate rule",
            allowed: ["column", "when", "into", "label", "groups", "populations"],
            required: ["column": "- column: County"])
        let column = try yaml.name(map.required("column"), key: "column", meaning: "a dimension column")
        guard let spec = description.dimensions.first(where: { $0.column == column }) else {
            let names = description.dimensions.map(\.column)
            throw .unknownValue(
                yaml.location(try map.required("column")), key: "aggregate column", value: column, allowed: names,
                suggestion: Suggestion.nearest(to: column, in: names))
        }
        if percentages?.dimension == column {
            throw .invalidTable(
                map.location,
                problem: "dimension '\(column)' is published as rounded percentages of exactly three categories; "
                    + "it cannot also be recoded")
        }
        let condition = try map["when"].map { node throws(RulesError) in try self.condition(node) }
        let populations = try map["populations"].map { node throws(RulesError) in try self.populations(node) } ?? [:]
        let target: AggregateRule.Target
        switch (map["into"], map["groups"]) {
        case (.some, .some), (nil, nil):
            throw .invalidTable(
                map.location,
                problem: "an aggregate rule has exactly one of 'into: parent' (merge failing values under their "
                    + "parent) and 'groups:' (declared groups)")
        case (.some(let into), nil):
            _ = try yaml.choice(into, key: "into", noun: "aggregate target", of: Into.self)
            guard condition != nil else {
                throw .missingKey(
                    map.location, key: "when", context: "an aggregate rule with 'into: parent'",
                    example: "when: {population_below: 20000}")
            }
            if case .none = spec.structure {
                throw .invalidTable(
                    map.keyLocation("into") ?? map.location,
                    problem: "'into: parent' needs a parent, but dimension '\(column)' has no total or hierarchy; "
                        + "declare `groups:` instead")
            }
            let template =
                try map["label"].map { node throws(RulesError) in
                    try yaml.name(node, key: "label", meaning: "a label template such as \"Other {parent}\"")
                } ?? AggregateRule.defaultLabelTemplate
            target = .parent(labelTemplate: template)
        case (nil, .some(let groups)):
            if map["label"] != nil {
                throw .invalidTable(
                    map.keyLocation("label") ?? map.location,
                    problem: "'label' is the template for 'into: parent'; with 'groups:' each group's key is its label")
            }
            target = .groups(try self.groups(groups, spec: spec))
        }
        if case .populationBelow = condition {
            if description.denominator == nil && populations.isEmpty {
                throw .invalidTable(
                    map.keyLocation("when") ?? map.location,
                    problem: "'population_below' needs each value's population: add `populations:` to the rule "
                        + "(public figures by label) or a `denominator:` column to the table")
            }
        } else if map["populations"] != nil {
            throw .invalidTable(
                map.keyLocation("populations") ?? map.location,
                problem: "'populations' is used only with `when: {population_below: …}`")
        }
        return AggregateRule(
            column: column, condition: condition, target: target, populations: populations, location: map.location)
    }

    private func condition(_ node: Node) throws(RulesError) -> AggregateRule.Condition {
        let map = try yaml.mapping(
            node, key: "when", context: "'when'", allowed: ["population_below", "hidden_share_above"])
        switch (map["population_below"], map["hidden_share_above"]) {
        case (.some(let node), nil):
            let value = try yaml.int(node, key: "population_below")
            guard value >= 1 else {
                throw .invalidValue(yaml.location(node), key: "population_below", reason: "must be at least 1")
            }
            return .populationBelow(value)
        case (nil, .some(let node)):
            let value = try yaml.number(node, key: "hidden_share_above")
            guard value >= 0, value < 1 else {
                throw .invalidValue(
                    yaml.location(node), key: "hidden_share_above",
                    reason: "must be a share from 0 up to (not including) 1, e.g. 0.5")
            }
            return .hiddenShareAbove(value)
        default:
            throw .invalidTable(
                map.location,
                problem: "'when' has exactly one condition: `population_below: 20000` or `hidden_share_above: 0.5`")
        }
    }

    private func populations(_ node: Node) throws(RulesError) -> [String: Int] {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "populations", expected: "a mapping of labels to populations",
                found: yaml.describe(node))
        }
        var result: [String: Int] = [:]
        for (key, value) in mapping {
            let label = try yaml.text(key, key: "populations", meaning: "a label")
            let population = try yaml.int(value, key: label)
            guard population >= 0 else {
                throw .invalidValue(yaml.location(value), key: label, reason: "a population cannot be negative")
            }
            guard result.updateValue(population, forKey: label) == nil else {
                throw .duplicateKey(yaml.location(key), key: label)
            }
        }
        return result
    }

    private func groups(_ node: Node, spec: DimensionSpec) throws(RulesError) -> [AggregateRule.Group] {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "groups", expected: "a mapping of group labels to lists of members",
                found: yaml.describe(node))
        }
        let declared = spec.declaredLabels
        var groups: [AggregateRule.Group] = []
        var memberOf: [String: String] = [:]
        for (key, value) in mapping {
            let label = try yaml.name(key, key: "groups", meaning: "a group label")
            let at = yaml.location(key)
            if groups.contains(where: { $0.label == label }) { throw .duplicateKey(at, key: label) }
            var members: [String] = []
            for item in try yaml.list(value, key: label, meaning: "member labels") {
                let member = try yaml.text(item, key: label, meaning: "a member label")
                if let other = memberOf[member] {
                    throw .invalidTable(
                        yaml.location(item),
                        problem: "'\(member)' is in group '\(other)' and in group '\(label)'; a value joins one group")
                }
                if let declared, !declared.contains(member) {
                    throw .invalidTable(
                        yaml.location(item),
                        problem: "'\(member)' in group '\(label)' is not a label of the hierarchy of '\(spec.column)'")
                }
                memberOf[member] = label
                members.append(member)
            }
            guard members.count >= 2 else {
                throw .invalidTable(
                    at, problem: "group '\(label)' needs at least two members; a group of one only renames a value")
            }
            groups.append(AggregateRule.Group(label: label, members: members, location: at))
        }
        for group in groups where memberOf[group.label] != nil {
            throw .invalidTable(
                group.location,
                problem: "the group label '\(group.label)' is also a member of a group; choose a new label")
        }
        return groups
    }
}

extension DimensionSpec {
    /// Every label the hierarchy declares; nil when the labels come from the data (no structure, flat total).
    var declaredLabels: Set<String>? {
        guard case .hierarchy(let hierarchy) = structure else { return nil }
        return Set(hierarchy.entries.flatMap { [$0.parent] + $0.children })
    }
}
