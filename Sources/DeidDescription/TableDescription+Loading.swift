import Yams
import DeidSupport

extension TableDescription {
    /// Every key a dimension may have: its column and structure, the scoring keys and the masking keys.
    static let allDimensionKeys =
        ["column", "role", "total", "hierarchy", "remainder", "stratum", "aliases"] + dimensionScoringKeys + MaskingDeclarations.dimensionKeys

    /// The only format version this deid reads.
    public static let formatVersion = 1

    /// Reads and validates a description file (`TABLE.deid.yaml` or `deid.yaml`).
    public static func load(path: String) throws(DescriptionError) -> TableDescription {
        try parse(yaml: DescriptionFiles.read(path), file: path)
    }

    /// Parses and validates description text; `file` is used in messages and kept as provenance.
    public static func parse(yaml text: String, file: String) throws(DescriptionError) -> TableDescription {
        try refuseOpenDecisions(in: text, file: file)
        let yaml = StrictYAML(file: file)
        let document = try yaml.document(
            text, expected: "a table description starts with `version: 1`, then `policy:` and `table:`")
        // The version is checked before the keys: a file written for a later format should say so, not
        // complain about keys this deid has never heard of.
        try checkVersion(document, yaml: yaml)
        let root = try yaml.root(
            document, what: "table description", allowed: ["version", "policy", "table"],
            required: ["version": "version: 1", "policy": "policy: calhhs-ddg-2.0", "table": "table:"])
        let policyNode = try root.required("policy")
        let policy = try policyReference(yaml.name(policyNode, key: "policy", meaning: "a preset name or a file path"))
        let table = try yaml.mapping(
            root.required("table"), key: "table", context: "'table'",
            allowed: ["input", "dimensions", "count", "denominator", "derived", "annotation", "released_together", "strata", "cumulative", "count_bounds", "descriptive",
                "number_format", "missing_rows", "no_data_codes", "hidden_marker"]
                + assessmentKeys
                + MaskingDeclarations.tableKeys,
            required: ["input": "input: aggregate", "dimensions": "dimensions:"], keyLocation: root.keyLocation("table"))
        let input = try yaml.choice(table.required("input"), key: "input", noun: "input kind", of: InputKind.self)
        let dimensionNodes = try yaml.list(table.required("dimensions"), key: "dimensions", meaning: "dimensions")
        guard !dimensionNodes.isEmpty else {
            throw .invalidTable(
                table.keyLocation("dimensions") ?? table.location,
                problem: "'dimensions' is empty: list at least one dimension column, e.g. `- column: Year`")
        }
        // The table model numbers dimensions in 8 bits; no publishable table comes near this many.
        guard dimensionNodes.count <= 100 else {
            throw .invalidTable(
                table.keyLocation("dimensions") ?? table.location,
                problem: "'dimensions' lists \(dimensionNodes.count) columns; deid handles at most 100")
        }
        let strata = try strata(table, yaml: yaml)
        var dimensions: [DimensionSpec] = []
        for node in dimensionNodes { dimensions.append(try dimension(node, strata: strata, yaml: yaml)) }

        func column(_ key: String) throws(DescriptionError) -> String? {
            guard let node = table[key] else { return nil }
            return try yaml.name(node, key: key, meaning: "a column name")
        }
        var derived: [String] = []
        var columnLocations: [String: SourceLocation] = [:]
        if let node = table["derived"] {
            for item in try yaml.list(node, key: "derived", meaning: "column names") {
                let name = try yaml.name(item, key: "derived", meaning: "a column name")
                derived.append(name)
                columnLocations[name] = yaml.location(item)
            }
        }
        // `count:` one column, or a list of them (cases, deaths, tests): the first is the table's count, the others
        // more counts of the same rows.
        var count: String?
        var moreCounts: [String] = []
        if let node = table["count"], case .sequence = node {
            let names = try yaml.list(node, key: "count", meaning: "count columns").map { item throws(DescriptionError) in
                try yaml.name(item, key: "count", meaning: "a column name")
            }
            guard let first = names.first else {
                throw .invalidTable(table.keyLocation("count") ?? table.location, problem: "'count' lists no column")
            }
            count = first
            moreCounts = Array(names.dropFirst())
        } else {
            count = try column("count")
        }
        let denominator = try column("denominator")
        let annotation = try column("annotation")
        for (key, name) in [("count", count), ("denominator", denominator), ("annotation", annotation)] {
            if let name, let location = table.keyLocation(key) { columnLocations[name] = location }
        }
        var description = TableDescription(
            version: formatVersion, policy: policy, input: input, dimensions: dimensions, count: count,
            denominator: denominator, derived: derived, annotation: annotation,
            file: file, policyLocation: yaml.location(policyNode), columnLocations: columnLocations,
            assessment: try assessmentDeclarations(table, yaml: yaml))
        description.moreCounts = moreCounts
        for name in moreCounts { columnLocations[name] = table.keyLocation("count") }
        description.columnLocations = columnLocations
        try description.checkInput(table)
        try description.checkColumns(table, yaml: yaml)
        try description.checkAssessment(table, yaml: yaml)
        description.masking = try MaskingDeclarations.parse(table, dimensionNodes: dimensionNodes, of: description, yaml: yaml)
        description.strata = strata
        try description.checkRemainders()
        try description.checkStrata(table)
        description.cumulative = try cumulative(table, yaml: yaml)
        description.countBounds = try countBounds(table, yaml: yaml)
        try description.readNumberFormat(table, yaml: yaml)
        try description.readBlankMeanings(table, yaml: yaml)
        if let node = table["missing_rows"] {
            description.missingRows = try yaml.choice(node, key: "missing_rows", noun: "meaning of a missing row", of: MissingRows.self)
            if description.missingRows != .error, !description.masking.aggregate.isEmpty || description.strata != nil {
                throw .invalidTable(
                    table.keyLocation("missing_rows") ?? table.location,
                    problem: "'missing_rows' cannot be combined with `aggregate:` rules or `strata:` yet")
            }
        }
        if let node = table["descriptive"] {
            for item in try yaml.list(node, key: "descriptive", meaning: "column names") {
                description.descriptive.append(try yaml.name(item, key: "descriptive", meaning: "a column name"))
            }
        }
        try description.checkMeasures()
        if let node = table["released_together"] {
            for item in try yaml.list(node, key: "released_together", meaning: "table paths") {
                description.releasedTogether.append(
                    try yaml.text(item, key: "released_together", meaning: "a table path, relative to this file"))
            }
        }
        return description
    }

