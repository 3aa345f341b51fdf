import Yams
import DeidSupport

extension Policy {
    /// The only policy format version this deid reads.
    public static let formatVersion = 1

    /// Top-level sections of a policy file. Every one is required: no threshold has a default in code.
    /// `scoring` (the DDG Publication Scoring Criteria) is the one optional section: a policy without it
    /// cannot score, so deid masks every table with personal characteristics (see `ScoringPolicy`).
    static let optionalSections = ["scoring"]
    static let sections = [
        "version", "name", "title", "edition", "numerator", "denominator", "derived", "complementary", "audit",
        "labels",
    ] + maskingSections + ["footnotes"]

    /// Loads the policy a description names: a preset from `presetsDirectory`, or a file relative to the
    /// description's folder. `location` is where `policy:` is written, for the not-found messages.
    public static func load(
        _ reference: PolicyReference, relativeTo descriptionFile: String, presetsDirectory: String,
        referencedAt location: SourceLocation? = nil
    ) throws(DescriptionError) -> Policy {
        switch reference {
        case .preset(let name):
            let path = DescriptionFiles.join(presetsDirectory, name + ".yaml")
            guard DescriptionFiles.isFile(path) else {
                let available = presets(in: presetsDirectory)
                throw .unknownPreset(
                    location, name: name, directory: presetsDirectory, available: available,
                    suggestion: Suggestion.nearest(to: name, in: available))
            }
            let policy = try parse(yaml: DescriptionFiles.read(path), file: path)
            // A renamed copy left in Presets/ would otherwise be recorded in audits under the wrong name.
            guard policy.name == name else {
                throw .invalidValue(
                    SourceLocation(file: path), key: "name",
                    reason: "preset file \(name).yaml declares name '\(policy.name)'; a preset's name must match its file name")
            }
            return policy
        case .path(let written):
            let path = DescriptionFiles.join(DescriptionFiles.folder(of: descriptionFile), written)
            if DescriptionFiles.isDirectory(path) {
                throw .invalidValue(
                    location ?? SourceLocation(file: descriptionFile), key: "policy",
                    reason: "'\(Printable.excerpt(written))' is a folder; name a policy file (e.g. my-policy.yaml) or a "
                        + "preset such as calhhs-ddg-2.0")
            }
            guard DescriptionFiles.isFile(path) else {
                throw .policyFileNotFound(location, path: written, resolved: path)
            }
            return try parse(yaml: DescriptionFiles.read(path), file: path)
        }
    }

    /// The policy a loaded description names, with errors pointing at its `policy:` line.
    public static func load(for description: TableDescription, presetsDirectory: String) throws(DescriptionError) -> Policy {
        try load(
            description.policy, relativeTo: description.file, presetsDirectory: presetsDirectory,
            referencedAt: description.policyLocation)
    }

