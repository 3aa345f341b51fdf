import ArgumentParser
import DeidEmit
import DeidPipeline

extension Deid {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score tables with the DDG Publication Scoring Criteria and say whether they need masking.",
            discussion: """
                Runs DDG Steps 1–3 on each table with its description (--description, else TABLE.deid.yaml beside \
                it, else deid.yaml in its folder or a parent): the declared personal characteristics and high-risk \
                population, the numerator–denominator screen, and the publication score of the policy's edition. \
                Prints one line per criterion with the category that decided it and the evidence, then the total, \
                the threshold and the decision. Nothing printed reveals a count: the events line names the band \
                of the smallest count, not the count.

                Examples:
                  deid score counts.csv
                  deid score --format json tables/*.csv > scores.json
                  deid score --description counts.deid.yaml - < counts.csv

                Exit codes: 0 every table may be released without masking, 1 a table needs masking, \
                2 a table could not be scored.
                """)

        @Argument(help: ArgumentHelp("CSV tables to score; '-' reads standard input.", valueName: "file"))
        var files: [String] = []

        @OptionGroup var tables: TableOptions

        @Option(help: "Output format: text or json.")
        var format: ScoreFormat = .text

        mutating func validate() throws {
            try validateTablePaths(files, command: "score")
        }

        func run() throws {
            let outcome = try ScoreRun.run(tables.tables(files), format: format, failed: { Console.error($0.description) })
            if outcome.status != 0 { throw ExitCode(outcome.status) }
        }
    }
}

extension ScoreFormat: ExpressibleByArgument {}
