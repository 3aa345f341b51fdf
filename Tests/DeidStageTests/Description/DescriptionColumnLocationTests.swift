import Testing
@testable import DeidDescription
@testable import DeidModel

/// A column the description names but the table lacks is reported at the line that names it.
@Suite struct DescriptionColumnLocationTests {
    @Test func everyNamedColumnKeepsItsLine() throws {
        let description = try TableDescription.load(path: Repo.fixtures + "/descriptions-valid/full-example.deid.yaml")
        let lines = description.columnLocations.mapValues { $0.line }
        // full-example.deid.yaml: count on line 18, denominator 19, derived 20, annotation 21.
        #expect(lines == ["Cases": 18, "Population": 19, "Rate": 20, "Annotation": 21])
    }

    @Test func aMissingCountColumnPointsAtCount() throws {
        let description = try TableDescription.parse(yaml: """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: Sex
                  role: sex
              count: Cases
            """, file: "t.deid.yaml")
        #expect(throws: ModelError.self) {
            _ = try ColumnMap.resolve(header: ["Sex", "Count"], description: description, purpose: .check, file: "t.csv")
        }
        do {
            _ = try ColumnMap.resolve(header: ["Sex", "Count"], description: description, purpose: .check, file: "t.csv")
        } catch {
            #expect(error.location?.line == 8)
            #expect(error.description.hasPrefix("t.deid.yaml:8:"))
        }
    }
}
