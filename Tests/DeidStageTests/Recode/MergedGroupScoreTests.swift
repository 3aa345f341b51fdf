import Foundation
import Testing

@testable import DeidPipeline

/// A group `aggregate:` rules merged is scored with the sum of its members' populations: its label is in no
/// reference file, but every member's population is.
@Suite struct MergedGroupScoreTests {
    static let csv = """
        Year,County,Cases,Population
        2019,California,170,2000000
        2019,Alameda,120,1600000
        2019,Fresno,40,380000
        2019,Alpine,4,1200
        2019,Modoc,6,8700

        """

    static let yaml = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          high_risk: none
          dimensions:
            - column: Year
              role: time
            - column: County
              role: residence_geography
              total: California
          count: Cases
          denominator: Population
          aggregate:
            - column: County
              when: {population_below: 20000}
              into: parent
              label: Small counties

        """

    @Test func theMergedGroupIsScoredWithItsMembersPopulation() throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml)
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv.contains("2019,Small counties,"))
        let geography = released.report.assessment?.score?.criteria.first { $0.criterion == "residence_geography" }
        let evidence = try #require(geography?.evidence)
        #expect(evidence.contains("Small counties") && evidence.contains("merged members' populations"), "\(evidence)")
    }
}
