import ArgumentParser
import Foundation
import DeidSupport
import DeidPipeline

extension Deid {
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a release-ready table and its audit report.",
            usage: "deid release <file> --output <file> --report <file> [--report-html <file>] [--previous <file>] "
                + "[--description <file>] [--stdin-filename <name>] [--quiet]\n       deid release <file> --bundle <dir> --report <file> [--report-html <file>] [options]\n       deid release [--linked] <file> <file>... --output-dir <dir> "
                + "[--report <file> [--report-html <file>]] [--html-reports] [--quiet]",
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
                  deid release --linked county-sex.csv county-age.csv race-sex.csv --output-dir released
                  deid release county-sex.csv county-age.csv --output-dir out --report out/audit.json --report-html out/report.html
                  deid release june.csv --previous may.release.csv -o june.release.csv --report june.audit.json
                  deid release published.csv -o repaired.csv --report repaired.audit.json
                  deid release counts.csv --bundle portal/counts --report counts.audit.json

                A table whose counts are partly blank is a published table: its blank cells stay hidden with \
                their codes, deid hides what the audit over the published numbers still needs, and the report \
                says how many cells were hidden already and how many now.

                With --linked, tables from the same data are released as one: a cell is the same cell in every \
                table whose dimension columns (by name) carry the same labels once dimensions at their total are \
                left out, and protection and the audit run over all of them, so that no table gives back what \
                another hides. Several tables named without --linked are released the same way. Each release is \
                written to the --output-dir folder under its input's name, with its JSON report beside it \
                (NAME.audit.json) and, with --html-reports, its HTML report (NAME.report.html); --report and \
                --report-html add one report of the whole set.

                With --bundle DIR, the release is written into DIR (created if missing) under its input's name, \
                with what the Open Data Portal takes beside it: datapackage.json (a Frictionless Data Package: the \
                columns and their types, the empty field of a hidden value, the method, the annotation codes, and \
                FILL-IN placeholders for the title, licence and source) and the data dictionary \
                (data-dictionary.md, data-dictionary.csv). The audit reports are for reviewers and are written \
                outside the bundle.
                """)

        @Argument(help: ArgumentHelp(
            "The CSV table to release ('-' reads standard input); with --linked, every table of the set.",
            valueName: "file"))
        var files: [String] = []

        @Flag(help: "Release the tables together, protected and audited as one set (needs --output-dir).")
        var linked = false

        @Option(help: ArgumentHelp(
            "With --linked: the folder to write each release (under its input's name) and its report into.",
            valueName: "dir"))
        var outputDir: String?

        @Flag(help: "With --linked: also write each table's HTML report (NAME.report.html) into --output-dir.")
        var htmlReports = false

        @Option(help: ArgumentHelp(
            "The table's previous release: every cell it hid stays hidden, and the report says what changed.",
            valueName: "file"))
        var previous: String?

        // Required, but declared optional and checked in run(): otherwise a mistyped option (`--ouput`) is
        // reported as a missing --output instead of as the typo it is.
        @Option(name: [.short, .long], help: ArgumentHelp("Where to write the release table (required).", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Where to write the JSON audit report (required; with several tables, optional: the set's report).", valueName: "file"))
        var report: String?

        @Option(
            help: ArgumentHelp(
                "Where to write the HTML report to print and sign (no hidden value, no external assets).",
                valueName: "file"))
        var reportHtml: String?

        @Option(help: ArgumentHelp(
            "Write a portal-ready folder: the release under its input's name, datapackage.json and the data dictionary.",
            valueName: "dir"))
        var bundle: String?

        @OptionGroup var tables: TableOptions

        @Flag(name: [.short, .long], help: "Do not print the summary or the progress line.")
        var quiet = false

        func run() throws {
            Progress.shared.enable(!quiet && StandardStreams.errorIsTerminal)
            defer { Progress.shared.finish() }
            // Checked here, not in validate(), which ArgumentParser runs before it reports unknown options.
            // Several tables are released together: the same as --linked.
            if linked || files.count > 1 { return try runLinked() }
            guard let file = files.first else {
                throw Self.usageError("name the table to release ('-' reads standard input)")
            }
            guard outputDir == nil, !htmlReports else {
                throw Self.usageError("--output-dir and --html-reports are for --linked; give -o/--output FILE")
            }
            if let bundle { return try runBundle(file, into: bundle) }
            guard let output else { throw Self.usageError("give the release table's path with -o/--output FILE") }
            guard let report else { throw Self.usageError("give the JSON audit report's path with --report FILE") }
            var request = ReleaseRequest(
                table: tables.tables([file]), output: output, report: report, reportHTML: reportHtml)
            request.previous = previous
            try release(request)
        }

        /// Releases one table as `request` says, printing the summary unless quiet.
        func release(_ request: ReleaseRequest) throws {
            try reportingErrors {
                let outcome = try Releaser.release(request)
                if !quiet { Console.error(outcome.summary) }
            }
        }

        private func runLinked() throws {
            guard files.count >= 2 else { throw Self.usageError("--linked releases tables together: name at least two") }
            guard !files.contains("-") else { throw Self.usageError("--linked reads tables by name, not standard input") }
            guard Set(files).count == files.count else { throw Self.usageError("--linked: a table is named twice") }
            guard previous == nil else { throw Self.usageError("--previous releases one table; not with --linked") }
            guard bundle == nil else { throw Self.usageError("--bundle packages one table; not with --linked") }
            guard output == nil else {
                throw Self.usageError("with --linked, give --output-dir DIR (each release and report is named after its table)")
            }
            guard report != nil || reportHtml == nil else {
                throw Self.usageError("--report-html with --linked needs --report FILE too (the set's JSON report)")
            }
            guard let outputDir else { throw Self.usageError("give the folder for the releases with --output-dir DIR") }
            let requests = files.map { file in
                let name = (file as NSString).lastPathComponent
                let stem = (name as NSString).deletingPathExtension
                return ReleaseRequest(
                    table: tables.tables([file]), output: outputDir + "/" + name, report: outputDir + "/" + stem + ".audit.json",
                    reportHTML: htmlReports ? outputDir + "/" + stem + ".report.html" : nil)
            }
            try reportingErrors {
                let setReport = report.map { LinkedSetReport(json: $0, html: reportHtml) }
                for outcome in try LinkedReleaser.release(requests, setReport: setReport) where !quiet {
                    Console.error(outcome.summary)
                }
            }
        }

        /// Runs `body`; an error is printed and exits 2.
        func reportingErrors(_ body: () throws -> Void) throws {
            do {
                try body()
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
