import CLibCSV

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One field of a row: where its bytes sit in the arena, and whether it was quoted in the file (needed to
/// reconstruct columns, since quotes and doubled quotes are gone from the stored bytes).
struct CSVFieldSpan {
    var offset: Int
    var length: Int
    var quoted: Bool
}

/// A completed record waiting in the arena to be handed to Swift.
struct CSVRowMark {
    var firstField: Int
    /// Fields actually stored; less than `fieldCount` only for a record with more fields than the header.
    var storedCount: Int
    var fieldCount: Int
    var record: Int
    var line: Int
    var column: Int
    /// Raw bytes from the record's first byte to its last (quotes and delimiters included, line end not).
    var rawLength: Int
}

/// The first field found longer than `CSVOptions.maxFieldBytes`, noted by the callback for Swift to report.
struct CSVOversizedField {
    var record: Int
    var line: Int
    var column: Int
    var quoted: Bool
}

/// Everything the libcsv callbacks touch, in one plain struct reached through `void *data`. It is allocated
/// with `UnsafeMutablePointer`, so the callbacks pay no exclusivity checks, no ARC and no actor-isolation
/// checks. The callbacks only copy bytes and record positions; all Swift-level work
/// (header checks, field counts, the user's closures) happens after `csv_parse` returns.
struct CSVParseState {
    // Field bytes of completed-but-undelivered rows and of the row in progress. Grows, never shrinks.
    var arena: UnsafeMutablePointer<UInt8>
    var arenaCapacity: Int
    var arenaUsed = 0
    var fields: UnsafeMutablePointer<CSVFieldSpan>
    var fieldCapacity: Int
    var fieldsUsed = 0
    var rows: UnsafeMutablePointer<CSVRowMark>
    var rowCapacity: Int
    var rowsUsed = 0
    /// Set when a buffer would have to grow beyond any sane size inside a callback (which cannot throw).
    var outOfMemory = false

    // The record in progress.
    var rowFirstField = 0
    var rowFieldCount = 0
    /// At most this many fields of a record are stored: the header's count + 1 once it is known, which is
    /// enough to locate the first surplus field and keeps a ragged record from filling memory.
    var rowFieldLimit = Int.max
    let maxFieldBytes: Int
    var oversizedField: CSVOversizedField?
    /// The parser, read (never written) by the field callback to see how large libcsv's entry buffer is.
    var parser: UnsafeMutablePointer<csv_parser>?
    var recordStartOffset = 0
    var recordStartLine = 1
    var recordStartColumn = 1
    var recordsCompleted = 0

    // The piece of input (at most one physical line) that `csv_parse` is working on.
    let quote: UInt8
    var piece: UnsafePointer<UInt8>?
    var pieceOffset = 0
    var pieceCount = 0
    /// 1-based physical line of the piece, and the Unicode scalars that precede the piece on that line (non-zero
    /// only when a line is split across read buffers).
    var line = 1
    var scalarsBeforePiece = 0

    // Where the next field starts in the raw input. libcsv does not say whether a field was quoted (its
    // `quoted` member is only written back when `csv_parse` returns, so it is stale inside the callback), so the
    // reader follows the raw bytes instead: a field is quoted iff its first raw byte is a quote, and its raw
    // length is content + 2 + one per embedded quote. This is exact because libcsv never trims: lines that have
    // a blank where trimming could happen are parsed with the "nothing is a space" function (see SpaceScan.swift).
    var fieldStart = 0
    var fieldStartKnown = false
    var fieldQuoted = false
    var atRecordStart = true

    init(quote: UInt8, maxFieldBytes: Int) {
        self.quote = quote
        self.maxFieldBytes = maxFieldBytes
        arenaCapacity = 64 << 10
        arena = .allocate(capacity: arenaCapacity)
        fieldCapacity = 256
        fields = .allocate(capacity: fieldCapacity)
        rowCapacity = 16
        rows = .allocate(capacity: rowCapacity)
    }

    func deallocate() {
        arena.deallocate()
        fields.deallocate()
        rows.deallocate()
    }

    /// Points the state at the next piece of input before it goes to `csv_parse`.
    @inline(__always)
    mutating func setPiece(_ bytes: UnsafePointer<UInt8>?, count: Int, offset: Int) {
        piece = bytes
        pieceCount = count
        pieceOffset = offset
    }

    /// Finds the first raw byte of the next field if it lies in the current piece. At a record start, line
    /// ends left over from the previous record (the LF of a CRLF, blank lines) are skipped, as libcsv does.
    /// The common cases (a field after a delimiter, a record at the start of its line) stay inline.
    @inline(__always)
    mutating func resolveFieldStart() {
        if fieldStartKnown { return }
        let i = fieldStart &- pieceOffset
        // The usual end of a line: the next field starts in the next piece.
        if i == pieceCount { return }
        if let piece, i >= 0, i < pieceCount {
            let byte = piece[i]
            if !atRecordStart {
                fieldQuoted = byte == quote
                fieldStartKnown = true
                return
            }
            if i == 0, byte != 0x0A, byte != 0x0D {
                fieldQuoted = byte == quote
                fieldStartKnown = true
                recordStartOffset = fieldStart
                recordStartLine = line
                recordStartColumn = scalarsBeforePiece &+ 1
                return
            }
        }
        resolveFieldStartSlowly()
    }

    /// Whether the field libcsv is submitting was quoted; the hot path of `addField`. A field after a
    /// delimiter on the same piece is decided by one byte, without storing the intermediate state.
    @inline(__always)
    private mutating func submittedFieldIsQuoted() -> Bool {
        if fieldStartKnown { return fieldQuoted }
        let i = fieldStart &- pieceOffset
        if !atRecordStart, let piece, i >= 0, i < pieceCount { return piece[i] == quote }
        resolveFieldStart()
        return fieldStartKnown && fieldQuoted
    }

    @inline(never)
    private mutating func resolveFieldStartSlowly() {
        guard let piece else { return }
        var i = max(fieldStart - pieceOffset, 0)
        if atRecordStart {
            while i < pieceCount, piece[i] == 0x0A || piece[i] == 0x0D { i += 1 }
        }
        guard i < pieceCount else {
            fieldStart = pieceOffset + pieceCount
            return
        }
        fieldStart = pieceOffset + i
        fieldStartKnown = true
        fieldQuoted = piece[i] == quote
        if atRecordStart {
            recordStartOffset = fieldStart
            recordStartLine = line
            recordStartColumn = column(ofPieceIndex: i)
        }
    }

    /// 1-based column, in Unicode scalars, of byte `i` of the current piece.
    func column(ofPieceIndex i: Int) -> Int {
        guard let piece else { return scalarsBeforePiece + 1 }
        return scalarsBeforePiece + countScalars(piece, i) + 1
    }

    /// Called by libcsv for each field: copy the bytes, note the span, advance the raw cursor.
    @inline(__always)
    mutating func addField(_ data: UnsafeRawPointer?, _ length: Int) {
        let quoted = submittedFieldIsQuoted()
        if length > maxFieldBytes, oversizedField == nil { noteOversizedField(quoted: quoted) }
        if rowFieldCount < rowFieldLimit {
            // 16 bytes of slack at the end of the arena for the fixed-size copy below.
            if arenaUsed &+ length &+ 16 > arenaCapacity || fieldsUsed == fieldCapacity {
                if !reserve(bytes: length &+ 16) { return }
            }
            let target = UnsafeMutableRawPointer(arena + arenaUsed)
            if let data {
                if length <= 16, let parser, parser.pointee.entry_size >= 16 {
                    // Most cells are short. libcsv always hands over the start of its entry buffer, which
                    // holds at least 16 bytes, so copy a fixed 16 and count only `length`: no call, no loop.
                    target.storeBytes(of: data.loadUnaligned(as: UInt64.self), as: UInt64.self)
                    target.storeBytes(
                        of: data.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
                } else {
                    target.copyMemory(from: data, byteCount: length)
                }
            }
            fields[fieldsUsed] = CSVFieldSpan(offset: arenaUsed, length: length, quoted: quoted)
            fieldsUsed &+= 1
            arenaUsed &+= length
        }
        rowFieldCount &+= 1
        var raw = length
        if quoted { raw = rawLengthOfQuotedField(data, length, quote: quote) }
        fieldStart = fieldStart &+ raw &+ 1  // + the delimiter or line end that follows
        fieldStartKnown = false
        atRecordStart = false
    }

    /// Where the field being added starts: after this record's stored fields. Rare, so not inlined.
    @inline(never)
    private mutating func noteOversizedField(quoted: Bool) {
        let (line, column) = CSVRow.walk(
            spans: fields + rowFirstField, fields: fieldsUsed - rowFirstField, arena: arena, quote: quote,
            line: recordStartLine, column: recordStartColumn, trailingDelimiter: true)
        oversizedField = CSVOversizedField(record: recordsCompleted + 1, line: line, column: column, quoted: quoted)
    }

    /// Accounts for a line of one whole record that was not parsed (a repeat, see `LineMemo`): one more
    /// record, and the next field starts after the line.
    mutating func skipRepeatedLine(offset: Int, count: Int) {
        recordsCompleted &+= 1
        fieldStart = offset &+ count
        fieldStartKnown = false
        atRecordStart = true
    }

    /// Called by libcsv at the end of each record.
    @inline(__always)
    mutating func endRecord() {
        if rowsUsed == rowCapacity, !growRows() { return }
        recordsCompleted &+= 1
        rows[rowsUsed] = CSVRowMark(
            firstField: rowFirstField, storedCount: fieldsUsed - rowFirstField, fieldCount: rowFieldCount,
            record: recordsCompleted, line: recordStartLine, column: recordStartColumn,
            rawLength: fieldStart - 1 - recordStartOffset)
        rowsUsed &+= 1
        rowFirstField = fieldsUsed
        rowFieldCount = 0
        atRecordStart = true
        fieldStartKnown = false
    }

    /// Makes room for one more field of `bytes` bytes. Rare, so out of line.
    @inline(never)
    private mutating func reserve(bytes: Int) -> Bool {
        if arenaUsed + bytes > arenaCapacity {
            var capacity = arenaCapacity * 2
            while arenaUsed + bytes > capacity { capacity *= 2 }
            guard let grown = grow(arena, from: arenaUsed, to: capacity) else {
                outOfMemory = true
                return false
            }
            arena = grown
            arenaCapacity = capacity
        }
        if fieldsUsed == fieldCapacity {
            guard let grown = grow(fields, from: fieldsUsed, to: fieldCapacity * 2) else {
                outOfMemory = true
                return false
            }
            fields = grown
            fieldCapacity *= 2
        }
        return true
    }

    @inline(never)
    private mutating func growRows() -> Bool {
        guard let grown = grow(rows, from: rowCapacity, to: rowCapacity * 2) else {
            outOfMemory = true
            return false
        }
        rows = grown
        rowCapacity *= 2
        return true
    }

    /// Drops delivered rows, moving the record in progress (if it has stored fields) to the front.
    @inline(__always)
    mutating func discardCompletedRows() {
        rowsUsed = 0
        if fieldsUsed == rowFirstField {
            arenaUsed = 0
            fieldsUsed = 0
            rowFirstField = 0
        } else {
            keepRecordInProgress()
        }
    }

    @inline(never)
    private mutating func keepRecordInProgress() {
        let keep = fieldsUsed - rowFirstField
        // Rare: a record whose quoted field spans lines, completed rows before it on the same line (bare CR).
        let byteStart = fields[rowFirstField].offset
        let byteCount = arenaUsed - byteStart
        if byteStart > 0 { memmove(arena, arena + byteStart, byteCount) }
        for i in 0..<keep {
            var span = fields[rowFirstField + i]
            span.offset -= byteStart
            fields[i] = span
        }
        arenaUsed = byteCount
        fieldsUsed = keep
        rowFirstField = 0
    }
}

/// A quoted field's raw length: content + the two quotes + one more per embedded (doubled) quote. A free
/// function, so the call does not copy the parse state.
@inline(never)
private func rawLengthOfQuotedField(_ data: UnsafeRawPointer?, _ length: Int, quote: UInt8) -> Int {
    guard length > 0, let data else { return 2 }
    return length + 2 + countByte(quote, in: data, length)
}

/// A copy into a larger allocation (Swift's allocator has no realloc for typed pointers).
private func grow<T>(_ old: UnsafeMutablePointer<T>, from used: Int, to capacity: Int) -> UnsafeMutablePointer<T>? {
    guard capacity > 0, capacity < Int.max / MemoryLayout<T>.stride else { return nil }
    let new = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    new.moveInitialize(from: old, count: used)
    old.deallocate()
    return new
}

/// Unicode scalars in the first `count` bytes of valid UTF-8: every byte that is not a continuation byte.
func countScalars(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    var n = 0
    for i in 0..<count where bytes[i] & 0xC0 != 0x80 { n += 1 }
    return n
}

/// Occurrences of `byte`, found with memchr.
@inline(__always)
func countByte(_ byte: UInt8, in data: UnsafeRawPointer, _ length: Int) -> Int {
    var n = 0
    var p = data
    var remaining = length
    while remaining > 0, let hit = memchr(p, Int32(byte), remaining) {
        n += 1
        let next = UnsafeRawPointer(hit) + 1
        let consumed = next - p
        p = next
        remaining -= consumed
    }
    return n
}
