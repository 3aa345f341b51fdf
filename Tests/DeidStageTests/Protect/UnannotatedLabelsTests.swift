import Testing
@testable import DeidModel
@testable import DeidProtect

/// Without an annotation column a release publishes no code, so no label-aware audit is run and the report
/// names no code for any hidden cell.
@Suite struct UnannotatedLabelsTests {
    @Test func noAnnotationColumnMeansNoCodeAndNoLabelAudit() throws {
        let run = try FixtureRun(csv: FirstPassTests.csv, description: FirstPassTests.yaml)
        defer { run.remove() }
        #expect(try run.description.annotation == nil)
        let report = try run.release().report
        #expect(report.summary.labels.mode == .generic)
        #expect(report.summary.labels.reason.contains("no annotation column"))
        #expect(!report.hiddenCells.isEmpty)
        #expect(report.hiddenCells.allSatisfy { $0.annotation == nil })
        #expect(report.footnotes.isEmpty)

        let table = try run.table().cellSystem
        var pattern = Pattern(cellCount: table.cellCount)
        PrimarySuppression.apply(to: table, policy: try run.policy, pattern: &pattern)
        guard case .decided(let decision) = try Labelling.plan(
            system: table, pattern: pattern, policy: run.policy, annotated: false)
        else {
            Issue.record("without an annotation column no label-aware audit is needed")
            return
        }
        #expect(decision.annotations.isEmpty && decision.reason == .noAnnotationColumn)
    }
}