    /// `policy:` names a preset unless it looks like a path (has a `/` or a YAML extension).
    static func policyReference(_ text: String) -> PolicyReference {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml") ? .path(text) : .preset(text)
    }

    static func checkVersion(_ document: Node, yaml: StrictYAML) throws(DescriptionError) {
        guard case .mapping(let mapping) = document else { return }
        for (key, value) in mapping where key.scalar?.string == "version" {
            // Read as text so `version: "1"` is accepted and `version: 1.0` is reported as written.
            guard case .scalar(let scalar) = value else {
                throw .unsupportedVersion(yaml.location(value), found: yaml.describe(value))
            }
            guard scalar.string == String(formatVersion) else {
                throw .unsupportedVersion(yaml.location(value), found: scalar.string)
            }
        }
    }

    private static func dimension(_ node: Node, strata: StrataSpec?, yaml: StrictYAML) throws(DescriptionError)
        -> DimensionSpec
    {
        let map = try yaml.mapping(
            node, key: "dimensions", context: "a dimension",
            allowed: allDimensionKeys,
            required: ["column": "- column: County", "role": "role: residence_geography"])
        let column = try yaml.name(map.required("column"), key: "column", meaning: "a column name")
        let role = try yaml.choice(map.required("role"), key: "role", noun: "role", of: DimensionRole.self)
        let stratum = try map["stratum"].map { node throws(DescriptionError) in
            try yaml.text(node, key: "stratum", meaning: "the stratum type whose rows hold this dimension's values")
        }
        var structure: DimensionStructure
        switch (map["total"], map["hierarchy"]) {
        case (.some, .some):
            throw .invalidTable(
                map.keyLocation("hierarchy") ?? map.location,
                problem: "dimension '\(column)' has both 'total' and 'hierarchy'; keep one: 'total' for a flat "
                    + "total, or 'hierarchy' for a tree (its root is the total)")
        case (.some(let total), nil):
            structure = .total(try yaml.text(total, key: "total", meaning: "the label of the total row"))
        case (nil, .some(let tree)):
            let hierarchy = try Hierarchy.parse(tree, yaml: yaml)
            try hierarchy.validate(column: column)
            structure = .hierarchy(hierarchy)
        case (nil, nil):
            structure = .none
        }
        // The rows of other strata stand at a stratum dimension's total: without a declared one, it is named
        // like the whole population's stratum type.
        if stratum != nil, case .none = structure, let strata { structure = .total(strata.wholePopulation) }
        var spec = DimensionSpec(
            column: column, role: role, structure: structure, location: map.location,
            scoring: try dimensionScoring(map, column: column, role: role, yaml: yaml),
            remainder: try remainder(map, column: column, structure: structure, yaml: yaml), stratum: stratum)
        if let node = map["aliases"] {
            for (spelling, label, _) in try labelMap(node, key: "aliases", yaml: yaml) {
                spec.aliases[spelling] = try yaml.text(label, key: spelling, meaning: "the label it stands for")
            }
        }
        return spec
    }

