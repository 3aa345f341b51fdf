import DeidCore

/// Writes a findings report atomically, like the release files.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(destination: path)
        try file.write(Array(text.utf8))
        try file.commit()
    }
}
