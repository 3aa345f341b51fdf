import DeidSupport

/// One record, as a view into the reader's arena. It is valid only during the `row` callback that receives it:
/// the next record reuses the memory. Copy out what must outlive the call (`string(_:)`, an interned id, a
/// parsed number). Field bytes are unescaped (no surrounding quotes, `""` already `"`) and valid UTF-8.
public struct CSVRow {
    let arena: UnsafePointer<UInt8>
    let spans: UnsafePointer<CSVFieldSpan>
    let quote: UInt8
    /// Physical line and column where the record starts.
    let startLine: Int
    let startColumn: Int

    /// Borrowed, not retained: a row view lives only inside the reader's callback, while the reader keeps the
    /// name alive. This keeps the view free of reference counting (one retain/release less per record).
    unowned(unsafe) let name: CSVDisplayName

    /// The display name of the input.
    public var file: String { name.text }
    /// 1-based record number; the header is record 1.
    public let record: Int
    /// Number of fields.
    public let count: Int
    /// The id under which the reader remembers this record's line (`CSVReader.read(header:row:repeated:)`);
    /// a later line with the same bytes is reported by this id instead of being parsed. -1: not remembered.
    public let lineMemo: Int32

    init(
        arena: UnsafePointer<UInt8>, spans: UnsafePointer<CSVFieldSpan>, count: Int, quote: UInt8,
        name: CSVDisplayName, record: Int, line: Int, column: Int, lineMemo: Int32 = -1
    ) {
        self.lineMemo = lineMemo
        self.arena = arena
        self.spans = spans
        self.count = count
        self.quote = quote
        self.name = name
        self.record = record
        self.startLine = line
        self.startColumn = column
    }

    /// 1-based physical line where the record starts (differs from `record` after quoted line breaks and
    /// skipped blank lines).
    public var line: Int { startLine }

    /// The bytes of field `field` (0-based).
    @inline(__always)
    public subscript(field: Int) -> UnsafeRawBufferPointer {
        precondition(field >= 0 && field < count, "field index out of range")
        let span = spans[field]
        return UnsafeRawBufferPointer(start: arena + span.offset, count: span.length)
    }

    /// The field as a String. Costs an allocation for longer values; avoid it on hot paths.
    public func string(_ field: Int) -> String {
        String(decoding: self[field], as: UTF8.self)
    }

    @inline(__always)
    public func isEmpty(_ field: Int) -> Bool {
        precondition(field >= 0 && field < count, "field index out of range")
        return spans[field].length == 0
    }

    /// Whether the field was enclosed in quotes in the file; `""` (quoted, empty) can thus be told from a
    /// missing value.
    public func isQuoted(_ field: Int) -> Bool {
        precondition(field >= 0 && field < count, "field index out of range")
        return spans[field].quoted
    }

    /// File, record, line and column (in Unicode scalars) where field `field` starts in the file. Computed on
    /// demand from the stored bytes, so it costs nothing until a diagnostic needs it.
    public func location(ofField field: Int) -> SourceLocation {
        precondition(field >= 0 && field < count, "field index out of range")
        let (line, column) = CSVRow.walk(
            spans: spans, fields: field, arena: arena, quote: quote, line: startLine, column: startColumn,
            trailingDelimiter: true)
        return SourceLocation(file: file, line: line, column: column, record: record)
    }

    /// Follows `fields` raw fields from a record's start: quotes and doubled quotes count as scalars, a line feed
    /// inside a quoted value starts a new line. With `trailingDelimiter` false, the result is the position right
    /// after the last field (where a missing field would have started).
    static func walk(
        spans: UnsafePointer<CSVFieldSpan>, fields: Int, arena: UnsafePointer<UInt8>, quote: UInt8, line: Int,
        column: Int, trailingDelimiter: Bool
    ) -> (line: Int, column: Int) {
        var line = line
        var column = column
        for j in 0..<fields {
            let span = spans[j]
            if span.quoted { column += 1 }
            let bytes = arena + span.offset
            for k in 0..<span.length {
                let b = bytes[k]
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += (span.quoted && b == quote) ? 2 : 1
                }
            }
            if span.quoted { column += 1 }
            if trailingDelimiter || j < fields - 1 { column += 1 }
        }
        return (line, column)
    }
}

/// The input's display name in a box that row views can point to without reference counting.
final class CSVDisplayName {
    let text: String
    init(_ text: String) { self.text = text }
}
