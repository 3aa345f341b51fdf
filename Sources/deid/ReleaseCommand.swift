import ArgumentParser
import DeidSupport
import DeidPipeline

extension Deid {
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a release-ready table and its audit report.",
            usage: "deid release <file> --output <file> --report <file> [--report-html <file>] [--description <file>] "
                + "[--stdin-filename <name>] [--quiet]",
            discussion: """
                Hides every small count, adds complementary suppressions, and writes the release only when the \
                disclosure audit proves that no hidden cell can be recomputed or narrowed below the policy's \
                protection width. With --report-html it also writes a self-contained HTML report for the \
                statistical expert to print and sign. All files are written atomically; on any error none is \
                written and deid exits 2 with a message that says what to fix.

                Examples:
                  deid release counts.csv -o counts.release.csv --report counts.audit.json
                  deid release counts.csv -o out.csv --report out.json --report-html out.html
                  deid release people.csv --description people.deid.yaml -o by-county.csv --report by-county.audit.json
                  deid release - --description counts.deid.yaml --stdin-filename counts.csv -o out.csv --report out.json < counts.csv
                """)

        @Argument(help: ArgumentHelp("The CSV table to release; '-' reads standard input.", valueName: "file"))
        var file: String

        // Required, but declared optional and checked in run(): otherwise a mistyped option (`--ouput`) is
        // reported as a missing --output instead of as the typo it is.
        @Option(name: [.short, .long], help: ArgumentHelp("Where to write the release table (required).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Where to write the JSON audit report (required).", valueName: "file"))
        var report: String?

        @Option(
            help: ArgumentHelp(
                "Where to write the HTML report to print and sign (no hidden value, no external assets).",
                valueName: "file"))
        var reportHtml: String?

        @OptionGroup var tables: TableOptions

        @Flag(name: [.short, .long], help: "Do not print the summary or the progress line.")
        var quiet = false

        func run() throws {
            Progress.shared.enable(!quiet && StandardStreams.errorIsTerminal)
            defer { Progress.shared.finish() }
            // Checked here, not in validate(), which ArgumentParser runs before it reports unknown options.
            guard let output else { throw Self.usageError("give the release table's path with -o/--output FILE") }
            guard let report else { throw Self.usageError("give the JSON audit report's path with --report FILE") }
            let request = ReleaseRequest(
                table: tables.tables([file]), output: output, report: report, reportHTML: reportHtml)
            do {
                let outcome = try Releaser.release(request)
                if !quiet { Console.error(outcome.summary) }
            } catch let error as any DiagnosticError {
                Console.error(error.description)
                throw ExitCode(2)
            } catch {
                Console.error(UnexpectedError(error).description)
                throw ExitCode(2)
            }
        }

        /// A usage error found in run(): printed with this command's usage, exit 2 as for any usage error.
        static func usageError(_ text: String) -> ExitCode {
            Console.error("Error: \(text)\nUsage: \(usageString())\n  See 'deid release --help' for more information.")
            return ExitCode(2)
        }
    }
}
