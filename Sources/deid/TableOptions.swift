import ArgumentParser
import DeidPipeline

/// The options every command shares: which description governs the tables, and what standard input is called.
struct TableOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The table description to use for every table (default: TABLE.deid.yaml beside it, else deid.yaml in its "
            + "folder or a parent).", valueName: "file"))
    var description: String?

    /// The spelling before `--description`; still accepted, with a note.
    @Option(help: .hidden)
    var rules: String?

    @Option(help: ArgumentHelp("The name to use for standard input in messages.", valueName: "name"))
    var stdinFilename: String?

    mutating func validate() throws {
        if let rules {
            guard description == nil else { throw ValidationError("give --description only (--rules is its old name)") }
            Console.error("deid: --rules is now called --description; the old name still works")
            description = rules
            self.rules = nil
        }
        if let name = stdinFilename {
            if name.isEmpty { throw ValidationError("--stdin-filename may not be empty") }
            // A line break in it could forge a diagnostic line.
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw ValidationError("--stdin-filename may not contain line breaks, tabs or other control characters")
            }
        }
    }

    /// The tables `paths` name, under these options.
    func tables(_ paths: [String]) -> TableArguments {
        TableArguments(paths: paths, descriptionFile: description, standardInputName: stdinFilename)
    }
}

/// At most one `-` among the tables: standard input can be read only once.
func validateTablePaths(_ paths: [String], command: String) throws {
    if paths.isEmpty { throw ValidationError("name at least one table to \(command) ('-' reads standard input)") }
    if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
}
