import Testing
@testable import DeidSupport
@testable import DeidDescription

@Suite struct DescriptionLoadingTests {
    let example = Repo.fixtures + "/descriptions-valid/full-example.deid.yaml"

    @Test func fullExampleParsesToTheDeclaredStructures() throws {
        let d = try TableDescription.load(path: example)
        #expect(d.version == 1)
        #expect(d.policy == .preset("calhhs-ddg-2.0"))
        #expect(d.policyLocation?.line == 3)
        #expect(d.input == .aggregate)
        #expect(d.dimensions.map(\.column) == ["County", "Sex", "Year"])
        #expect(d.dimensions.map(\.role) == [.residenceGeography, .sex, .time])
        #expect(d.dimensions.map { $0.location.line } == [7, 13, 16])
        #expect(d.count == "Cases")
        #expect(d.denominator == "Population")
        #expect(d.derived == ["Rate"])
        #expect(d.annotation == "Annotation")
        #expect(d.file == example)

        guard case .hierarchy(let tree) = d.dimensions[0].structure else {
            Issue.record("County should have a hierarchy")
            return
        }
        #expect(tree.entries.map(\.parent) == ["California", "Bay Area", "Rest of State"])
        #expect(tree.entries.map(\.children) == [["Bay Area", "Rest of State"], ["Alameda", "Marin"], ["Alpine", "Fresno"]])
        #expect(tree.entries.map { $0.location.line } == [10, 11, 12])
        #expect(tree.entries.allSatisfy { $0.location.file == example })
        #expect(tree.root == "California")
        #expect(d.dimensions[1].structure == .total("Total"))
        #expect(d.dimensions[2].structure == DimensionStructure.none)
    }

    @Test func labelsAndColumnNamesKeepTheirTextWhateverYAMLThinksTheyAre() throws {
        let d = try TableDescription.parse(
            yaml: """
                version: 1
                policy: calhhs-ddg-1.0
                table:
                  input: aggregate
                  dimensions:
                    - column: 2020
                      role: other
                      hierarchy:
                        2020: [No, yes, 1.50, "0x1F", 010]
                    - column: Flag
                      role: other
                      total: true
                  count: 12
                """, file: "strings.yaml")
        #expect(d.dimensions[0].column == "2020")
        #expect(d.dimensions[0].structure == .hierarchy(Hierarchy(entries: [
            .init(parent: "2020", children: ["No", "yes", "1.50", "0x1F", "010"], location: SourceLocation(file: "strings.yaml", line: 9, column: 9))
        ])))
        #expect(d.dimensions[1].structure == .total("true"))
        #expect(d.count == "12")
    }

    @Test func recordsInputWithAnOptionalCountColumn() throws {
        let d = try TableDescription.load(path: Repo.fixtures + "/descriptions-valid/records.deid.yaml")
        #expect(d.input == .records)
        #expect(d.count == "People")
        #expect(d.countColumn == "People")
        #expect(d.denominator == nil && d.derived.isEmpty)
        let minimal = try TableDescription.parse(
            yaml: "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: records\n  dimensions:\n    - column: Year\n      role: time\n",
            file: "r.yaml")
        #expect(minimal.count == nil)
        #expect(minimal.countColumn == "Count")
    }

    @Test(arguments: [
        ("calhhs-ddg-2.0", PolicyReference.preset("calhhs-ddg-2.0")),
        ("my-policy", .preset("my-policy")),
        ("policies/strict.yaml", .path("policies/strict.yaml")),
        ("strict.yaml", .path("strict.yaml")),
        ("strict.yml", .path("strict.yml")),
        ("/etc/deid/strict", .path("/etc/deid/strict")),
        ("../shared/policy", .path("../shared/policy")),
    ])
    func policyIsAPresetUnlessItLooksLikeAPath(written: String, expected: PolicyReference) {
        #expect(TableDescription.policyReference(written) == expected)
    }

    @Test func hierarchyEntryOrderIsFileOrderNotTreeOrder() throws {
        let d = try TableDescription.parse(
            yaml: """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: aggregate
                  dimensions:
                    - column: Age
                      role: age
                      hierarchy:
                        0-17: [0-4, 5-17]
                        All ages: [0-17, 18+]
                  count: N
                """, file: "h.yaml")
        guard case .hierarchy(let tree) = d.dimensions[0].structure else {
            Issue.record("expected a hierarchy")
            return
        }
        #expect(tree.entries.map(\.parent) == ["0-17", "All ages"])
        #expect(tree.root == "All ages")
    }

    @Test func aFileThatCannotBeReadNamesItsPath() {
        let error = descriptionError { () throws(DescriptionError) in try TableDescription.load(path: "/nonexistent/t.deid.yaml") }
        #expect(error == .unreadableFile(path: "/nonexistent/t.deid.yaml", reason: "no such file"))
        #expect(error?.description == "/nonexistent/t.deid.yaml: error: cannot read the file: no such file")
    }
}
