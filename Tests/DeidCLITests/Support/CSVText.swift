/// A deliberately simple CSV splitter for the tables these tests write and deid releases: fields without
/// quotes. It refuses a quote instead of guessing, so a test cannot silently misread a field.
enum CSVText {
    struct QuotedField: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return try lines.map { line in
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if line.contains("\"") { throw QuotedField() }
            return line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
