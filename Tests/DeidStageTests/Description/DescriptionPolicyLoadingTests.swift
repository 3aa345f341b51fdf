import Foundation
import Testing
@testable import DeidSupport
@testable import DeidDescription

@Suite struct DescriptionPolicyLoadingTests {
    func preset(_ name: String) throws -> Policy {
        try Policy.load(.preset(name), relativeTo: "table.deid.yaml", presetsDirectory: Repo.presets)
    }

    @Test func edition2PresetCarriesTheDocumentedValues() throws {
        let p = try preset("calhhs-ddg-2.0")
        #expect(p.name == "calhhs-ddg-2.0")
        #expect(p.edition == "2.0")
        #expect(p.title.contains("Edition 2.0"))
        #expect(p.file == Repo.presets + "/calhhs-ddg-2.0.yaml")
        #expect(p.numerator == NumeratorRule(minimum: 11, hideZero: false))
        #expect(p.denominator == DenominatorRule(minimum: 20_000, failAtMinimum: true))
        #expect(p.derived == DerivedRule(hideWithCount: true))
        #expect(p.complementary == ComplementaryRule(rule6: Rule6(allAtMost: 3, sumBelow: 11), allowTotals: true, totalCostFactor: 1.5))
        #expect(p.audit == AuditRule(minIntervalWidth: 11))
        #expect(p.labels == LabelRule(mode: .auto, primaryCode: "1", complementaryCode: "2", genericCode: "1|2", unreliableCode: "4"))
        // The thresholds behave as the DDG reads: 1–10 small, 0 shown, exactly 20,000 fails (Q1).
        #expect(p.numerator.isSmall(10) && !p.numerator.isSmall(11) && !p.numerator.isSmall(0))
        #expect(p.denominator.isSmall(20_000) && !p.denominator.isSmall(20_001))
    }

    @Test func version1PresetHasNoRule6AndOtherwiseTheSameThresholds() throws {
        let v1 = try preset("calhhs-ddg-1.0")
        let v2 = try preset("calhhs-ddg-2.0")
        #expect(v1.name == "calhhs-ddg-1.0")
        #expect(v1.edition == "1.0")
        #expect(v1.complementary.rule6 == nil)
        #expect(v1.numerator == v2.numerator)
        #expect(v1.denominator == v2.denominator)
        #expect(v1.derived == v2.derived)
        #expect(v1.audit == v2.audit)
        #expect(v1.labels == v2.labels)
        #expect(v1.complementary.allowTotals == v2.complementary.allowTotals)
        #expect(v1.complementary.totalCostFactor == v2.complementary.totalCostFactor)
    }

    @Test func presetsAreListedFromTheFolder() {
        #expect(Policy.presets(in: Repo.presets) == ["calhhs-ddg-1.0", "calhhs-ddg-2.0"])
    }

    @Test func aPolicyPathIsResolvedFromTheDescriptionsFolder() throws {
        let description = try TableDescription.load(path: Repo.fixtures + "/descriptions-valid/local-policy.deid.yaml")
        #expect(description.policy == .path("policies/strict.yaml"))
        let p = try Policy.load(for: description, presetsDirectory: "/nonexistent")
        #expect(p.name == "strict-local")
        #expect(p.numerator.minimum == 20)
        #expect(p.labels.mode == .generic)
        #expect(p.file == Repo.fixtures + "/descriptions-valid/policies/strict.yaml")
    }

    @Test func unknownPresetListsTheAvailableOnes() {
        let error = descriptionError { () throws(DescriptionError) in
            try Policy.load(.preset("calhhs-ddg-2"), relativeTo: "t.yaml", presetsDirectory: Repo.presets,
                            referencedAt: SourceLocation(file: "t.yaml", line: 2, column: 9))
        }
        #expect(error?.location?.line == 2)
        #expect(error?.message.contains("unknown policy preset 'calhhs-ddg-2' (did you mean 'calhhs-ddg-2.0'?)") == true)
        #expect(error?.message.contains("available presets in \(Repo.presets): calhhs-ddg-1.0, calhhs-ddg-2.0") == true)
    }

