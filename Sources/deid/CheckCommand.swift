import ArgumentParser
import DeidSupport
import DeidEmit
import DeidPipeline

extension Deid {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that tables are safe to publish, without changing them.",
            discussion: """
                Reads each table with its description (--description, else TABLE.deid.yaml beside it, else \
                deid.yaml in its folder or a parent) and reports every cell the policy requires hidden that is \
                visible, every derived value published for a hidden count, and every hidden cell an attacker could \
                recompute or narrow from the published numbers (the disclosure audit). Findings never print a \
                hidden or small value: they name the rule, the threshold and the cell.

                With --linked, the tables are published together and audited as one release: a cell is the same \
                cell in every table whose dimension columns (by name) carry the same labels once dimensions at \
                their total are left out, and a table without a column stands at that column's total.

                Examples:
                  deid check counts.csv
                  deid check --format json tables/*.csv > findings.json
                  deid check --format sarif -o deid.sarif $(git ls-files '*.csv')
                  deid check --linked county-sex.csv county-age.csv race-sex.csv
                  cat counts.csv | deid check --description counts.deid.yaml --stdin-filename counts.csv -

                Exit codes: 0 every table is releasable, 1 findings, 2 a table could not be checked.
                """)

        @Argument(help: ArgumentHelp("CSV tables to check; '-' reads standard input.", valueName: "file"))
        var files: [String] = []

        @OptionGroup var tables: TableOptions

        @Option(help: "Output format: text, json, sarif or github.")
        var format: FindingFormat = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write findings to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Flag(help: "Exit 0 even when there are findings (errors still exit 2).")
        var exitZero = false

        // Unconditional: `--max-findings -1` reaches validate() and gets its own message, not "missing value".
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "List at most this many findings per table in text and github output (0: all); json and sarif list all.",
                valueName: "n"))
        var maxFindings = 100

        @Flag(help: "Audit the tables as one release, published together (their shared cells and totals link them).")
        var linked = false

        @Flag(name: [.short, .long], help: "Do not print the progress line.")
        var quiet = false

        mutating func validate() throws {
            try validateTablePaths(files, command: "check")
            if maxFindings < 0 { throw ValidationError("--max-findings takes 0 (all) or a positive number") }
            if linked {
                if files.count < 2 { throw ValidationError("--linked audits tables published together: name at least two") }
                if Set(files).count < files.count { throw ValidationError("--linked: a table is named twice") }
            }
        }

        func run() throws {
            Progress.shared.enable(!quiet && StandardStreams.errorIsTerminal)
            defer { Progress.shared.finish() }
            let outcome = try CheckRun.run(
                tables.tables(files), format: format, output: output, maxFindings: maxFindings, linked: linked,
                failed: { Console.error($0.description) })
            if format == .text {
                Console.error(CheckSummaryLine.text(outcome.reports, failedFiles: outcome.failures))
            }
            let status = outcome.status(exitZero: exitZero)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension FindingFormat: ExpressibleByArgument {}
