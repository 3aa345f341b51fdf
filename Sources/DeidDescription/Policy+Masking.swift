import Yams

/// DDG Ed. 2.0 §4.4.4 (T11): a three-category variable may be published as whole-number percentages of its
/// total, with no counts, when every total is at least `minTotal` (1,100 = 11 ÷ 1%).
public struct ThreeCategoryRule: Sendable, Hashable {
    public var minTotal: Int
    /// Annotation code of a cell whose count is withheld because only its percentage is published.
    public var code: String
    /// The footnote the release report carries for the method.
    public var footnote: String

    public init(minTotal: Int, code: String, footnote: String) {
        self.minTotal = minTotal
        self.code = code
        self.footnote = footnote
    }
}

/// DDG Ed. 2.0 §5.2 and Appendix H (T13, Q21): survey estimates whose denominator has fewer than
/// `minSampleCases` unweighted sample cases are hidden as statistically unreliable (annotation code 4).
public struct SurveyRule: Sendable, Hashable {
    public var minSampleCases: Int
    /// Whether the disclosure audit must also keep unreliable cells from being recomputed (true), or treats
    /// them as if published (false): reliability suppression protects readers from noise, not people.
    public var protectUnreliable: Bool

    public init(minSampleCases: Int, protectUnreliable: Bool) {
        self.minSampleCases = minSampleCases
        self.protectUnreliable = protectUnreliable
    }

    /// Whether an estimate on this many sample cases is hidden as unreliable. A zero estimate is shown like
    /// any zero (DDG rule 3); the caller decides that.
    public func isUnreliable(sampleCases: Int) -> Bool { sampleCases < minSampleCases }
}

extension Policy {
    static let maskingSections = ["three_category", "survey"]

    static func threeCategory(_ root: StrictMapping, yaml: StrictYAML) throws(DescriptionError) -> ThreeCategoryRule {
        let map = try requiredSection("three_category", ["min_total", "code", "footnote"], in: root, yaml: yaml)
        let minTotalNode = try map.required("min_total")
        let minTotal = try yaml.int(minTotalNode, key: "min_total")
        guard minTotal >= 1 else {
            throw .invalidValue(yaml.location(minTotalNode), key: "min_total", reason: "must be at least 1")
        }
        let codeNode = try map.required("code")
        let code = try yaml.name(codeNode, key: "code", meaning: "an annotation code")
        // A reader must tell "count withheld, percentage shown" from every suppression code.
        if let labels = root["labels"], case .mapping = labels {
            let codes = try yaml.mapping(labels, key: "labels", context: "'labels'", allowed: ["mode", "codes"])
            if let codesNode = codes["codes"], case .mapping(let mapping) = codesNode {
                for (key, value) in mapping where value.scalar?.string == code {
                    throw .invalidValue(
                        yaml.location(codeNode), key: "code",
                        reason: "'\(code)' is already the labels.codes.\(key.scalar?.string ?? "") code; the "
                            + "percentages-only code must differ from every suppression code")
                }
            }
        }
        return ThreeCategoryRule(
            minTotal: minTotal, code: code,
            footnote: try yaml.name(map.required("footnote"), key: "footnote", meaning: "the footnote text"))
    }

    static func survey(_ root: StrictMapping, yaml: StrictYAML) throws(DescriptionError) -> SurveyRule {
        let map = try requiredSection("survey", ["min_sample_cases", "protect_unreliable"], in: root, yaml: yaml)
        let node = try map.required("min_sample_cases")
        let minimum = try yaml.int(node, key: "min_sample_cases")
        guard minimum >= 1 else {
            throw .invalidValue(yaml.location(node), key: "min_sample_cases", reason: "must be at least 1")
        }
        return SurveyRule(
            minSampleCases: minimum,
            protectUnreliable: try yaml.bool(map.required("protect_unreliable"), key: "protect_unreliable"))
    }

    /// A policy section whose keys are all required, like every other section.
    private static func requiredSection(_ key: String, _ keys: [String], in root: StrictMapping, yaml: StrictYAML)
        throws(DescriptionError) -> StrictMapping
    {
        try yaml.mapping(
            root.required(key), key: key, context: "'\(key)'", allowed: keys,
            required: Dictionary(uniqueKeysWithValues: keys.map { ($0, "\($0): …") }),
            keyLocation: root.keyLocation(key))
    }
}
