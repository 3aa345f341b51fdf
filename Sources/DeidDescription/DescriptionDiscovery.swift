import Foundation

/// Finds the description file that applies to a table.
///
/// Order: `--description FILE`; `TABLE.deid.yaml` beside the CSV (`counts.csv` → `counts.deid.yaml`); `deid.yaml` in the
/// CSV's folder, then in each parent folder up to the filesystem root. For stdin (`-`) only `--description` or a
/// `deid.yaml` from the current directory upward apply, because there is no table name to go by.
public enum DescriptionDiscovery {
    /// The name of a description shared by every table in a folder and the folders below it.
    public static let sharedName = "deid.yaml"
    public static let suffix = ".deid.yaml"

    /// The description for `tablePath` (`-` for stdin). Paths come back in the same form as the table path:
    /// relative when it was relative, so messages and reports show short, familiar names.
    public static func descriptionFile(
        forTable tablePath: String, explicit: String?,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(DescriptionError) -> String {
        // Relative paths are checked against `currentDirectory` (tests pass their own) but returned as written.
        func exists(_ path: String) -> Bool { DescriptionFiles.isFile(DescriptionFiles.absolute(path, base: currentDirectory)) }
        if let explicit {
            guard exists(explicit) else { throw .descriptionFileNotFound(path: explicit) }
            return explicit
        }
        var searched: [String] = []
        let isStdin = tablePath == "-"
        if !isStdin {
            let beside = DescriptionFiles.join(DescriptionFiles.folder(of: tablePath), descriptionName(forTable: tablePath))
            if exists(beside) { return beside }
            searched.append(beside)
        }
        let start = isStdin ? "." : DescriptionFiles.folder(of: tablePath)
        let isRelative = !start.hasPrefix("/")
        var folder = DescriptionFiles.absolute(start, base: currentDirectory)
        while true {
            let candidate = DescriptionFiles.join(folder, sharedName)
            let shown = isRelative ? DescriptionFiles.relative(candidate, to: currentDirectory) : candidate
            if DescriptionFiles.isFile(candidate) { return shown }
            searched.append(shown)
            guard folder != "/" else { break }
            folder = DescriptionFiles.folder(of: folder)
        }
        throw .descriptionNotFound(table: isStdin ? "<stdin>" : tablePath, searched: searched)
    }

    /// `counts.csv` → `counts.deid.yaml`: the table's file name with its last extension replaced.
    public static func descriptionName(forTable tablePath: String) -> String {
        let name = tablePath.split(separator: "/").last.map(String.init) ?? tablePath
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name + suffix }
        return String(name[..<dot]) + suffix
    }

    /// `data/counts.csv` → `data/counts.deid.yaml`: where `deid init` writes, and `check` first looks.
    public static func defaultDescriptionPath(forTable tablePath: String) -> String {
        guard let slash = tablePath.lastIndex(of: "/") else { return descriptionName(forTable: tablePath) }
        return String(tablePath[...slash]) + descriptionName(forTable: tablePath)
    }
}
