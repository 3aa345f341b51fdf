import DeidSupport
import DeidEmit

/// `deid score` over every table of a command line: scores each, reports the ones that cannot be scored as
/// they come, then prints the scores.
public enum ScoreRun {
    public struct Outcome: Sendable {
        public var reports: [ScoreReport]
        public var failures: Bool

        /// Exit status: 2 when a table could not be scored, else 1 when a table needs masking, else 0.
        public var status: Int32 {
            if failures { return 2 }
            return reports.contains(where: \.assessment.requiresMasking) ? 1 : 0
        }
    }

    public static func run(
        _ arguments: TableArguments, format: ScoreFormat, failed: (any DiagnosticError) -> Void
    ) throws(EmitError) -> Outcome {
        let scored = arguments.each(failed: failed, ScoreRunner.score)
        let outcome = Outcome(reports: scored.reports, failures: scored.failures)
        if !outcome.reports.isEmpty {
            var sink = TextSink(fileDescriptor: 1)
            sink.write(ScoreRenderer.render(outcome.reports, as: format) + "\n")
            try sink.flush(destination: "standard output")
        }
        return outcome
    }
}