    @Test func aPresetMustBeNamedLikeItsFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = try String(contentsOfFile: Repo.presets + "/calhhs-ddg-2.0.yaml", encoding: .utf8)
        try folder.write("renamed.yaml", text)
        let error = descriptionError { () throws(DescriptionError) in
            try Policy.load(.preset("renamed"), relativeTo: "t.yaml", presetsDirectory: folder.path)
        }
        #expect(error?.message.contains("a preset's name must match its file name") == true)
    }

    // MARK: policy file errors

    /// The 2.0 preset with `old` replaced by `new`.
    static func edited(_ old: String, _ new: String) throws -> (text: String, line: Int) {
        let text = try String(contentsOfFile: Repo.presets + "/calhhs-ddg-2.0.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix(old) }, "preset has no line starting \(old)")
        var edited = lines.map(String.init)
        edited[index] = new
        return (edited.joined(separator: "\n"), index + 1)
    }

    @Test(arguments: [
        ("  minimum: 11", "  minimun: 11", "unknown key 'minimun' in 'numerator' (did you mean 'minimum'?)"),
        ("  minimum: 11", "  minimum: 0", "invalid 'minimum': must be at least 2"),
        ("  minimum: 11", "  minimum: 1", "invalid 'minimum': must be at least 2"),
        ("  hide_zero: false", "  hide_zero: true", "invalid 'hide_zero': must be false"),
        ("  minimum: 11", "  minimum: eleven", "'minimum' must be a whole number, not 'eleven'"),
        ("  minimum: 11", "  minimum: 11.5", "'minimum' must be a whole number, not the number 11.5"),
        ("  hide_zero: false", "  hide_zero: no", ""),  // YAML 1.1 boolean: accepted
        ("  hide_zero: false", "  hide_zero: \"false\"", "'hide_zero' must be true or false, not 'false'"),
        ("  boundary: fail_at_minimum", "  boundary: fail_at_min", "unknown boundary 'fail_at_min' (did you mean 'fail_at_minimum'?)"),
        ("  total_cost_factor: 1.5", "  total_cost_factor: 0", "invalid 'total_cost_factor': must be greater than 0"),
        ("  total_cost_factor: 1.5", "  total_cost_factor: 2", ""),
        ("  mode: auto", "  mode: mixed", "unknown label mode 'mixed'; allowed: auto, distinct, generic"),
        ("    generic: \"1|2\"", "    generic: \"1\"", "code '1' is already the 'primary' code"),
        ("    unreliable: \"4\"", "    unreliable: 4", ""),  // codes are read as text
        ("scorng", "scorng: {}", "unknown key 'scorng' in the policy (did you mean 'scoring'?)"),
        ("version: 1", "version: 3", "unsupported version '3'"),
    ] as [(String, String, String)])
    func policyErrorsPointAtTheLine(old: String, new: String, phrase: String) throws {
        // A misspelt optional section is inserted before `labels:` and reported on its own line.
        let old = old == "scorng" ? "labels:" : old
        let new = old == "labels:" ? "scorng: {}\nlabels:" : new
        let (text, line) = try Self.edited(old, new)
        if phrase.isEmpty {
            _ = try Policy.parse(yaml: text, file: "p.yaml")
            return
        }
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: text, file: "p.yaml") }
        #expect(error?.message.contains(phrase) == true, "\(String(describing: error))")
        #expect(error?.location?.line == line, "\(String(describing: error))")
    }

    @Test func missingSectionAndMissingKeyAreNamed() throws {
        let noSections = descriptionError { () throws(DescriptionError) in
            try Policy.parse(yaml: "version: 1\nname: x\ntitle: x\nedition: x\n", file: "p.yaml")
        }
        #expect(noSections?.message.contains("missing required key 'numerator' in the policy") == true)
        let (text, _) = try Self.edited("  hide_zero: false", "")
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: text, file: "p.yaml") }
        #expect(error?.message.contains("missing required key 'hide_zero' in 'numerator'") == true)
        let numeratorLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "numerator:" }
        #expect(error?.location?.line == numeratorLine.map { $0 + 1 })  // reported at the section's key
    }

    @Test func rule6CanBeNullOrMustBeComplete() throws {
        let (text, _) = try Self.edited("  rule6:", "  rule6: null")
        let withoutRule6 = text.replacingOccurrences(of: "    all_at_most: 3\n    sum_below: 11\n", with: "")
        #expect(try Policy.parse(yaml: withoutRule6, file: "p.yaml").complementary.rule6 == nil)
        let half = text.replacingOccurrences(of: "  rule6: null", with: "  rule6:\n    all_at_most: 3")
            .replacingOccurrences(of: "    all_at_most: 3\n    sum_below: 11\n", with: "")
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: half, file: "p.yaml") }
        #expect(error?.message.contains("missing required key 'sum_below' in 'rule6'") == true)
    }
}

/// `footnotes:` (ddg-rules §7): every key required, placeholders filled from the policy, unknown ones refused.
@Suite struct PolicyFootnoteTests {
    static func preset() throws -> String {
        try String(contentsOfFile: Repo.presets + "/calhhs-ddg-2.0.yaml", encoding: .utf8)
    }

    @Test func placeholdersAreFilledFromThePolicy() throws {
        let text = try Self.preset().replacingOccurrences(of: "  minimum: 11\n", with: "  minimum: 5\n")
            .replacingOccurrences(of: "    generic: \"1|2\"", with: "    generic: \"S\"")
        let footnotes = try Policy.parse(yaml: text, file: "p.yaml").footnotes
        #expect(footnotes.generic.hasPrefix("Annotation S: "))
        #expect(footnotes.generic.contains("fewer than 5 individuals"))
        #expect(footnotes.unreliable.contains("fewer than 30 sample cases"))
        #expect(!footnotes.withoutMasking.contains("{"))
    }

    @Test func anUnknownPlaceholderIsAnErrorAtItsLine() throws {
        let text = try Self.preset().replacingOccurrences(
            of: "  without_masking: \"These data", with: "  without_masking: \"{code} These data")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("  without_masking:") }.map { $0 + 1 }
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: text, file: "p.yaml") }
        #expect(error?.message.contains("unknown placeholder '{code}'") == true, "\(String(describing: error))")
        #expect(error?.message.contains("{min_sample_cases}, {numerator_minimum}") == true)
        #expect(error?.location?.line == line)
    }

    @Test func aMissingFootnoteIsNamed() throws {
        let text = try Self.preset().split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("  complementary: \"Annotation") }.joined(separator: "\n")
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: text, file: "p.yaml") }
        #expect(error?.message.contains("missing required key 'complementary' in 'footnotes'") == true)
    }
}