    /// Preset names (file names without `.yaml`) in a presets folder, sorted.
    public static func presets(in directory: String) -> [String] {
        let names = (try? DescriptionFiles.contents(of: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Parses and validates policy text; `file` becomes `Policy.file`.
    public static func parse(yaml text: String, file: String) throws(DescriptionError) -> Policy {
        let yaml = StrictYAML(file: file)
        let document = try yaml.document(text, expected: "a policy starts with `version: 1` (see Presets/calhhs-ddg-2.0.yaml)")
        try TableDescription.checkVersion(document, yaml: yaml)
        let root = try yaml.root(
            document, what: "policy", allowed: sections + optionalSections,
            required: Dictionary(uniqueKeysWithValues: sections.map { ($0, "\($0): …") }))
        let reader = PolicyReader(yaml: yaml, root: root)
        // Sections are read in the order the format lists them, so the first error reported is the most basic.
        let name = try reader.name("name", meaning: "the policy name")
        let title = try reader.name("title", meaning: "a title")
        let edition = try reader.name("edition", meaning: "the DDG edition, e.g. \"2.0\"")
        let numerator = try reader.numerator()
        let denominator = try reader.denominator()
        let derived = try reader.derived()
        let complementary = try reader.complementary()
        let audit = try reader.audit()
        let labels = try reader.labels()
        let threeCategory = try threeCategory(root, yaml: yaml)
        let survey = try survey(root, yaml: yaml)
        return Policy(
            name: name, title: title, edition: edition, file: file, numerator: numerator, denominator: denominator,
            derived: derived, complementary: complementary, audit: audit, labels: labels, threeCategory: threeCategory,
            survey: survey,
            footnotes: try footnotes(root, yaml: yaml, labels: labels, numerator: numerator, survey: survey),
            scoring: try root["scoring"].map { node throws(DescriptionError) in
                try ScoringReader(yaml: yaml).scoring(node, keyLocation: root.keyLocation("scoring"))
            })
    }
}

/// Reads one policy section at a time; each section's keys are all required.
private struct PolicyReader {
    let yaml: StrictYAML
    let root: StrictMapping

    func name(_ key: String, meaning: String) throws(DescriptionError) -> String {
        try yaml.name(root.required(key), key: key, meaning: meaning)
    }

    func section(_ key: String, _ keys: [String], in parent: StrictMapping? = nil) throws(DescriptionError) -> StrictMapping {
        let owner = parent ?? root
        return try yaml.mapping(
            owner.required(key), key: key, context: "'\(key)'", allowed: keys,
            required: Dictionary(uniqueKeysWithValues: keys.map { ($0, "\($0): …") }), keyLocation: owner.keyLocation(key))
    }

    /// A whole number of at least `minimum`; thresholds below it make no sense and are refused, not clamped.
    func int(_ map: StrictMapping, _ key: String, atLeast minimum: Int) throws(DescriptionError) -> Int {
        let node = try map.required(key)
        let value = try yaml.int(node, key: key)
        guard value >= minimum else {
            throw .invalidValue(yaml.location(node), key: key, reason: "must be at least \(minimum)")
        }
        return value
    }

    func numerator() throws(DescriptionError) -> NumeratorRule {
        let map = try section("numerator", ["minimum", "hide_zero"])
        // A minimum of 1 would make no count small; the audit needs a small range 1…minimum − 1 to protect.
        let minimum = try int(map, "minimum", atLeast: 2)
        let hideZeroNode = try map.required("hide_zero")
        let hideZero = try yaml.bool(hideZeroNode, key: "hide_zero")
        // The disclosure audit credits an attacker with knowing that every hidden cell is at least 1 (T2: zeros
        // are shown). Hidden zeros would make that knowledge false and the audit unsound, so they are refused.
        guard !hideZero else {
            throw .invalidValue(
                yaml.location(hideZeroNode), key: "hide_zero",
                reason: "must be false: zeros are shown (DDG T2), and deid's disclosure audit relies on every hidden "
                    + "cell being at least 1")
        }
        return NumeratorRule(minimum: minimum, hideZero: hideZero)
    }

    func denominator() throws(DescriptionError) -> DenominatorRule {
        let map = try section("denominator", ["minimum", "boundary"])
        let boundary = try yaml.choice(map.required("boundary"), key: "boundary", noun: "boundary", of: Boundary.self)
        return DenominatorRule(minimum: try int(map, "minimum", atLeast: 0), failAtMinimum: boundary == .failAtMinimum)
    }

    func derived() throws(DescriptionError) -> DerivedRule {
        let map = try section("derived", ["hide_with_count"])
        return DerivedRule(hideWithCount: try yaml.bool(map.required("hide_with_count"), key: "hide_with_count"))
    }

    func complementary() throws(DescriptionError) -> ComplementaryRule {
        let map = try section("complementary", ["rule6", "allow_totals", "total_cost_factor"])
        var rule6: Rule6?
        let rule6Node = try map.required("rule6")
        if rule6Node.tagName != .null {  // `rule6: null`: the edition has no such rule
            let rule = try section("rule6", ["all_at_most", "sum_below"], in: map)
            rule6 = Rule6(allAtMost: try int(rule, "all_at_most", atLeast: 1), sumBelow: try int(rule, "sum_below", atLeast: 1))
        }
        let factorNode = try map.required("total_cost_factor")
        let factor = try yaml.number(factorNode, key: "total_cost_factor")
        guard factor > 0 else {
            throw .invalidValue(yaml.location(factorNode), key: "total_cost_factor", reason: "must be greater than 0")
        }
        return ComplementaryRule(
            rule6: rule6, allowTotals: try yaml.bool(map.required("allow_totals"), key: "allow_totals"),
            totalCostFactor: factor)
    }

    func audit() throws(DescriptionError) -> AuditRule {
        let map = try section("audit", ["min_interval_width"])
        return AuditRule(minIntervalWidth: try int(map, "min_interval_width", atLeast: 1))
    }

    func labels() throws(DescriptionError) -> LabelRule {
        let map = try section("labels", ["mode", "codes"])
        let mode = try yaml.choice(map.required("mode"), key: "mode", noun: "label mode", of: LabelRule.Mode.self)
        let codes = try section("codes", ["primary", "complementary", "generic", "unreliable"], in: map)
        func code(_ key: String) throws(DescriptionError) -> String {
            try yaml.name(codes.required(key), key: key, meaning: "an annotation code")
        }
        // Readers must be able to tell the three kinds of hidden cell apart from the code alone.
        var used: [String: String] = [:]
        for key in ["primary", "complementary", "generic"] {
            let value = try code(key)
            if let earlier = used[value] {
                throw .invalidValue(
                    yaml.location(try codes.required(key)), key: key,
                    reason: "code '\(value)' is already the '\(earlier)' code; 'primary', 'complementary' and "
                        + "'generic' must be three different codes")
            }
            used[value] = key
        }
        return LabelRule(
            mode: mode, primaryCode: try code("primary"), complementaryCode: try code("complementary"),
            genericCode: try code("generic"), unreliableCode: try code("unreliable"))
    }

    /// The denominator boundary of DDG Q1, as written in the policy file.
    enum Boundary: String, CaseIterable {
        case failAtMinimum = "fail_at_minimum"
        case passAtMinimum = "pass_at_minimum"
    }
}
