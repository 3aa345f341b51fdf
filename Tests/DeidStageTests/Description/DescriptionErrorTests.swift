import Testing
@testable import DeidDescription

/// Bad descriptions written inline, beyond the on-disk fixtures: each asserts the reported line and a phrase.
@Suite struct DescriptionErrorTests {
    /// A valid description with `{dims}` and `{rest}` to fill in; line 5 is `dimensions:`.
    static func description(dims: String = "    - column: Year\n      role: time\n", rest: String = "  count: Cases\n") -> String {
        "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n" + dims + rest
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let line: Int?
        let phrases: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "misspelt key in a dimension", yaml: description(dims: "    - column: Year\n      roel: time\n"),
             line: 7, phrases: ["unknown key 'roel' in a dimension (did you mean 'role'?)"]),
        Case(name: "misspelt top-level key lists nothing when far from all", yaml: "version: 1\npolicy: x\ntable: {}\nzzzzzzzz: 1\n",
             line: 4, phrases: ["unknown key 'zzzzzzzz' in the table description; allowed keys: version, policy, table"]),
        Case(name: "unknown role lists every role", yaml: description(dims: "    - column: Year\n      role: year\n"),
             line: 7, phrases: ["unknown role 'year'", "residence_geography, service_geography, time, age, sex, race, ethnicity, race_ethnicity, language, "
                     + "sexual_orientation, gender_identity, intersex, immigration_status, insurance, program, other"]),
        Case(name: "misspelt role is suggested", yaml: description(dims: "    - column: Year\n      role: tme\n"),
             line: 7, phrases: ["unknown role 'tme' (did you mean 'time'?)"]),
        Case(name: "missing role", yaml: description(dims: "    - column: Year\n"),
             line: 6, phrases: ["missing required key 'role' in a dimension", "role: residence_geography"]),
        Case(name: "missing table", yaml: "version: 1\npolicy: calhhs-ddg-2.0\n",
             line: 1, phrases: ["missing required key 'table'"]),
        Case(name: "missing policy", yaml: "version: 1\ntable:\n  input: aggregate\n",
             line: 1, phrases: ["missing required key 'policy'", "policy: calhhs-ddg-2.0"]),
        Case(name: "missing version", yaml: "policy: calhhs-ddg-2.0\ntable: {}\n",
             line: 1, phrases: ["missing required key 'version'"]),
        Case(name: "version 1.0 is not version 1", yaml: "version: 1.0\npolicy: x\ntable: {}\n",
             line: 1, phrases: ["unsupported version '1.0'", "write `version: 1`"]),
        Case(name: "version checked before keys", yaml: "version: 2\npolicy: x\nnew_section: {}\n",
             line: 1, phrases: ["unsupported version '2'"]),
        Case(name: "total must be a label", yaml: description(dims: "    - column: Sex\n      role: sex\n      total: [Total]\n"),
             line: 8, phrases: ["'total' must be a string (the label of the total row), not a list"]),
        Case(name: "null column name", yaml: description(dims: "    - column:\n      role: sex\n"),
             line: 6, phrases: ["'column' must be a string (a column name), not empty (null)", ]),
        Case(name: "blank column name", yaml: description(dims: "    - column: \"  \"\n      role: sex\n"),
             line: 6, phrases: ["a column name may not be empty or blank"]),
        Case(name: "dimensions must be a list", yaml: description(dims: "    column: Year\n"),
             line: 6, phrases: ["'dimensions' must be a list of dimensions"]),
        Case(name: "empty dimensions", yaml: "version: 1\npolicy: x\ntable:\n  input: aggregate\n  dimensions: []\n  count: C\n",
             line: 5, phrases: ["'dimensions' is empty"]),
        Case(name: "dimension must be a mapping", yaml: description(dims: "    - Year\n"),
             line: 6, phrases: ["'dimensions' must be a mapping of keys to values, not 'Year'"]),
        Case(name: "hierarchy must be a mapping", yaml: description(dims: "    - column: Age\n      role: age\n      hierarchy: [A, B]\n"),
             line: 8, phrases: ["'hierarchy' must be a mapping of parent labels to lists of children"]),
        Case(name: "children must be a list", yaml: description(dims: "    - column: Age\n      role: age\n      hierarchy:\n        All: A\n"),
             line: 9, phrases: ["'All' must be a list of child labels"]),
        Case(name: "the same parent twice, once quoted", yaml: description(dims: "    - column: Y\n      role: time\n      hierarchy:\n        2020: [a]\n        \"2020\": [b]\n"),
             line: 10, phrases: ["duplicate key '2020'"]),
        Case(name: "cycle with no root", yaml: description(dims: "    - column: Y\n      role: other\n      hierarchy:\n        A: [B]\n        B: [A]\n"),
             line: 9, phrases: ["it has a cycle, 'A' → 'B' → 'A'"]),
        // L0 → L1 → … → L102: L101, a parent on line 110, lies 101 levels below the root L0 (line 9).
        Case(name: "hierarchy deeper than 100 levels",
             yaml: description(dims: "    - column: Y\n      role: other\n      hierarchy:\n"
                 + (0...101).map { "        L\($0): [L\($0 + 1)]\n" }.joined()),
             line: 110, phrases: ["it lies 101 levels below the root; a hierarchy may have at most 100"]),
        Case(name: "more than 100 dimensions",
             yaml: description(dims: (0...100).map { "    - column: D\($0)\n      role: other\n" }.joined()),
             line: 5, phrases: ["'dimensions' lists 101 columns; deid handles at most 100"]),
        Case(name: "derived must be a list", yaml: description(rest: "  count: Cases\n  derived: Rate\n"),
             line: 9, phrases: ["'derived' must be a list of column names, e.g. [A, B]"]),
        Case(name: "annotation clashes with a dimension", yaml: description(rest: "  count: Cases\n  annotation: Year\n"),
             line: 9, phrases: ["column 'Year' is used both as a dimension (line 6) and as the annotation"]),
        Case(name: "derived clashes with the count", yaml: description(rest: "  count: Cases\n  derived: [Rate, Cases]\n"),
             line: 9, phrases: ["column 'Cases' is used both as the count (line 8) and as a derived column"]),
        Case(name: "tab indentation", yaml: "version: 1\npolicy: x\ntable:\n\tinput: aggregate\n",
             line: 4, phrases: ["YAML syntax error", "indent with spaces"]),
        Case(name: "empty file", yaml: "", line: nil, phrases: ["the file is empty"]),
        Case(name: "not a mapping", yaml: "just text\n", line: 1, phrases: ["this is not a table description: a table description is a YAML mapping of keys to values, and this file holds a text"]),
    ]

    @Test(arguments: cases)
    func reportsLineAndPhrase(_ c: Case) {
        let error = descriptionError { () throws(DescriptionError) in try TableDescription.parse(yaml: c.yaml, file: "t.deid.yaml") }
        guard let error else { return }
        #expect(error.location?.line == c.line, "\(error.description)")
        #expect(error.location?.file == "t.deid.yaml")
        for phrase in c.phrases { #expect(error.message.contains(phrase), "\(error.description)") }
        #expect(error.description.hasPrefix("t.deid.yaml"))
    }

    @Test func quotedVersionIsAccepted() throws {
        let d = try TableDescription.parse(yaml: Self.description().replacingOccurrences(of: "version: 1", with: "version: \"1\""), file: "t")
        #expect(d.version == 1)
    }

    @Test func exampleMessageFormat() {
        let error = descriptionError { () throws(DescriptionError) in
            try TableDescription.parse(yaml: "version: 1\npolicy: x\ntable:\n  input: aggregate\n  dimensons: []\n", file: "table.deid.yaml")
        }
        #expect(error?.description == "table.deid.yaml:5:3: error: unknown key 'dimensons' in 'table' (did you mean 'dimensions'?)")
    }
}
