import ArgumentParser
import DeidEmit
import DeidPipeline
import DeidRead

extension Deid {
    struct Inventory: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a record-level file's columns with their de-identification status, for a data-sharing request.",
            discussion: """
                Reads the file once and lists every column: its type, how many distinct values it has, its share \
                of missing values, and whether it is a HIPAA Safe Harbor identifier (45 CFR 164.514(b)(2)), by \
                name and by content (ZIP codes and whether their 3-digit area qualifies, full dates, ages over 89, \
                telephone numbers, email addresses, Social Security numbers, web and IP addresses, nearly unique \
                codes). Then it measures the quasi-identifiers in combination: the smallest group of records \
                sharing their values (k), the records unique on them, and how many groups hold 1 to 10 records \
                (counted, never listed). No value of any column is printed. The status of each column \
                (identifier, quasi_identifier, other) is ready to paste into a Business Use Case Proposal.

                What is looked for is the preset inventory/safe-harbor.yaml; --rules FILE declares statuses for \
                this file's columns (lists `identifiers:`, `quasi_identifiers:`, `other:`), which override it.

                Examples:
                  deid inventory people.csv
                  deid inventory people.csv --format json -o people.inventory.json
                  deid inventory people.csv --rules people.inventory.yaml --format csv
                  deid inventory - --stdin-filename people.csv < people.csv

                Exit codes: 0 no column is an identifier, 1 a column is an identifier, 2 deid could not read the \
                file or the rules.
                """)

        @Argument(help: ArgumentHelp("The record-level CSV file ('-' reads standard input).", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("Column statuses declared for this file (YAML).", valueName: "file"))
        var rules: String?

        @Option(help: "Output format: markdown, json or csv.")
        var format: InventoryFormat = .markdown

        @Option(name: [.short, .long], help: ArgumentHelp("Write the inventory to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("The name standard input goes by in messages and in the inventory.", valueName: "name"))
        var stdinFilename: String?

        func run() throws {
            let source: InputSource = file == "-" ? .standardInput : .file(file)
            let name = file == "-" ? stdinFilename ?? source.defaultDisplayName : file
            let inventory = try InventoryRun.run(
                InventoryRun.Request(source: source, displayName: name, rules: rules, format: format, output: output))
            if inventory.hasIdentifiers { throw ExitCode(1) }
        }
    }
}

extension InventoryFormat: ExpressibleByArgument {}
