/// Where in an input file something happened. CSV errors carry the record number as well as the
/// physical line, because a quoted newline makes the two differ.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based physical line, counted by line feeds.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int?
    /// 1-based CSV record number; the header is record 1.
    public var record: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, record: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.record = record
    }

    /// `file:line:column`, the prefix editors and CI annotations understand.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
