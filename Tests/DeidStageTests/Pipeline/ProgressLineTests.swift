import Testing
import DeidSupport

/// The progress line's text: counts and times only, with an estimate while work remains.
@Suite struct ProgressLineTests {
    @Test func showsCountsElapsedTimeAndWhatIsLeft() {
        let line = Progress.line(stage: "protecting", done: 1_234, total: 4_474, unit: "small cells", elapsed: 12)
        // 12 s for 1,234 cells: the other 3,240 take about 32 s at the same pace.
        #expect(line == "deid: protecting 1,234 of 4,474 small cells, 12 s, about 32 s left")
    }

    @Test func longRunsAreCountedInMinutesAndAFinishedStageHasNoEstimate() {
        let line = Progress.line(stage: "auditing", done: 41_005, total: 41_005, unit: "hidden cells", elapsed: 600)
        #expect(line == "deid: auditing 41,005 of 41,005 hidden cells, 10 min")
    }

    @Test func neverCountsPastTheTotal() {
        let line = Progress.line(stage: "auditing", done: 12, total: 10, unit: "hidden cells", elapsed: 1)
        #expect(line == "deid: auditing 10 of 10 hidden cells, 1 s")
    }

    @Test func noEstimateBeforeTwoPercent() {
        let line = Progress.line(stage: "auditing", done: 3, total: 6_378, unit: "hidden cells", elapsed: 5)
        #expect(line == "deid: auditing 3 of 6,378 hidden cells, 5 s")
    }
}
