import ArgumentParser
import DeidSupport
import DeidRead
import DeidEmit
import DeidPipeline

extension Deid {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score tables with the DDG Publication Scoring Criteria and say whether they need masking.",
            discussion: """
                Runs DDG Steps 1–3 on each table with its description (--rules, else TABLE.deid.yaml beside it, \
                else deid.yaml in its folder or a parent): the declared personal characteristics and high-risk \
                population, the numerator–denominator screen, and the publication score of the policy's edition. \
                Prints one line per criterion with the category that decided it and the evidence, then the total, \
                the threshold and the decision. Nothing printed reveals a count: the events line names the band \
                of the smallest count, not the count.

                Examples:
                  deid score counts.csv
                  deid score --format json tables/*.csv > scores.json
                  deid score --rules counts.deid.yaml - < counts.csv

                Exit codes: 0 every table may be released without masking, 1 a table needs masking, \
                2 a table could not be scored.
                """)

        @Argument(help: ArgumentHelp("CSV tables to score; '-' reads standard input.", valueName: "file"))
        var files: [String] = []

        @Option(help: ArgumentHelp("The table description to use for every file.", valueName: "file"))
        var rules: String?

        @Option(help: "Output format: text or json.")
        var format: ScoreFormat = .text

        @Option(help: ArgumentHelp("The name to use for standard input in messages.", valueName: "name"))
        var stdinFilename: String?

        mutating func validate() throws {
            if files.isEmpty {
                throw ValidationError("name at least one table to score ('-' reads standard input)")
            }
            if files.filter({ $0 == "-" }).count > 1 {
                throw ValidationError("standard input ('-') can be read only once")
            }
            try validateStdinFilename(stdinFilename)
        }

        func run() throws {
            var reports: [ScoreReport] = []
            var failed = false
            for file in files {
                let source: InputSource = file == "-" ? .standardInput : .file(file)
                let name = file == "-" ? (stdinFilename ?? source.defaultDisplayName) : file
                do {
                    reports.append(try ScoreRunner.score(CheckRequest(source: source, displayName: name, rulesFile: rules)))
                } catch let error as any DiagnosticError {
                    Console.error(error.description)
                    failed = true
                }
            }
            if !reports.isEmpty, !Console.out(ScoreRenderer.render(reports, as: format)) {
                Console.error("error: standard output could not be written (closed or full)")
                throw ExitCode(2)
            }
            if failed { throw ExitCode(2) }
            if reports.contains(where: \.assessment.requiresMasking) { throw ExitCode(1) }
        }
    }
}

extension ScoreFormat: ExpressibleByArgument {}
