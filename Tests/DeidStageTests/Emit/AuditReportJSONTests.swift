import Foundation
import Testing

@testable import DeidSupport
@testable import DeidEmit

/// The report is written by `JSONStream`, its hidden cells one at a time (`AuditReport.writeJSON`); the
/// document must be byte for byte what Foundation's JSONEncoder writes for the same report.
@Suite struct AuditReportJSONTests {
    @Test func streamedReportEqualsEncodedReport() throws {
        let run = try FixtureRun(fixture: "ddg/survey")
        defer { run.remove() }
        var report = try run.release().report
        // Every shape a hidden cell can take: with and without line, annotation and interval; an unbounded and
        // an outer-bound interval; labels that need escaping.
        let labels = [Coordinate(dimension: "Region \"A\"", value: "Desert\\North\n"), Coordinate(dimension: "Año", value: "東京 / <b>")]
        report.hiddenCells += [
            .init(cell: labels, line: nil, reason: .rule6, annotation: nil, interval: nil),
            .init(cell: labels, line: 7, reason: .complementary, annotation: "2",
                  interval: .init(lower: 12, upper: nil, width: nil, exact: nil)),
            .init(cell: [], line: 9, reason: .primary, annotation: "1",
                  interval: .init(lower: 1, upper: 40, width: 39, exact: false)),
        ]
        var streamed = ""
        report.writeJSON { streamed += $0 }
        #expect(streamed == StreamedJSONTests.foundation(report) + "\n")
        #expect(streamed.contains("\"exact\" : false"))
    }

    @Test func emptyHiddenCellsKeepFoundationsLayout() throws {
        let run = try FixtureRun(fixture: "ddg/survey")
        defer { run.remove() }
        var report = try run.release().report
        report.hiddenCells = []
        var streamed = ""
        report.writeJSON { streamed += $0 }
        #expect(streamed == StreamedJSONTests.foundation(report) + "\n")
    }
}
