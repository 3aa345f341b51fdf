import DeidRead

/// The tables a command was given, as the command line names them: paths, or `-` for standard input (which
/// may be read once), with the description to use for every table when one is given.
public struct TableArguments: Sendable {
    public var paths: [String]
    /// The table description given with `--description`; nil: found beside each table.
    public var descriptionFile: String?
    /// The name standard input goes by in messages (`--stdin-filename`).
    public var standardInputName: String?
    /// Tests point this at a presets folder; nil: found as `PresetLocator` does.
    public var presetsDirectory: String?

    public init(
        paths: [String], descriptionFile: String?, standardInputName: String?, presetsDirectory: String? = nil
    ) {
        self.paths = paths
        self.descriptionFile = descriptionFile
        self.standardInputName = standardInputName
        self.presetsDirectory = presetsDirectory
    }

    /// Each table's source and the name messages use for it.
    var tables: [(source: InputSource, name: String)] {
        paths.map { path in
            path == "-"
                ? (.standardInput, standardInputName ?? InputSource.standardInput.defaultDisplayName)
                : (.file(path), path)
        }
    }
}
