import Foundation
import Testing
@testable import DeidDescription

/// Mistakes in the new description keys, the policy's scoring section and reference data, each reported
/// with its line and what to do.
@Suite struct ScoringErrorTests {
    /// A description whose `table:` holds `keys` and dimensions `dims`.
    static func description(_ keys: String, dims: String = "    - column: Year\n      role: time\n") -> String {
        "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  count: Cases\n\(keys)  dimensions:\n\(dims)"
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let line: Int
        let phrase: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "unknown high-risk category", yaml: description("  high_risk: substance_use\n"), line: 6,
             phrase: "unknown high-risk category 'substance_use' (did you mean 'substance_use_disorder'?)"),
        Case(name: "none listed with categories", yaml: description("  high_risk: [none, child_welfare]\n"), line: 6,
             phrase: "'none' cannot be listed with categories"),
        Case(name: "personal characteristics not a boolean", yaml: description("  personal_characteristics: maybe\n"), line: 6,
             phrase: "'personal_characteristics' must be true or false"),
        Case(name: "geography without a population", yaml: description("  geography: {role: residence_geography}\n"), line: 6,
             phrase: "give `population:`"),
        Case(name: "geography with a non-geography role", yaml: description("  geography: {role: age, population: 5}\n"), line: 6,
             phrase: "'geography' needs residence_geography or service_geography"),
        Case(name: "unknown period", yaml: description("  period: fortnight\n", dims: "    - column: Sex\n      role: sex\n"), line: 6,
             phrase: "'fortnight' is not a period"),
        Case(name: "period key with a time dimension", yaml: description("  period: year\n"), line: 6,
             phrase: "'period' describes a table without a time dimension"),
        Case(name: "denominator column missing", yaml: description("  denominator_from: column\n"), line: 6,
             phrase: "needs the `denominator:` column"),
        Case(name: "margin of a dimension without total", yaml: description("  denominator_from: {margin: Year}\n"), line: 6,
             phrase: "dimension 'Year' has no total"),
        Case(name: "ages on a sex dimension", yaml: description("", dims: "    - column: Sex\n      role: sex\n      ages: {A: [1, 2]}\n"),
             line: 9, phrase: "'ages' applies to age dimensions only"),
        Case(name: "reversed age range", yaml: description("", dims: "    - column: Age\n      role: age\n      ages: {Old: [80, 65]}\n"),
             line: 9, phrase: "low ≤ high"),
        Case(name: "population of zero", yaml: description("", dims: "    - column: County\n      role: residence_geography\n      populations: {X: 0}\n"),
             line: 9, phrase: "a population must be at least 1"),
        Case(name: "misspelt dimension key", yaml: description("", dims: "    - column: Age\n      role: age\n      agess: {}\n"),
             line: 9, phrase: "unknown key 'agess' in a dimension (did you mean 'ages'?)"),
    ]) func descriptionKeys(_ c: Case) {
        let error = descriptionError { () throws(DescriptionError) in try TableDescription.parse(yaml: c.yaml, file: "t.deid.yaml") }
        #expect(error?.message.contains(c.phrase) == true, "\(String(describing: error))")
        #expect(error?.location?.line == c.line, "\(String(describing: error))")
    }

    /// The presets' scoring sections load with the documented values.
    @Test func presetsCarryTheScoringTables() throws {
        let v2 = try #require(try Policy.load(.preset("calhhs-ddg-2.0"), relativeTo: "t", presetsDirectory: Repo.presets).scoring)
        let v1 = try #require(try Policy.load(.preset("calhhs-ddg-1.0"), relativeTo: "t", presetsDirectory: Repo.presets).scoring)
        #expect(v2.threshold == 12 && v1.threshold == 12)
        #expect(v2.age.openEndedMaxAge == 99)
        #expect(v2.residenceGeography.bands.band(for: 4_000)?.points == 7 && v1.residenceGeography.bands.band(for: 4_000)?.points == 5)
        #expect(v2.interactions.withVariables.last?.points == 4 && v1.interactions.withVariables.last?.points == 3)
        #expect(v2.program?.interactionMaxEnrollment == 10_000_000 && v1.program == nil && v1.insurance == nil)
        #expect(v2.populationScale?.count == 5 && v1.populationScale == nil)
        #expect(v1.categories[.sexualOrientation] == .some(nil) && v2.categories[.sexualOrientation] != .some(nil))
        #expect(!v2.interactions.creditBelowNumeratorMinimum && !v2.maskAtAnyScore)
    }

    /// The 2.0 preset with the first line starting `old` replaced by `new`.
    @Test(arguments: [
        ("      - {max: 4000, points: 7", "      - {max: 3000, points: 7, category: \"x\"}", "no band covers 3001"),
        ("  threshold: 12", "  threshold: -1", "invalid 'threshold': must be at least 0"),
        ("  threshold: 12", "  thresold: 12", "unknown key 'thresold' in 'scoring' (did you mean 'threshold'?)"),
        ("    detailed: {method: fixed, points: 5, category: \"Transgender/Non-Binary split into specific identities\", review: false",
         "    detailed: {method: fixed, category: x, review: false, unknown_labels: accept}", "missing required key 'points'"),
        ("    versus_geography: size_rule", "    versus_geography: larger", "unknown rule 'larger'"),
        ("    credit_below_numerator_minimum: false", "    credit_below_numerator_minimum: no thanks", "must be true or false"),
    ] as [(String, String, String)])
    func scoringSectionErrors(old: String, new: String, phrase: String) throws {
        let (text, line) = try DescriptionPolicyLoadingTests.edited(old, new)
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: text, file: "p.yaml") }
        #expect(error?.message.contains(phrase) == true, "\(String(describing: error))")
        #expect(error?.location?.line != nil && (error?.location?.line ?? 0) <= line + 1, "\(String(describing: error))")
    }

    /// A reference file named on a dimension must exist; the message lists the shipped ones.
    @Test func unknownReferenceListsTheAvailableFiles() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  period: year\n  dimensions:\n    - column: County\n      role: residence_geography\n      reference: ca-zip-population\n",
            csv: "County,Cases\nAlpine,4\n")
        defer { c.remove() }
        let error = assessError { _ = try c.score() }
        #expect(error?.message.contains("reference data 'ca-zip-population' not found") == true)
        #expect(error?.message.contains("ca-county-population, ca-immigration-status") == true)
        #expect(error?.location?.line == 11)  // the `reference:` line
    }

    /// A description's own reference file is checked like the shipped ones.
    @Test(arguments: [
        ("label,population\nX,5\n", "the header must be label,aliases,category,population_min,population_max,source"),
        ("label,aliases,category,population_min,population_max,source\nX,,,many,,s\n", "'population_min' must be a whole number"),
        ("label,aliases,category,population_min,population_max,source\nX,,,9,5,s\n", "population_min is above population_max"),
        ("label,aliases,category,population_min,population_max,source\nX,Y,,5,5,s\nZ,y,,6,6,s\n", "'y' names two rows"),
    ] as [(String, String)])
    func malformedReferenceFiles(csv: String, phrase: String) throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  period: year\n  dimensions:\n    - column: County\n      role: residence_geography\n      reference: ./mine.csv\n",
            csv: "County,Cases\nX,4\n")
        defer { c.remove() }
        try c.folder.write("mine.csv", csv)
        let error = assessError { _ = try c.score() }
        #expect(error?.message.contains(phrase) == true, "\(String(describing: error))")
    }

    /// Labels the scoring cannot place are errors that say what to declare.
    @Test(arguments: [
        ("age", "All ages", "give its range under `ages:`"),
        ("time", "Q1 2021", "add the period to the dimension, e.g. `period: quarter`"),
        ("residence_geography", "95014", "no population is known for it"),
        ("race", "Whte", "neither a category of the race criterion nor a group known"),
        ("language", "Klingon", "(Q16)"),
        ("sex", "Robot", "neither a category of the sex criterion"),
        ("intersex", "Maybe", "it is not a category of the intersex criterion"),
    ] as [(String, String, String)])
    func unscorableLabels(role: String, label: String, phrase: String) throws {
        let geography = role == "residence_geography" ? "" : "  geography: {role: residence_geography, label: California}\n"
        let period = role == "time" ? "" : "  period: year\n"
        let c = try InlineCase(
            table: "  high_risk: none\n\(geography)\(period)  dimensions:\n    - column: D\n      role: \(role)\n",
            csv: "D,Cases\n\(label),40\n")
        defer { c.remove() }
        let error = assessError { _ = try c.score() }
        #expect(error?.message.contains("cannot score '\(label)' in dimension 'D'") == true, "\(String(describing: error))")
        #expect(error?.message.contains(phrase) == true, "\(String(describing: error))")
    }
}
