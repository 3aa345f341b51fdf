import DeidSupport

/// Everything that can go wrong while reading a table. Messages are written for the statisticians who run deid:
/// they say where, what and how to fix it, and never quote a data value (cells can hold confidential counts);
/// only header names, which are not data, may appear.
public enum ReadError: DiagnosticError, Equatable {
    // Opening and reading the input. The path is in the message, so `location` is nil.
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case permissionDenied(path: String)
    case cannotOpen(path: String, reason: String)
    case readFailed(file: String, reason: String)
    /// A file could not be read back to record its SHA-256 in the report.
    case cannotHash(file: String, reason: String)
    /// The temporary copy of an input that cannot be read twice (standard input, a pipe) could not be made.
    case cannotCopy(file: String, folder: String, reason: String)
    /// A `CSVReader` parses its input once; a second `read` is a programming error.
    case alreadyRead(file: String)

    // Header problems.
    case emptyInput(file: String)
    /// `column` is the 1-based position in the header.
    case emptyColumnName(SourceLocation, column: Int)
    case duplicateColumnName(SourceLocation, name: String, column: Int, firstColumn: Int)

    // Record structure. `found` is a lower bound when `atLeast` (the reader stops early on long records).
    case fieldCountMismatch(SourceLocation, found: Int, atLeast: Bool, header: [String])

    // Quoting, as reported by libcsv's strict mode.
    case strayQuote(SourceLocation)
    case spaceBeforeQuote(SourceLocation)
    case textAfterClosingQuote(SourceLocation, isSpace: Bool)
    /// The input ended inside a quoted field; the location is where that field starts.
    case unterminatedQuote(SourceLocation)

    // Limits that keep a malformed file from filling memory.
    case fieldTooLong(SourceLocation, limit: Int, quoted: Bool)
    case recordTooLong(SourceLocation, limit: Int)

    case invalidUTF8(SourceLocation)
    /// A NUL byte: the file is binary or UTF-16, not UTF-8 text.
    case nulByte(SourceLocation)
    /// libcsv itself failed (out of memory); `reason` is `csv_strerror`'s text.
    case parserFailure(SourceLocation, reason: String)

    public var location: SourceLocation? {
        switch self {
        case .fileNotFound, .isDirectory, .permissionDenied, .cannotOpen, .readFailed, .cannotHash, .cannotCopy, .alreadyRead:
            return nil
        case .emptyInput(let file):
            return SourceLocation(file: file)
        case .emptyColumnName(let l, _), .duplicateColumnName(let l, _, _, _), .fieldCountMismatch(let l, _, _, _),
            .strayQuote(let l), .spaceBeforeQuote(let l), .textAfterClosingQuote(let l, _),
            .unterminatedQuote(let l), .fieldTooLong(let l, _, _), .recordTooLong(let l, _), .invalidUTF8(let l), .nulByte(let l),
            .parserFailure(let l, _):
            return l
        }
    }

    public var message: String {
        switch self {
        case .fileNotFound(let path):
            return
                "cannot open '\(path)': no such file; check the path (a relative path starts from the current directory)"
        case .isDirectory(let path):
            return "'\(path)' is a directory, not a CSV file; give the path of a file inside it"
        case .permissionDenied(let path):
            return "cannot open '\(path)': permission denied; check the file's read permission (ls -l '\(path)')"
        case .cannotOpen(let path, let reason):
            return "cannot open '\(path)': \(reason)"
        case .readFailed(let file, let reason):
            return "reading '\(file)' failed: \(reason)"
        case .cannotHash(let file, let reason):
            return "cannot read '\(file)' back to record its SHA-256 in the report: \(reason)"
        case .cannotCopy(let file, let folder, let reason):
            return "cannot keep a copy of '\(file)' in \(folder): \(reason); deid reads a pipe or standard input "
                + "through a temporary copy: set TMPDIR to a folder with room, or give the table as a file"
        case .alreadyRead(let file):
            return "'\(file)' has already been read; a CSVReader reads its input only once"
        case .emptyInput:
            return "the file is empty; deid needs a header row that names the columns"
        case .emptyColumnName(_, let column):
            return "column \(column) of the header has no name; give every column a unique name"
        case .duplicateColumnName(_, let name, let column, let first):
            return "column \(column) of the header repeats the name '\(Printable.excerpt(name))' of column \(first); "
                + "give every column a unique name"
        case .fieldCountMismatch(let l, let found, let atLeast, let header):
            let count = atLeast ? "more than \(header.count) fields" : found == 1 ? "1 field" : "\(found) fields"
            let hint =
                found > header.count
                ? "; a value that contains the delimiter or a line break must be enclosed in double quotes" : ""
            return "\(Self.record(l)) has \(count) but the header has \(header.count) "
                + "(\(Self.nameList(header)))\(hint)\(HeaderSummary(header).hints)"
        case .strayQuote(let l):
            return "unexpected '\"' inside an unquoted value in \(Self.record(l)); enclose the whole value in "
                + "double quotes and double each '\"' inside it (\"\")"
        case .spaceBeforeQuote(let l):
            return "space before an opening '\"' in \(Self.record(l)); remove the space, or put it inside the quotes"
        case .textAfterClosingQuote(let l, let isSpace):
            if isSpace {
                return "space after a closing '\"' in \(Self.record(l)); remove it, or put it inside the quotes"
            }
            return "unexpected character after a closing '\"' in \(Self.record(l)); a '\"' inside a quoted value "
                + "must be doubled (\"\")"
        case .unterminatedQuote(let l):
            return "unterminated quoted field starting at \(Self.record(l))\(Self.position(l)); check for a stray '\"'"
        case .fieldTooLong(let l, let limit, let quoted):
            if quoted {
                return "unterminated quoted field starting at \(Self.record(l))\(Self.position(l)): it runs on for "
                    + "more than \(Self.size(limit)); check for a stray '\"'"
            }
            return "a value in \(Self.record(l)) is longer than \(Self.size(limit)); is the delimiter right?"
        case .recordTooLong(let l, let limit):
            return "\(Self.record(l)) is longer than \(Self.size(limit)); is this a CSV file with the right "
                + "delimiter and line ends?"
        case .invalidUTF8(let l):
            return "invalid UTF-8 at line \(l.line ?? 0), column \(l.column ?? 0): deid reads UTF-8 only; re-export "
                + "the file as UTF-8 (e.g. from Latin-1 with iconv -f latin1 -t utf-8)"
        case .nulByte:
            return "a NUL byte: deid reads UTF-8 text, and this file is binary or UTF-16; re-export it as UTF-8 CSV "
                + "(e.g. with iconv -f utf-16 -t utf-8)"
        case .parserFailure(let l, let reason):
            return "the CSV parser failed in \(Self.record(l)): \(reason)"
        }
    }

    private static func record(_ l: SourceLocation) -> String {
        l.record.map { "record \($0)" } ?? "the record"
    }

    private static func position(_ l: SourceLocation) -> String {
        guard let line = l.line, let column = l.column else { return "" }
        return " (line \(line), column \(column))"
    }

    /// Header names are not data, so they may be printed; a very wide header is cut short.
    private static func nameList(_ names: [String]) -> String {
        HeaderSummary(names).names
    }

    private static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
