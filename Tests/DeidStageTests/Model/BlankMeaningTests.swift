import Foundation
import Testing
@testable import DeidModel
@testable import DeidPipeline

/// `no_data_codes:` a blank count coded "no data" is an empty cell, not a hidden one; `hidden_marker:` a note
/// column's `<11` marks a hidden cell whatever placeholder its count column holds.
@Suite struct BlankMeaningTests {
    /// Dental visits by county and year as a department publishes them: code 1 hides a small count, code 3 says
    /// there is no data (the county did not report in 2021), and the total counts what was reported.
    static let codes = """
        County,Year,Visits,Code
        Alameda,2021,420,
        Alpine,2021,,1
        Fresno,2021,,3
        Kern,2021,310,
        California,2021,735,
        Alameda,2022,450,
        Alpine,2022,,1
        Fresno,2022,212,
        Kern,2022,302,
        California,2022,970,

        """

    static let codesYAML = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: California
            - column: Year
              role: time
          count: Visits
          annotation: Code
          no_data_codes: ["3"]

        """

    @Test func aNoDataCodeIsAnEmptyCellNotAHiddenOne() throws {
        let run = try FixtureRun(csv: Self.codes, description: Self.codesYAML)
        defer { run.remove() }
        let report = try run.check()
        #expect(report.summary.hiddenCells == 2, "Alpine in both years; not Fresno in 2021")
        #expect(!report.findings.contains { $0.cell.contains { $0.value == "Fresno" } })
        // Without the declaration the blank is read as a hidden count of at least 1: one more hidden cell, and a
        // finding about a cell that holds nothing.
        let undeclared = try FixtureRun(
            csv: Self.codes, description: Self.codesYAML.replacingOccurrences(of: "  no_data_codes: [\"3\"]\n", with: ""))
        defer { undeclared.remove() }
        let misread = try undeclared.check()
        #expect(misread.summary.hiddenCells == 3)
        #expect(misread.findings.contains { $0.cell.contains { $0.value == "Fresno" } })
    }

    @Test func protectedAgainTheNoDataCodeStaysOnItsRow() throws {
        let run = try FixtureRun(csv: Self.codes, description: Self.codesYAML)
        defer { run.remove() }
        let released = try PlainCSV(text: try run.release().csv)
        #expect(released.rows[2] == ["Fresno", "2021", "", "3"])
        #expect(try !run.check(run.outputPath).hasErrors)
    }

    /// A republished file: the count column holds a placeholder 1 where the note says `<11`.
    static let marked = """
        County,Sex,Cases,Note
        Alder,Female,1,<11
        Alder,Male,268,
        Alder,Total,275,
        Birch,Female,341,
        Birch,Male,1,<11
        Birch,Total,350,
        Total,Female,348,
        Total,Male,277,
        Total,Total,625,

        """

    static let markedYAML = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: Total
            - column: Sex
              role: sex
              total: Total
          count: Cases
          hidden_marker: {column: Note, value: "<11"}

        """

    @Test func aMarkedRowIsAHiddenCellWhateverItsPlaceholder() throws {
        let run = try FixtureRun(csv: Self.marked, description: Self.markedYAML)
        defer { run.remove() }
        let report = try run.check()
        #expect(report.summary.hiddenCells == 2 && report.summary.visibleSmallCounts == 0)
        // Both marked cells follow from their county totals: the check says so, and release repairs it.
        #expect(report.findings.filter { $0.code == .underProtected }.count == 2)
        let released = try PlainCSV(text: try run.release().csv)
        #expect(released.rows.filter { $0[2].isEmpty }.count > 2)
        #expect(!released.rows.contains { $0[2] == "1" })
    }

    /// On a row the release hides, the note column keeps the earlier release's mark and nothing else: a note
    /// could say anything about the count.
    @Test func aHiddenRowsNoteKeepsOnlyTheMark() throws {
        let run = try FixtureRun(
            csv: Self.marked.replacingOccurrences(of: ",\n", with: ",revised\n"), description: Self.markedYAML)
        defer { run.remove() }
        let released = try PlainCSV(text: try run.release().csv)
        let hidden = released.rows.filter { $0[2].isEmpty }
        #expect(hidden.count > 2)
        #expect(hidden.allSatisfy { $0[3] == "<11" || $0[3].isEmpty }, "\(hidden)")
        // Rows that said "revised" in the input and are hidden now say nothing.
        #expect(hidden.contains { $0[3].isEmpty })
    }
}
