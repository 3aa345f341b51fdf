import Yams

/// The footnotes published with a release (ddg-rules §7): one for each annotation code the release uses,
/// and one for a table the DDG lets out without masking. The wording is the edition's (v1.0: "Values are not
/// shown to protect confidentiality…"; Ed. 2.0: a footnote per symbol citing Ed. 2.0), so it is policy data.
///
/// Texts may name `{code}` (the annotation code the footnote explains), `{numerator_minimum}` and
/// `{min_sample_cases}`; they are filled in when the policy is loaded, so a department that changes a threshold
/// or a code cannot leave a footnote that contradicts it.
public struct FootnoteRule: Sendable, Hashable {
    /// Every hidden cell carries `labels.codes.generic` (label mode generic).
    public var generic: String
    /// Cells with `labels.codes.primary` (distinct labels).
    public var primary: String
    /// Cells with `labels.codes.complementary` (distinct labels).
    public var complementary: String
    /// Survey estimates hidden as unreliable (`labels.codes.unreliable`).
    public var unreliable: String
    /// DDG Steps 1–3 let the table out without masking (Step 1 no, Step 2 passes, or score at most the threshold).
    public var withoutMasking: String

    public init(generic: String, primary: String, complementary: String, unreliable: String, withoutMasking: String) {
        self.generic = generic
        self.primary = primary
        self.complementary = complementary
        self.unreliable = unreliable
        self.withoutMasking = withoutMasking
    }
}

extension Policy {
    static let footnoteKeys = ["generic", "primary", "complementary", "unreliable", "without_masking"]

    static func footnotes(
        _ root: StrictMapping, yaml: StrictYAML, labels: LabelRule, numerator: NumeratorRule, survey: SurveyRule
    ) throws(DescriptionError) -> FootnoteRule {
        let map = try yaml.mapping(
            root.required("footnotes"), key: "footnotes", context: "'footnotes'", allowed: footnoteKeys,
            required: Dictionary(uniqueKeysWithValues: footnoteKeys.map { ($0, "\($0): \"…\"") }),
            keyLocation: root.keyLocation("footnotes"))
        let shared = ["numerator_minimum": String(numerator.minimum), "min_sample_cases": String(survey.minSampleCases)]
        func text(_ key: String, code: String?) throws(DescriptionError) -> String {
            let node = try map.required(key)
            var values = shared
            if let code { values["code"] = code }
            let written = try yaml.name(node, key: key, meaning: "the footnote text")
            switch FootnoteTemplate.fill(written, with: values) {
            case .success(let filled): return filled
            case .failure(let unknown):
                throw .invalidValue(
                    yaml.location(node), key: key,
                    reason: "unknown placeholder '{\(unknown.name)}'; this footnote may use "
                        + values.keys.sorted().map { "{\($0)}" }.joined(separator: ", "))
            }
        }
        return FootnoteRule(
            generic: try text("generic", code: labels.genericCode),
            primary: try text("primary", code: labels.primaryCode),
            complementary: try text("complementary", code: labels.complementaryCode),
            unreliable: try text("unreliable", code: labels.unreliableCode),
            withoutMasking: try text("without_masking", code: nil))
    }
}

/// `{name}` placeholders in footnote text.
enum FootnoteTemplate {
    struct UnknownPlaceholder: Error { var name: String }

    /// The text with every `{name}` replaced; a brace that opens no known name is an error, so a typo such as
    /// `{numerator_minimun}` is never published.
    static func fill(_ text: String, with values: [String: String]) -> Result<String, UnknownPlaceholder> {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                return .failure(UnknownPlaceholder(name: String(rest[rest.index(after: open)...])))
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else { return .failure(UnknownPlaceholder(name: name)) }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return .success(result + rest)
    }
}