    /// `remainder: Unknown`: the dimension's total (a flat one, or a hierarchy's root) may hold more than its
    /// listed parts. A hierarchy's subtotals stay exact sums.
    private static func remainder(
        _ map: StrictMapping, column: String, structure: DimensionStructure, yaml: StrictYAML
    ) throws(DescriptionError) -> String? {
        guard let node = map["remainder"] else { return nil }
        let name = try yaml.text(node, key: "remainder", meaning: "the name of what the total holds beyond its parts")
        guard let total = structure.grandTotal else {
            throw .invalidTable(
                map.keyLocation("remainder") ?? map.location,
                problem: "'remainder' needs a total on dimension '\(column)' (`total:`, or a hierarchy whose root holds "
                    + "more than its listed parts)")
        }
        if case .hierarchy(let tree) = structure, tree.entries.contains(where: { $0.children.contains(name) }) {
            throw .invalidTable(
                map.keyLocation("remainder") ?? map.location,
                problem: "the remainder '\(name)' of '\(column)' is a label of its hierarchy; name the unpublished "
                    + "rest something the hierarchy does not list")
        }
        guard name != total else {
            throw .invalidTable(
                map.keyLocation("remainder") ?? map.location,
                problem: "the remainder of '\(column)' cannot be named like its total '\(total)'")
        }
        return name
    }

    private func checkInput(_ table: StrictMapping) throws(DescriptionError) {
        switch input {
        case .aggregate:
            if count == nil {
                throw .missingKey(
                    table.location, key: "count", context: "'table' (aggregate input needs its count column)",
                    example: "count: Cases")
            }
        case .records:
            if table["denominator"] != nil {
                throw .invalidTable(
                    table.keyLocation("denominator") ?? table.location,
                    problem: "'denominator' is not allowed for records input: each row is one person, so there is "
                        + "no denominator column per cell; remove it, or aggregate the table and use input: aggregate")
            }
            if table["derived"] != nil {
                throw .invalidTable(
                    table.keyLocation("derived") ?? table.location,
                    problem: "'derived' is not allowed for records input: deid counts the records itself and computes "
                        + "no rates or percentages from them; remove it")
            }
            if let spec = dimensions.first(where: { $0.remainder != nil }) {
                throw .invalidTable(
                    spec.location,
                    problem: "'remainder' is for aggregate tables whose totals hold more than their rows; records "
                        + "input has no totals, so remove it (give records with an unknown value that value instead)")
            }
        }
    }

    /// Remainders are modelled on the table as read; recoding and the per-dimension methods would change it.
    private func checkRemainders() throws(DescriptionError) {
        guard let spec = dimensions.first(where: { $0.remainder != nil }) else { return }
        if !masking.aggregate.isEmpty {
            throw .invalidTable(
                spec.location,
                problem: "'remainder' and 'aggregate:' rules cannot be combined yet; merge the categories in the "
                    + "table itself, or leave out one of the two")
        }
        if masking.percentages != nil || masking.sampleSize != nil {
            throw .invalidTable(
                spec.location,
                problem: "'remainder' cannot be combined with rounded percentages or survey estimates yet")
        }
    }

