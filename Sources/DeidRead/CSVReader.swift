import CLibCSV
import Crypto
import DeidSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a CSV table through libcsv in strict RFC 4180 mode, with the checks libcsv leaves to its caller:
/// UTF-8 validity, a BOM, equal field counts, header names, field and record size limits, and file/line/column
/// for every error. Memory stays bounded by the read buffer plus one record.
///
/// How positions are known: each read buffer is cut at line feeds and fed to `csv_parse` one physical line at a
/// time, so the current line is always known; a strict-mode error's byte is `csv_parse`'s short return; field
/// columns are rebuilt on demand from the stored bytes and each field's quoted flag (see `CSVParseState`).
public final class CSVReader {
    public let displayName: String
    public let options: CSVOptions
    /// Bytes read from the input so far, a BOM included.
    public private(set) var bytesRead = 0
    /// Records delivered so far, the header included.
    public private(set) var recordsRead = 0
    /// Lowercase hex SHA-256 of every byte read, once `read` has finished, when `options.computeDigest` is set.
    public private(set) var sha256Hex: String?
    /// The physical line after the last one read (1 + the line feeds seen).
    package private(set) var nextLine = 1

    private let input: InputFile
    private var consumed = false
    /// Set when this reader reads one segment of a file rather than all of it (see `CSVSegments`).
    private let segment: CSVSegment?

    /// Opens the input. File problems (missing, a directory, no permission) throw here, before any parsing.
    public init(source: InputSource, displayName: String? = nil, options: CSVOptions = CSVOptions()) throws(ReadError) {
        let name = displayName ?? source.defaultDisplayName
        self.displayName = name
        self.options = options
        self.input = try InputFile(source: source, displayName: name)
        self.segment = nil
    }

    /// A reader of one segment of a regular file: bytes `segment.start ..< segment.end`, which begin at a record
    /// boundary, numbered from `segment.firstLine`, with the header already known (it is not in the segment
    /// unless the segment starts at 0). Record numbers count from the segment's start.
    package init(path: String, displayName: String, options: CSVOptions, segment: CSVSegment) throws(ReadError) {
        self.displayName = displayName
        self.options = options
        self.input = try InputFile(source: .file(path), displayName: displayName)
        self.segment = segment
    }

    /// The input's size when it is a regular file.
    package var regularFileSize: Int? { input.regularFileSize() }

    /// Parses the whole input once. `header` gets record 1's fields; `row` is called once per later record with
    /// a view that is valid only during the call. Every record must have as many fields as the header.
    /// Errors thrown by the closures propagate unchanged; parse problems throw `ReadError`.
    public func read(header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void) throws {
        try read(header: header, row: row, repeatedLine: nil)
    }

    func read(
        header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void,
        repeatedLine: ((Int32, Int) throws -> Void)?, ignoringFirstField: Bool = false
    ) throws {
        if consumed { throw ReadError.alreadyRead(file: displayName) }
        consumed = true
        let delimiter = options.delimiter
        precondition(
            delimiter != UInt8(ascii: "\"") && delimiter != 0x0A && delimiter != 0x0D,
            "the CSV delimiter cannot be a quote or a line end")

        var session = try ReadSession(options: options, file: displayName)
        session.repeated = repeatedLine
        session.memo = repeatedLine == nil ? nil : LineMemo()
        session.memoIgnoresFirstField = ignoringFirstField
        defer {
            bytesRead = session.bytesRead
            recordsRead = session.recordsRead
            nextLine = session.state.pointee.line
            session.close()
        }
        try session.run(input: input, segment: segment, header: header, row: row)
        sha256Hex = session.digestHex()
    }
}

