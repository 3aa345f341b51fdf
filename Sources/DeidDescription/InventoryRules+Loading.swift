import Yams

extension InventoryRules {
    /// The preset's path below a presets folder.
    public static let presetPath = "inventory/safe-harbor.yaml"

    /// The preset from `presetsDirectory`, with the user's rules file (if any) applied.
    public static func load(presetsDirectory: String, userRules: String?) throws(DescriptionError) -> InventoryRules {
        let file = DescriptionFiles.join(presetsDirectory, presetPath)
        var rules = try parse(yaml: DescriptionFiles.read(file), file: file)
        if let userRules { rules.declared = try DeclaredStatuses.parse(yaml: DescriptionFiles.read(userRules), file: userRules) }
        return rules
    }

    static let keys = ["version", "title", "identifiers", "age", "zip3", "unique_code", "quasi_identifiers", "small_group_max"]

    public static func parse(yaml text: String, file: String) throws(DescriptionError) -> InventoryRules {
        let yaml = StrictYAML(file: file)
        let document = try yaml.document(text, expected: "the inventory rules start with `version: 1`")
        try TableDescription.checkVersion(document, yaml: yaml)
        let root = try yaml.root(
            document, what: "inventory rules", allowed: keys,
            required: Dictionary(uniqueKeysWithValues: keys.map { ($0, "\($0): …") }))
        let reader = InventoryRulesReader(yaml: yaml)
        let age = try yaml.mapping(try root.required("age"), key: "age", context: "'age'", allowed: ["names", "over"],
                                   required: ["names": "names: [age]", "over": "over: 89"])
        let zip3 = try yaml.mapping(
            try root.required("zip3"), key: "zip3", context: "'zip3'", allowed: ["names", "population_above", "restricted"],
            required: ["names": "names: [zip3]", "population_above": "population_above: 20000", "restricted": "restricted: []"])
        let unique = try yaml.mapping(
            try root.required("unique_code"), key: "unique_code", context: "'unique_code'",
            allowed: ["distinct_share", "min_records"],
            required: ["distinct_share": "distinct_share: 0.9", "min_records": "min_records: 20"])
        let quasi = try yaml.mapping(
            try root.required("quasi_identifiers"), key: "quasi_identifiers", context: "'quasi_identifiers'",
            allowed: ["names"], required: ["names": "names: [sex]"])
        return InventoryRules(
            title: try yaml.name(try root.required("title"), key: "title", meaning: "a title"), file: file,
            identifiers: try reader.identifiers(try root.required("identifiers")),
            ageNames: try reader.words(try age.required("names"), key: "names"),
            ageOver: try yaml.int(try age.required("over"), key: "over"),
            zip3Names: try reader.words(try zip3.required("names"), key: "names"),
            zip3PopulationAbove: try yaml.int(try zip3.required("population_above"), key: "population_above"),
            restrictedZIP3: Set(try reader.texts(try zip3.required("restricted"), key: "restricted")),
            uniqueShare: try yaml.number(try unique.required("distinct_share"), key: "distinct_share"),
            uniqueMinRecords: try yaml.int(try unique.required("min_records"), key: "min_records"),
            quasiIdentifierNames: try reader.words(try quasi.required("names"), key: "names"),
            smallGroupMax: try yaml.int(try root.required("small_group_max"), key: "small_group_max"))
    }
}

/// Reads the lists of the inventory rules.
struct InventoryRulesReader {
    let yaml: StrictYAML

    func texts(_ node: Node, key: String) throws(DescriptionError) -> [String] {
        var texts: [String] = []
        for item in try yaml.list(node, key: key, meaning: "names") {
            texts.append(try yaml.name(item, key: key, meaning: "a name"))
        }
        return texts
    }

    func words(_ node: Node, key: String) throws(DescriptionError) -> [ColumnWords] {
        try texts(node, key: key).map(ColumnWords.init)
    }

    func identifiers(_ node: Node) throws(DescriptionError) -> [InventoryRules.Identifier] {
        var identifiers: [InventoryRules.Identifier] = []
        for item in try yaml.list(node, key: "identifiers", meaning: "identifier categories") {
            let map = try yaml.mapping(
                item, key: "identifiers", context: "an identifier category", allowed: ["kind", "safe_harbor", "names"],
                required: ["kind": "kind: email", "safe_harbor": "safe_harbor: \"(F) email addresses\"", "names": "names: [email]"])
            identifiers.append(
                InventoryRules.Identifier(
                    kind: try yaml.name(try map.required("kind"), key: "kind", meaning: "the category"),
                    safeHarbor: try yaml.name(try map.required("safe_harbor"), key: "safe_harbor", meaning: "the rule's words"),
                    names: try words(try map.required("names"), key: "names")))
        }
        return identifiers
    }
}

extension DeclaredStatuses {
    static let keys = ["version", "identifiers", "quasi_identifiers", "other"]

    /// A user's rules file: `identifiers:`, `quasi_identifiers:` and `other:`, each a list of column names; a
    /// column may be in one list only.
    static func parse(yaml text: String, file: String) throws(DescriptionError) -> DeclaredStatuses {
        let yaml = StrictYAML(file: file)
        let document = try yaml.document(
            text, expected: "inventory rules list columns under `identifiers:`, `quasi_identifiers:` or `other:`")
        try TableDescription.checkVersion(document, yaml: yaml)
        let root = try yaml.root(document, what: "inventory rules", allowed: keys, required: [:])
        var declared = DeclaredStatuses()
        declared.file = file
        for key in keys.dropFirst() {
            guard let node = root[key] else { continue }
            for item in try yaml.list(node, key: key, meaning: "column names") {
                let column = try yaml.name(item, key: key, meaning: "a column name")
                guard declared.locations[column] == nil else {
                    throw .invalidValue(yaml.location(item), key: key, reason: "'\(column)' is declared twice; give each column one status")
                }
                declared.locations[column] = yaml.location(item)
                switch key {
                case "identifiers": declared.identifiers.append(column)
                case "quasi_identifiers": declared.quasiIdentifiers.append(column)
                default: declared.other.append(column)
                }
            }
        }
        return declared
    }
}