    /// Each column has exactly one job: a dimension, the count, the denominator, a derived column or the annotation.
    private func checkColumns(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) {
        var uses: [(column: String, use: String, location: SourceLocation)] = dimensions.map {
            ($0.column, "a dimension", $0.location)
        }
        func add(_ column: String?, _ use: String, key: String) {
            if let column { uses.append((column, use, table.keyLocation(key) ?? table.location)) }
        }
        add(count, "the count", key: "count")
        for name in moreCounts { add(name, "a count", key: "count") }
        add(denominator, "the denominator", key: "denominator")
        let derivedItems = table["derived"].flatMap { $0.sequence.map(Array.init) } ?? []
        for (name, node) in zip(derived, derivedItems) { uses.append((name, "a derived column", yaml.location(node))) }
        add(annotation, "the annotation", key: "annotation")

        for (index, later) in uses.enumerated() {
            guard let earlier = uses[..<index].first(where: { $0.column == later.column }) else { continue }
            let line = earlier.location.line.map { "line \($0)" } ?? "earlier"
            let problem =
                earlier.use == later.use
                ? "column '\(later.column)' is declared as \(later.use) twice (first at \(line)); remove one"
                : "column '\(later.column)' is used both as \(earlier.use) (\(line)) and as \(later.use); "
                    + "each column has one role"
            throw .invalidTable(later.location, problem: problem)
        }
    }

    /// `number_format:` how counts and denominators are written when not as plain digits; declared, never guessed.
    private mutating func readNumberFormat(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) {
        guard let node = table["number_format"] else { return }
        let map = try yaml.mapping(
            node, key: "number_format", context: "'number_format'",
            allowed: ["thousands_separator", "trailing_zero_decimals"], required: [:],
            keyLocation: table.keyLocation("number_format"))
        if let separator = map["thousands_separator"] {
            let text = try yaml.text(separator, key: "thousands_separator", meaning: "one character, e.g. ','")
            guard text.count == 1, let character = text.first, character.isASCII, !character.isNumber,
                character != "." && character != "-"
            else {
                throw .invalidTable(
                    map.keyLocation("thousands_separator") ?? map.location,
                    problem: "'thousands_separator' is one character other than a digit, '.' or '-' (e.g. ',')")
            }
            thousandsSeparator = character
        }
        if let zeros = map["trailing_zero_decimals"] {
            trailingZeroDecimals = try yaml.bool(zeros, key: "trailing_zero_decimals")
        }
    }

    /// `no_data_codes:` and `hidden_marker:` what a blank count or a note means, declared, never guessed.
    private mutating func readBlankMeanings(_ table: StrictMapping, yaml: StrictYAML) throws(DescriptionError) {
        if let node = table["no_data_codes"] {
            guard annotation != nil else {
                throw .invalidTable(
                    table.keyLocation("no_data_codes") ?? table.location,
                    problem: "'no_data_codes' are codes of the annotation column; name it with `annotation:`")
            }
            for item in try yaml.list(node, key: "no_data_codes", meaning: "annotation codes") {
                noDataCodes.append(try yaml.text(item, key: "no_data_codes", meaning: "an annotation code"))
            }
        }
        if let node = table["hidden_marker"] {
            let map = try yaml.mapping(
                node, key: "hidden_marker", context: "'hidden_marker'", allowed: ["column", "value"],
                required: ["column": "column: Note", "value": "value: \"<11\""],
                keyLocation: table.keyLocation("hidden_marker"))
            hiddenMarker = HiddenMarker(
                column: try yaml.name(map.required("column"), key: "column", meaning: "the note column"),
                value: try yaml.text(map.required("value"), key: "value", meaning: "the text that marks a hidden cell"))
        }
    }
}

extension TableDescription {
    /// The marker `deid init` writes where it could not decide something; no command runs past one.
    public static let openDecisionMarker = "TODO(deid init)"

    /// Refuses a description that still holds a `TODO(deid init)` line, pointing at the first one.
    static func refuseOpenDecisions(in text: String, file: String) throws(DescriptionError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = line.range(of: openDecisionMarker) else { continue }
            let column = line.distance(from: line.startIndex, to: marker.lowerBound) + 1
            let question = line[marker.upperBound...].drop { $0 == ":" || $0 == " " }
            throw .invalidTable(
                SourceLocation(file: file, line: index + 1, column: column),
                problem: "deid init left this open: \(question); decide it, then delete the TODO line")
        }
    }
}
