import Foundation
import Testing
@testable import DeidModel
@testable import DeidDescription

/// Stacked strata (`strata:`): a file whose rows are several breakdowns of the same people read as one table,
/// each stratum type a complete table over its rows and those of the strata it contains.
@Suite struct StratumTests {
    static func yaml(_ extra: String = "") -> String {
        """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          count: Deaths
          strata:
            type: Strata
            value: Strata_Name
            whole_population: All
          dimensions:
            - column: Year
              role: time
            - column: Sex
              role: sex
              stratum: Sex
            - column: Age
              role: age
              stratum: Age
            - column: Race
              role: race_ethnicity
              stratum: Race
        \(extra)
        """
    }

    static let csv = """
        Year,Strata,Strata_Name,Deaths
        2022,All,All,100
        2022,Sex,Female,45
        2022,Sex,Male,55
        2022,Age,Young,30
        2022,Age,Old,70
        2022,Race,Asian,40
        2022,Race,White,60
        2022,Sex * Race,Female * Asian,15
        2022,Sex * Race,Female * White,30
        2022,Sex * Race,Male * Asian,25
        2022,Sex * Race,Male * White,30

        """

    /// The relations, each as the total's row and the parts' rows (0-based), sorted.
    static func relations(_ table: Table) -> Set<[Int]> {
        Set(table.relations.map { [$0.total] + $0.parts.map(Int.init).sorted() })
    }

    @Test func eachStratumIsATableAndTheWholePopulationTotalsEveryOne() throws {
        let table = try FixtureRun.table(Self.csv, Self.yaml())
        #expect(table.cellCount == 11)
        #expect(Self.relations(table) == [
            [0, 1, 2], [0, 3, 4], [0, 5, 6],  // All = Female + Male = Young + Old = Asian + White
            [1, 7, 8], [2, 9, 10],  // Female = Female * Asian + Female * White; Male likewise
            [5, 7, 9], [6, 8, 10],  // Asian = Female * Asian + Male * Asian; White likewise
        ])
        let age = try #require(table.dimensions.first { $0.column == "Age" })
        #expect(age.labels.contains("All"))
    }

    @Test func aBreakdownThatDoesNotAddUpIsAnError() throws {
        let csv = Self.csv.replacingOccurrences(of: "2022,Age,Old,70", with: "2022,Age,Old,71")
        #expect { try FixtureRun.table(csv, Self.yaml()) } throws: { error in
            guard case .totalMismatch(_, let dimension, let at) = error as? ModelError else { return false }
            return dimension == "Age" && at.line == 2
        }
    }

    @Test func aCrossedStratumNeedsTheRowsOfItsParts() throws {
        let csv = Self.csv.replacingOccurrences(of: "2022,Race,Asian,40\n", with: "")
        #expect { try FixtureRun.table(csv, Self.yaml()) } throws: { error in
            guard case .missingChild(_, let child, _, _) = error as? ModelError else { return false }
            return child.contains { $0.dimension == "Race" && $0.value == "Asian" }
        }
    }

    @Test func aCategoryLeftOutIsCountedInTheRemainder() throws {
        let csv = Self.csv.replacingOccurrences(of: "2022,All,All,100", with: "2022,All,All,103")
        let yaml = Self.yaml().replacingOccurrences(
            of: "      stratum: Age\n", with: "      stratum: Age\n      remainder: Unknown age\n")
        let table = try FixtureRun.table(
            csv.replacingOccurrences(of: "2022,Sex,Female,45", with: "2022,Sex,Female,48")
                .replacingOccurrences(of: "2022,Sex * Race,Female * Asian,15", with: "2022,Sex * Race,Female * Asian,18")
                .replacingOccurrences(of: "2022,Race,Asian,40", with: "2022,Race,Asian,43"),
            yaml)
        // One remainder, beside the one row at the Age total that the Age stratum breaks down.
        #expect(table.cellCount == 12)
        #expect(table.counts[11] == 3)
        #expect(table.coordinates(of: 11).contains { $0.dimension == "Age" && $0.value == "Unknown age" })
        #expect(Self.relations(table).contains([0, 3, 4, 11]))
    }

    @Test(arguments: [
        ([0b011, 0b110], true),  // Sex × Age and Age × Race chain through Age
        ([0b001, 0b010, 0b100], true),  // three single breakdowns
        ([0b111], true),
        ([0b011, 0b110, 0b101], false),  // the triangle: each pair crossed, never all three
        ([0b011, 0b110, 0b101, 0b111], true),  // with the full cross the triangle is inside it
    ] as [([UInt64], Bool)])
    func strataChainOrCycle(_ strata: [UInt64], _ acyclic: Bool) {
        let widest = strata.filter { mask in !strata.contains { $0 != mask && $0 & mask == mask } }
        #expect(StratumRelations.isAcyclic(widest) == acyclic)
    }

    @Test func descriptionRejectsAStratumNamedLikeTheWholePopulationOrCrossed() throws {
        for stratum in ["All", "Sex * Race"] {
            let yaml = Self.yaml().replacingOccurrences(of: "stratum: Race", with: "stratum: \(stratum)")
            #expect(throws: DescriptionError.self) { try TableDescription.parse(yaml: yaml, file: "t.deid.yaml") }
        }
        let twice = Self.yaml().replacingOccurrences(of: "stratum: Race", with: "stratum: Sex")
        #expect(throws: DescriptionError.self) { try TableDescription.parse(yaml: twice, file: "t.deid.yaml") }
    }
}
