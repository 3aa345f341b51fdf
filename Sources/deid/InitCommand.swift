import ArgumentParser
import DeidPipeline
import DeidRead

extension Deid {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a table description from a CSV table, for check and release to use.",
            discussion: """
                Reads the table once and writes a commented description: the count, denominator and derived \
                columns; the dimensions with their roles (California's counties and local health jurisdictions, \
                age groups, sex, race and ethnicity, years); totals found by adding up the rows, and California's \
                regions when the counties add up to them. Each line says why it was written. What deid cannot \
                decide is a line marked TODO(deid init), which check and release refuse to run past. It never \
                declares anything that protects less (no `high_risk: none`).

                Examples:
                  deid init counts.csv                      # writes counts.deid.yaml beside it
                  deid init counts.csv -o - | less           # prints it
                  deid init records.csv -o records.deid.yaml --force

                Exit codes: 0 written and complete, 1 written with TODO lines to decide, 2 not written.
                """)

        @Argument(help: ArgumentHelp("The CSV table; '-' reads standard input (then give -o).", valueName: "file"))
        var file: String

        @Option(name: .shortAndLong, help: ArgumentHelp(
            "Where to write the description (default: TABLE.deid.yaml beside the table; '-': standard output).",
            valueName: "file"))
        var output: String?

        @Flag(help: "Replace the description if it exists.")
        var force = false

        @Flag(name: .shortAndLong, help: "Print nothing on standard error when the description is written.")
        var quiet = false

        func validate() throws {
            if file == "-" && output == nil {
                throw ValidationError("reading standard input, give -o FILE (or -o - to print the description)")
            }
        }

        func run() throws {
            let source: InputSource = file == "-" ? .standardInput : .file(file)
            let outcome = try InitRun.run(
                source: source, displayName: file == "-" ? "<stdin>" : file, output: output, force: force,
                print: { print($0, terminator: "") })
            let open = outcome.draft.openDecisions
            if !quiet, let path = outcome.path {
                let counts = outcome.draft.countColumns.joined(separator: ", ")
                let todo = open == 0
                    ? "; next: deid check \(file)"
                    : "; \(open) TODO line\(open == 1 ? "" : "s") to decide before deid check runs"
                Console.error("deid: wrote \(path): \(outcome.draft.dimensionCount) dimensions, count \(counts.isEmpty ? "(records)" : counts)\(todo)")
            }
            if open > 0 { throw ExitCode(1) }
        }
    }
}
