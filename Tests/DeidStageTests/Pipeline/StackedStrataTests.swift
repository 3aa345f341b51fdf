import Foundation
import Testing

@testable import DeidDescription
@testable import DeidPipeline

/// A stacked-strata file shaped like the Statewide Death Profiles (`Tests/Fixtures/stacked`, made by
/// `make-profiles.py`): Total Population, Age, Gender, Race-Ethnicity and Gender * Race-Ethnicity rows of the same
/// deaths, crossed with year, cause (with `ALL`) and occurrence vs residence; Nonbinary/Unknown is left out in
/// 2020 and declared as a remainder. Released as one system, then attacked by `LinkedVerifier` with the file split
/// into its widest breakdowns the way a reader would split it.
@Suite struct StackedStrataTests {
    static let folder = Repo.fixtures + "/stacked/"

    static func run() throws -> FixtureRun {
        try FixtureRun(
            csv: String(contentsOfFile: folder + "death-profiles.csv", encoding: .utf8),
            description: String(contentsOfFile: folder + "death-profiles.deid.yaml", encoding: .utf8))
    }

    static let split = StackedSplit(
        plainColumns: ["Year", "Geography_Type", "Cause"],
        variables: [
            "Total Population": [], "Age": ["Age"], "Gender": ["Gender"], "Race-Ethnicity": ["Race-Ethnicity"],
            "Gender * Race-Ethnicity": ["Gender", "Race-Ethnicity"],
        ],
        remainder: ("Gender", "Not shown"))

    /// The attacker's view: one table per widest breakdown, each with a description of its own.
    static func attacker(input: PlainCSV, release: PlainCSV, policy: Policy) throws -> LinkedVerifier {
        let tables = try split.tables(input: input, release: release, smallMax: policy.numerator.minimum - 1)
        return LinkedVerifier(parts: try tables.map { table in
            let variables = table.header.dropFirst(3).dropLast().map { name in
                "    - column: \(name)\n      role: other\n      total: Total Population\n"
            }
            let yaml = """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: aggregate
                  count: Count
                  dimensions:
                    - column: Year
                      role: time
                    - column: Geography_Type
                      role: other
                    - column: Cause
                      role: other
                      total: ALL

                """ + variables.joined()
            let description = try TableDescription.parse(yaml: yaml, file: "split.deid.yaml")
            return LinkedVerifier.Part(
                verifier: ReleaseVerifier(description: description, policy: policy),
                input: PlainCSV(header: table.header, rows: table.input),
                release: PlainCSV(header: table.header, rows: table.release))
        })
    }

    @Test func theFileIsOneTableWhoseRowsAreItsCells() throws {
        let run = try Self.run()
        defer { run.remove() }
        let table = try run.table()
        let rows = try run.input.rows.count
        #expect(table.rowCells == rows)
        // 2020 leaves Nonbinary/Unknown out: a remainder beside each of its Gender totals (whole population and
        // each race, per geography and cause), and in 2021–2022 beside them too, where it is zero.
        #expect(table.cellCount - rows == 3 * 2 * 5 * 6)
        let gender = try #require(table.dimensions.first { $0.column == "Gender" })
        #expect(Set(gender.labels) == ["Total Population", "Female", "Male", "Nonbinary/Unknown", "Not shown"])
        // The whole population is the total of every breakdown: of Age, of Gender and of Race-Ethnicity.
        let whole = 0
        let along = Set(table.relations.filter { $0.total == whole }.map { table.dimensions[$0.dimension].column })
        #expect(along == ["Cause", "Age", "Gender", "Race-Ethnicity"])
    }

    @Test func theReleasePassesAnAttackerHoldingEveryBreakdown() throws {
        let run = try Self.run()
        defer { run.remove() }
        let released = try run.release()
        let output = try PlainCSV(text: released.csv)
        let input = try run.input
        let policy = try run.policy
        // Hidden rows keep their stratum columns: they are coordinates, not values.
        let strata = try #require(output.column("Strata"))
        #expect(output.rows.allSatisfy { !$0[strata].isEmpty && !$0[strata + 1].isEmpty })
        // The rows are several breakdowns of the same deaths: no share of "the total" hidden can be stated.
        #expect(released.report.summary.hiddenShareOfTotalCount == nil)
        let count = try #require(output.column("Count"))
        #expect(output.rows.filter { $0[count].isEmpty }.count > 100)
        let violations = try Self.attacker(input: input, release: output, policy: policy).violations()
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(!(try run.check(run.outputPath)).hasErrors)
    }

    /// The same attacker on the file with only its small counts blanked finds what the complementary
    /// suppressions protect: it has teeth.
    @Test func theAttackerFindsTheLeaksOfPrimarySuppressionAlone() throws {
        let run = try Self.run()
        defer { run.remove() }
        let input = try run.input
        let policy = try run.policy
        let count = try #require(input.column("Count"))
        var blanked = input
        for r in blanked.rows.indices where policy.numerator.isSmall(Int(blanked.rows[r][count]) ?? 0) {
            blanked.rows[r][count] = ""
        }
        let violations = try Self.attacker(input: input, release: blanked, policy: policy).violations()
        #expect(violations.count > 10, "\(violations.count)")
    }

    /// On the file as given, `Total − Female − Male` is 2020's left-out Nonbinary/Unknown count: `check` finds it.
    @Test func checkFindsTheLeftOutCountThatTheTotalsGiveAway() throws {
        let run = try Self.run()
        defer { run.remove() }
        let report = try run.check()
        let remainders = report.findings.filter {
            $0.code == .underProtected && $0.cell.contains { $0.value == "Not shown" }
        }
        #expect(!remainders.isEmpty)
        #expect(remainders.allSatisfy { $0.cell.contains { $0.value == "2020" } && $0.location.line == nil })
    }
}
