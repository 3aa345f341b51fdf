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

extension CSVText {
    /// RFC 4180 records with quoted fields (`"a, ""b"""`), for files deid writes with quotes (the data
    /// dictionary); records are separated by LF only.
    static func quotedRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = text.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c != "\"" { field.append(c); continue }
                guard let next = characters.next() else { quoted = false; break }
                if next == "\"" { field.append("\""); continue }
                quoted = false
                if next == "," { row.append(field); field = "" } else if next == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
