import Foundation

/// With `DEID_TRACE=1` in the environment, each pipeline stage prints its duration and a few sizes to stderr:
/// a profiling aid for benchmarks. It prints stage names and counts of cells, never a value.
public enum StageTrace {
    static let enabled = ProcessInfo.processInfo.environment["DEID_TRACE"] != nil

    /// Runs `body`, printing how long it took when tracing is on.
    public static func measure<T, Failure: Error>(_ stage: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        note("\(stage): \(String(format: "%.1f", milliseconds)) ms")
        return result
    }

    public static func note(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        StandardStreams.error("deid trace: \(text())")
    }
}
