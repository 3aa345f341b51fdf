import Foundation
import Testing
@testable import DeidModel

/// `aliases:` one category spelled two ways in one column is read as one label; without the declaration the
/// message points at the two spellings.
@Suite struct LabelAliasTests {
    static let csv = """
        Year,Race,Cases
        2021,All,60
        2021,White,40
        2021,Missing,20
        2022,All,70
        2022,White,45
        2022,missing,25

        """

    static func yaml(_ aliases: String = "") -> String {
        """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: Year
              role: time
            - column: Race
              role: race_ethnicity
              total: All
        \(aliases)  count: Cases

        """
    }

    @Test func twoSpellingsThatDifferInCaseAreNamedInTheMessage() throws {
        #expect { try FixtureRun.table(Self.csv, Self.yaml()) } throws: { error in
            guard let error = error as? ModelError, case .missingChild(_, _, _, let variant) = error else { return false }
            return variant != nil && error.message.contains("aliases:")
        }
    }

    @Test func anAliasIsReadAsItsLabel() throws {
        let table = try FixtureRun.table(Self.csv, Self.yaml("      aliases: {missing: Missing}\n"))
        let race = try #require(table.dimensions.first { $0.column == "Race" })
        #expect(Set(race.labels) == ["All", "White", "Missing"])
        #expect(table.relations.count == 2)
    }
}
