import Testing

@testable import DeidAssess

/// "Why the release does not meet Safe Harbor" (ddg-rules §8, §9): what the dimensions show.
@Suite struct SafeHarborScreenTests {
    static func reasons(csv: String, dimensions: String) throws -> [String] {
        let description = """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
            \(dimensions)
              count: Cases

            """
        let c = try FixtureRun(csv: csv, description: description)
        defer { c.remove() }
        let (table, parsed, _) = try c.load()
        return SafeHarborScreen.reasons(table: table, description: parsed)
    }

    @Test func countiesAndMonthsAreNamed() throws {
        let reasons = try Self.reasons(
            csv: "Month,County,Cases\n2024-01,Alpine,3\n2024-01,Modoc,14\n2024-02,Alpine,0\n2024-02,Modoc,12\n",
            dimensions: """
                    - column: Month
                      role: time
                      period: month
                    - column: County
                      role: residence_geography
                """)
        #expect(reasons.count == 2, "\(reasons)")
        #expect(reasons.contains { $0.hasPrefix("'Month' shows periods of one month") && $0.contains("(C)") })
        #expect(reasons.contains { $0.hasPrefix("'County' shows 2 geographic units") && $0.contains("(B)") })
    }

    @Test(arguments: [("85-94", true), ("95+", true), ("90+", false), ("65 and over", false)])
    func agesOver89AreNamedUnlessGroupedAs90OrOlder(_ top: String, _ flagged: Bool) throws {
        let reasons = try Self.reasons(
            csv: "Age,Cases\n0-64,120\n65-84,80\n\(top),12\n",
            dimensions: """
                    - column: Age
                      role: age
                """)
        #expect(reasons.contains { $0.contains("ages over 89") && $0.contains(top) } == flagged, "\(reasons)")
    }

    @Test func statewideAnnualTablesGiveNoReason() throws {
        let reasons = try Self.reasons(
            csv: "Year,Sex,Cases\n2021,Female,4\n2021,Male,9\n",
            dimensions: """
                    - column: Year
                      role: time
                    - column: Sex
                      role: sex
                """)
        #expect(reasons.isEmpty, "\(reasons)")
    }
}
