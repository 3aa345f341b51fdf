import DeidSupport
import DeidEmit

/// `deid check` over every table of a command line: checks each, reports the ones that cannot be checked as
/// they come, then writes the findings (to standard output, or atomically to `-o`, never over an input).
public enum CheckRun {
    public struct Outcome: Sendable {
        public var reports: [CheckReport]
        /// Some table could not be checked (its error was passed to `failed`).
        public var failures: Bool

        /// Exit status: 2 when a table could not be checked, else 1 when a table has an error finding (unless
        /// `exitZero`), else 0.
        public func status(exitZero: Bool) -> Int32 {
            if failures { return 2 }
            return !exitZero && reports.contains(where: \.hasErrors) ? 1 : 0
        }
    }

    /// `maxFindings` (0: all) caps the findings listed per table in the formats a person reads; JSON and SARIF
    /// list every one. `linked`: the tables are one release, audited together; one that cannot be read fails all.
    public static func run(
        _ arguments: TableArguments, format: FindingFormat, output: String?, maxFindings: Int, linked: Bool = false,
        failed: (any DiagnosticError) -> Void
    ) throws(EmitError) -> Outcome {
        let given = arguments.paths.filter { $0 != "-" }.map { PlannedInput(path: $0, role: "the input table") }
            + (arguments.descriptionFile.map { [PlannedInput(path: $0, role: "the table description")] } ?? [])
        // An output that would replace a table is refused before any table is read.
        if let output { _ = try FindingsOutput.plan(path: output, inputs: given) }
        let limit = format.isForPeople && maxFindings > 0 ? maxFindings : nil
        let checked = linked
            ? checkLinked(arguments, findingLimit: limit, failed: failed)
            : checkSets(arguments, findingLimit: limit, failed: failed)
        let outcome = Outcome(reports: checked.reports, failures: checked.failures)
        // With -o, a run that could not check every table writes nothing (exit 2 never leaves an output).
        if output == nil || !outcome.failures {
            try FindingsOutput.write(outcome.reports, as: format, to: output, inputs: given)
        }
        return outcome
    }

    /// Every table alone, except those whose descriptions list the tables they are published with
    /// (`released_together:`): each such set is audited as one release, its unnamed members included.
    private static func checkSets(
        _ arguments: TableArguments, findingLimit: Int?, failed: (any DiagnosticError) -> Void
    ) -> (reports: [CheckReport], failures: Bool) {
        TableArguments.each(ReleaseSets.group(arguments.requests(findingLimit: findingLimit)), failed: failed) { group in
            group.count == 1 ? [try Checker.check(group[0])] : try Checker.checkLinked(group)
        }
    }

    /// `--linked`: all the tables as one set; one that cannot be read fails them all.
    private static func checkLinked(
        _ arguments: TableArguments, findingLimit: Int?, failed: (any DiagnosticError) -> Void
    ) -> (reports: [CheckReport], failures: Bool) {
        TableArguments.each([arguments.requests(findingLimit: findingLimit)], failed: failed, Checker.checkLinked)
    }
}
