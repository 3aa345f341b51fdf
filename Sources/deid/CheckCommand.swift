import ArgumentParser
import DeidSupport
import DeidRead
import DeidEmit
import DeidPipeline

extension Deid {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that tables are safe to publish, without changing them.",
            discussion: """
                Reads each table with its description (--rules, else TABLE.deid.yaml beside it, else deid.yaml in \
                its folder or a parent) and reports every cell the policy requires hidden that is visible, every \
                derived value published for a hidden count, and every hidden cell an attacker could recompute or \
                narrow from the published numbers (the disclosure audit). Findings never print a hidden or small \
                value: they name the rule, the threshold and the cell.

                Examples:
                  deid check counts.csv
                  deid check --format json tables/*.csv > findings.json
                  deid check --format sarif -o deid.sarif $(git ls-files '*.csv')
                  cat counts.csv | deid check --rules counts.deid.yaml --stdin-filename counts.csv -

                Exit codes: 0 every table is releasable, 1 findings, 2 a table could not be checked.
                """)

        @Argument(help: ArgumentHelp("CSV tables to check; '-' reads standard input.", valueName: "file"))
        var files: [String] = []

        @Option(help: ArgumentHelp("The table description to use for every file.", valueName: "file"))
        var rules: String?

        @Option(help: "Output format: text, json, sarif or github.")
        var format: FindingFormat = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write findings to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The name to use for standard input in messages.", valueName: "name"))
        var stdinFilename: String?

        @Flag(help: "Exit 0 even when there are findings (errors still exit 2).")
        var exitZero = false

        // Unconditional: `--max-findings -1` reaches validate() and gets its own message, not "missing value".
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "List at most this many findings per table in text and github output (0: all); json and sarif list all.",
                valueName: "n"))
        var maxFindings = 100

        mutating func validate() throws {
            if files.isEmpty {
                throw ValidationError("name at least one table to check ('-' reads standard input)")
            }
            if maxFindings < 0 { throw ValidationError("--max-findings takes 0 (all) or a positive number") }
            if files.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("standard input ('-') can be read only once")
            }
            try validateStdinFilename(stdinFilename)
        }

        func run() throws {
            let given = files.filter { $0 != "-" }.map { PlannedInput(path: $0, role: "the input table") }
                + (rules.map { [PlannedInput(path: $0, role: "the table description")] } ?? [])
            // An output that would replace a table is refused before any table is read.
            if let output { _ = try FindingsOutput.plan(path: output, inputs: given) }
            var reports: [CheckReport] = []
            var failed = false
            for file in files {
                let source: InputSource = file == "-" ? .standardInput : .file(file)
                let name = file == "-" ? (stdinFilename ?? source.defaultDisplayName) : file
                do {
                    let limit = (format == .text || format == .github) && maxFindings > 0 ? maxFindings : nil
                    reports.append(try Checker.check(CheckRequest(
                        source: source, displayName: name, rulesFile: rules, findingLimit: limit)))
                } catch let error as any DiagnosticError {
                    Console.error(error.description)
                    failed = true
                }
            }
            // With -o, a run that could not check every table writes nothing (exit 2 never leaves an output).
            if output == nil || !failed {
                try FindingsOutput.write(reports, as: format, to: output, inputs: given)
            }
            if format == .text { Console.error(CheckSummaryLine.text(reports, failedFiles: failed)) }
            if failed { throw ExitCode(2) }
            if !exitZero && reports.contains(where: \.hasErrors) { throw ExitCode(1) }
        }
    }
}

extension FindingFormat: ExpressibleByArgument {}
