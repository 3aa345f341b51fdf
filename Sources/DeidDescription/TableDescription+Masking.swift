import Yams
import DeidSupport

/// Reading the masking keys of a description: `aggregate`, `data`, `sample_size`, `rates` in `table:`, and
/// `method`/`percent` on a dimension. Kept apart from the core loader; the loader only lists these key names.
extension MaskingDeclarations {
    static let tableKeys = ["aggregate", "data", "sample_size", "rates"]
    static let dimensionKeys = ["method", "percent"]

    static func parse(
        _ table: StrictMapping, dimensionNodes: [Node], of description: TableDescription, yaml: StrictYAML
    ) throws(DescriptionError) -> MaskingDeclarations {
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
                    try AggregateDeclarationReader(yaml: yaml, description: description, percentages: masking.percentages)
                        .declaration(item))
            }
        }
        try masking.checkSurvey(table, description: description)
        try masking.checkColumns(table, description: description)
        return masking
    }

    /// `rates: {Rate per 100k: 100000}`: each key a derived column computed as count ÷ denominator × value.
    private static func rates(_ node: Node, description: TableDescription, yaml: StrictYAML) throws(DescriptionError)
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
        throws(DescriptionError) -> PercentagesDeclaration?
    {
        var found: PercentagesDeclaration?
        for (node, spec) in zip(nodes, description.dimensions) {
            let map = try yaml.mapping(
                node, key: "dimensions", context: "a dimension",
                allowed: TableDescription.allDimensionKeys)
            let method =
                try map["method"].map { node throws(DescriptionError) in
                    try yaml.choice(node, key: "method", noun: "publication method", of: PublicationMethod.self)
                } ?? .counts
            let percent = try map["percent"].map { node throws(DescriptionError) in
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
    private static func checkThreeCategoryShape(_ spec: DimensionSpec, at: SourceLocation) throws(DescriptionError) {
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

    private func checkSurvey(_ table: StrictMapping, description: TableDescription) throws(DescriptionError) {
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
    private func checkColumns(_ table: StrictMapping, description: TableDescription) throws(DescriptionError) {
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

extension DimensionSpec {
    /// Every label the hierarchy declares; nil when the labels come from the data (no structure, flat total).
    var declaredLabels: Set<String>? {
        guard case .hierarchy(let hierarchy) = structure else { return nil }
        return Set(hierarchy.entries.flatMap { [$0.parent] + $0.children })
    }
}
