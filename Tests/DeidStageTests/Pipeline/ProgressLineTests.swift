import Testing
import DeidSupport

/// The progress line's text: counts and times only, with an estimate while work remains and the pace means
/// something.
@Suite struct ProgressLineTests {
    @Test(arguments: [
        // 12 s for 1,234 cells: the other 3,240 take about 32 s at the same pace.
        (1_234, 4_474, 12.0, "deid: protecting 1,234 of 4,474 small cells, 12 s, about 32 s left"),
        // Long runs are counted in minutes; a finished stage has no estimate.
        (4_474, 4_474, 600.0, "deid: protecting 4,474 of 4,474 small cells, 10 min"),
        // Never counts past the total.
        (12, 10, 1.0, "deid: protecting 10 of 10 small cells, 1 s"),
        // Below 2% done, no estimate.
        (3, 6_378, 5.0, "deid: protecting 3 of 6,378 small cells, 5 s"),
    ])
    func line(done: Int, total: Int, elapsed: Double, expected: String) {
        #expect(Progress.line(stage: "protecting", done: done, total: total, unit: "small cells", elapsed: elapsed) == expected)
    }
}