/// The mutable work of one `read` call, kept out of the class so the hot loop touches locals and raw pointers
/// only (no class-property exclusivity checks).
struct ReadSession {
    let file: String
    /// Owned here for the whole read; row views refer to it unretained.
    let name: CSVDisplayName
    let options: CSVOptions
    let bufferSize: Int
    let buffer: UnsafeMutablePointer<UInt8>
    let parser: UnsafeMutablePointer<csv_parser>
    let state: UnsafeMutablePointer<CSVParseState>
    var validator = UTF8StreamValidator()
    var spaceFunctionInstalled = true
    var hasher: SHA256?
    /// -1 until record 1 has been read.
    var headerCount = -1
    var headerNames: [String] = []
    var bytesRead = 0
    var recordsRead: Int { state.pointee.recordsCompleted }
    /// Lines read as whole records, when the consumer takes repeats (`CSVReader.read(header:row:repeated:)`).
    var memo: LineMemo?
    var repeated: ((Int32, Int) throws -> Void)?
    /// The memo id of the line whose row is being delivered, or -1.
    var deliveringMemo: Int32 = -1
    /// Lines are remembered by what follows their first field (`CSVReader.read(…ignoringFirstField:)`).
    var memoIgnoresFirstField = false

    init(options: CSVOptions, file: String) throws(ReadError) {
        self.file = file
        self.name = CSVDisplayName(file)
        self.options = options
        // At least 4 bytes so the BOM check sees a whole BOM; at most 1 GiB so offsets stay sane.
        bufferSize = min(max(options.bufferBytes, 4), 1 << 30)
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        guard csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            parser.deallocate()
            throw .parserFailure(SourceLocation(file: file), reason: "libcsv could not be initialised")
        }
        csv_set_space_func(parser, csvNothingIsSpace)
        csv_set_delim(parser, options.delimiter)
        csv_set_blk_size(parser, 4096)
        buffer = .allocate(capacity: bufferSize)
        state = .allocate(capacity: 1)
        state.initialize(to: CSVParseState(quote: UInt8(ascii: "\""), maxFieldBytes: options.maxFieldBytes))
        state.pointee.parser = parser
        if options.computeDigest { hasher = SHA256() }
    }

    /// After an error libcsv's state is not finalised: csv_fini would flush a half-parsed field as if it were
    /// good, so only csv_free is called.
    func close() {
        csv_free(parser)
        parser.deallocate()
        buffer.deallocate()
        state.pointee.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func digestHex() -> String? {
        guard let hasher else { return nil }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    mutating func run(
        input: borrowing InputFile, segment: CSVSegment?, header: ([String]) throws -> Void,
        row: (borrowing CSVRow) throws -> Void
    ) throws {
        var chunkOffset = 0  // absolute input offset of buffer[0]
        var first = true
        var remaining = Int.max
        if let segment, segment.start > 0 {
            // A later segment: no BOM, the header is known, positions continue from where the segment starts.
            try input.seek(to: segment.start)
            chunkOffset = segment.start
            first = false
            state.pointee.fieldStart = segment.start
            state.pointee.line = segment.firstLine
            headerCount = segment.header.count
            headerNames = segment.header
            state.pointee.rowFieldLimit = headerCount + 1
        }
        if let segment { remaining = segment.end - segment.start }
        // Bytes at the front of the buffer held back from the last read: a UTF-8 character it cut in two. They
        // reach libcsv only once the character is complete and valid, so that which error an invalid character
        // next to a quote gives does not depend on where a read ends.
        var carried = 0
        while true {
            var n = try input.read(into: buffer + carried, count: min(bufferSize - carried, remaining))
            remaining -= n
            if first {
                // A pipe may deliver fewer than 3 bytes at first; the BOM check needs them together.
                while n > 0, n < 3, remaining > 0 {
                    let more = try input.read(into: buffer + n, count: min(bufferSize - n, remaining))
                    if more == 0 { break }
                    n += more
                    remaining -= more
                }
            }
            if n == 0 { break }
            bytesRead += n
            hasher?.update(bufferPointer: UnsafeRawBufferPointer(start: buffer + carried, count: n))
            var start = 0
            if first {
                first = false
                if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    // libcsv would glue the BOM to the first column name. Columns count from after it.
                    start = 3
                    state.pointee.fieldStart = 3
                }
            }
            let fresh = carried + start
            let total = carried + n
            let bad = validator.validate(buffer + fresh, count: total - fresh, base: chunkOffset + fresh)
            var end = bad.map { max($0 - chunkOffset, start) } ?? (validator.incompleteCharacterStart.map { $0 - chunkOffset } ?? total)
            // A NUL byte is valid UTF-8 but no text table holds one (a UTF-16 export, a binary file); in a label
            // it would make two spellings look alike. memchr keeps the check off the per-byte path.
            let nul = memchr(buffer + start, 0, end - start).map { $0.assumingMemoryBound(to: UInt8.self) - buffer }
            if let nul { end = nul }
            try feed(from: start, to: end, chunkOffset: chunkOffset, header: header, row: row)
            if nul != nil { throw nulByte() }
            if let bad { throw invalidUTF8(at: bad, chunkOffset: chunkOffset) }
            carried = total - end
            if carried > 0 { memmove(buffer, buffer + end, carried) }
            chunkOffset += end
        }
        if let bad = validator.finish() { throw invalidUTF8(at: bad, chunkOffset: chunkOffset) }
        try finish(at: chunkOffset, header: header, row: row)
    }

    /// Installs or removes the "nothing is a space" function; see `firstSpaceNextToStructure` for why a line
    /// without blanks next to delimiters, quotes or line ends parses the same without it, only faster.
    private mutating func useSpaceFunction(_ needed: Bool) {
        if needed == spaceFunctionInstalled { return }
        csv_set_space_func(parser, needed ? csvNothingIsSpace : nil)
        spaceFunctionInstalled = needed
    }

    /// Feeds buffer[from..<to] to libcsv one physical line at a time.
    private mutating func feed(
        from: Int, to end: Int, chunkOffset: Int, header: ([String]) throws -> Void,
        row: (borrowing CSVRow) throws -> Void
    ) throws {
        let region = buffer + from
        let regionCount = end - from
        let delimiter = options.delimiter
        // Region index of the next blank that needs the space function (regionCount: none left).
        var blank = firstSpaceNextToStructure(region, from: 0, count: regionCount, delimiter: delimiter)
        var pos = from
        while pos < end {
            let start = buffer + pos
            let pieceEnd: Int
            let endsLine: Bool
            if let lf = memchr(start, 0x0A, end - pos) {
                pieceEnd = pos + (lf - UnsafeMutableRawPointer(start)) + 1
                endsLine = true
            } else {
                pieceEnd = end
                endsLine = false
            }
            let needsSpaceFunction = blank < pieceEnd - from
            useSpaceFunction(needsSpaceFunction || options.alwaysUseSpaceFunction)
            try parsePiece(
                start, count: pieceEnd - pos, offset: chunkOffset + pos, endsLine: endsLine, header: header, row: row)
            if needsSpaceFunction {
                blank = firstSpaceNextToStructure(
                    region, from: pieceEnd - from, count: regionCount, delimiter: delimiter)
            }
            pos = pieceEnd
        }
    }

    private mutating func parsePiece(
        _ piece: UnsafeMutablePointer<UInt8>, count: Int, offset: Int, endsLine: Bool,
        header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void
    ) throws {
        let key = endsLine ? memoKey(piece, count: count) : nil
        if let key, try takeRepeat(key, offset: offset, count: count) { return }
        state.pointee.setPiece(piece, count: count, offset: offset)
        let parsed = csv_parse(parser, piece, count, csvFieldCallback, csvRecordCallback, state)
        if parsed < count {
            // Read the status now: csv_fini would reset it. Rows that ended before the error are still good.
            let code = csv_error(parser)
            try deliverRows(header: header, row: row)
            throw parseError(code: code, pieceIndex: parsed)
        }
        state.pointee.resolveFieldStart()
        if let field = state.pointee.oversizedField { throw oversized(field) }
        // Remembered only when the line was exactly one record, begun at the line's start and ended at its end.
        if let key, state.pointee.rowsUsed == 1, parser.pointee.pstate == 0, state.pointee.rows[0].column == 1,
            state.pointee.rows[0].line == state.pointee.line
        {
            deliveringMemo = memo?.remember(key) ?? -1
        }
        defer { deliveringMemo = -1 }
        if state.pointee.rowsUsed > 0 { try deliverRows(header: header, row: row) }
        if state.pointee.outOfMemory { throw outOfMemory() }
        if parser.pointee.pstate != 0 { try checkRecordInProgress(end: offset + count, endsLine: endsLine) }
        if endsLine {
            state.pointee.line += 1
            state.pointee.scalarsBeforePiece = 0
        } else {
            state.pointee.scalarsBeforePiece += countScalars(piece, count)
        }
    }

    /// End of input: let libcsv submit a last record that has no line end, or report an open quote.
    private mutating func finish(
        at end: Int, header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void
    ) throws {
        state.pointee.setPiece(nil, count: 0, offset: end)
        if csv_fini(parser, csvFieldCallback, csvRecordCallback, state) != 0 {
            // A record with more fields than the header stores only the first surplus one, so the open quote's
            // position can be walked to only when the record is not too long; a surplus field comes first anyway.
            if headerCount >= 0, state.pointee.rowFieldCount > headerCount { throw surplusFieldInProgress() }
            throw ReadError.unterminatedQuote(fieldInProgressLocation())
        }
        if let field = state.pointee.oversizedField { throw oversized(field) }
        if state.pointee.outOfMemory { throw outOfMemory() }
        try deliverRows(header: header, row: row)
        if headerCount < 0 { throw ReadError.emptyInput(file: file) }
    }

    /// Hands completed records to Swift, once per record, outside the C callbacks.
    private mutating func deliverRows(header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void)
        throws
    {
        let s = state
        for r in 0..<s.pointee.rowsUsed {
            let mark = s.pointee.rows[r]
            if headerCount < 0 {
                if mark.rawLength > options.maxRecordBytes { throw recordTooLong(mark) }
                try takeHeader(mark, header)
                continue
            }
            if mark.rawLength > options.maxRecordBytes { throw recordTooLong(mark) }
            if mark.fieldCount != headerCount { throw fieldCountError(mark) }
            let view = CSVRow(
                arena: s.pointee.arena, spans: s.pointee.fields + mark.firstField, count: mark.fieldCount,
                quote: s.pointee.quote, name: name, record: mark.record, line: mark.line, column: mark.column,
                lineMemo: deliveringMemo)
            try row(view)
        }
        s.pointee.discardCompletedRows()
    }

    private mutating func takeHeader(_ mark: CSVRowMark, _ header: ([String]) throws -> Void) throws {
        let view = rowView(mark)
        var names: [String] = []
        names.reserveCapacity(mark.fieldCount)
        var firstUse: [String: Int] = [:]
        for i in 0..<mark.fieldCount {
            let name = view.string(i)
            if name.allSatisfy({ $0 == " " || $0 == "\t" }) {
                throw ReadError.emptyColumnName(view.location(ofField: i), column: i + 1)
            }
            if let first = firstUse[name] {
                throw ReadError.duplicateColumnName(
                    view.location(ofField: i), name: name, column: i + 1, firstColumn: first + 1)
            }
            firstUse[name] = i
            names.append(name)
        }
        headerCount = names.count
        headerNames = names
        // Later records store at most one surplus field: enough to point at it, too few to fill memory.
        state.pointee.rowFieldLimit = headerCount + 1
        try header(names)
    }

    private func rowView(_ mark: CSVRowMark) -> CSVRow {
        CSVRow(
            arena: state.pointee.arena, spans: state.pointee.fields + mark.firstField, count: mark.storedCount,
            quote: state.pointee.quote, name: name, record: mark.record, line: mark.line, column: mark.column)
    }
}

// MARK: - libcsv callbacks
// Non-capturing, nonisolated free functions in the library (never closures, never top-level main.swift code),
// so Swift hands them to C as plain function pointers with no per-call isolation check. State comes in through
// `context`, a pointer to a plain struct.

private func csvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: CSVParseState.self).pointee.addField(data, length)
}

private func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: CSVParseState.self).pointee.endRecord()
}

/// RFC 4180: spaces around unquoted values are data. libcsv trims them unless told that nothing is a space.
private func csvNothingIsSpace(_ byte: UInt8) -> Int32 { 0 }
