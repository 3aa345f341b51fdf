import CLibCSV
import DeidSupport

/// The checks on a record still being read, and the errors a read can stop with, each located at the record,
/// line and column where it arises.
extension ReadSession {
    // MARK: Checks on a record that has not ended yet

    /// The surplus-field check waits for a line end so that its outcome does not depend on where read buffers
    /// happen to split a line; a record that ends on the same line gets the exact count instead.
    func checkRecordInProgress(end: Int, endsLine: Bool) throws(ReadError) {
        let s = state.pointee
        if endsLine, headerCount >= 0, s.rowFieldCount > headerCount { throw surplusFieldInProgress() }
        if parser.pointee.entry_pos > options.maxFieldBytes {
            throw .fieldTooLong(
                fieldInProgressLocation(), limit: options.maxFieldBytes, quoted: parser.pointee.quoted != 0)
        }
        if end - s.recordStartOffset > options.maxRecordBytes {
            throw .recordTooLong(
                SourceLocation(
                    file: file, line: s.recordStartLine, column: s.recordStartColumn, record: s.recordsCompleted + 1),
                limit: options.maxRecordBytes)
        }
    }

    /// The record in progress has more fields than the header: the error points at the first surplus field.
    func surplusFieldInProgress() -> ReadError {
        let s = state.pointee
        let (line, column) = CSVRow.walk(
            spans: s.fields + s.rowFirstField, fields: headerCount, arena: s.arena, quote: s.quote,
            line: s.recordStartLine, column: s.recordStartColumn, trailingDelimiter: true)
        return .fieldCountMismatch(
            SourceLocation(file: file, line: line, column: column, record: s.recordsCompleted + 1),
            found: s.rowFieldCount, atLeast: true, header: headerNames)
    }

    /// Where the field libcsv is still collecting starts: after the stored fields of the record in progress.
    func fieldInProgressLocation() -> SourceLocation {
        let s = state.pointee
        let (line, column) = CSVRow.walk(
            spans: s.fields + s.rowFirstField, fields: s.fieldsUsed - s.rowFirstField, arena: s.arena,
            quote: s.quote, line: s.recordStartLine, column: s.recordStartColumn, trailingDelimiter: true)
        return SourceLocation(file: file, line: line, column: column, record: s.recordsCompleted + 1)
    }

    // MARK: Errors

    func fieldCountError(_ mark: CSVRowMark) -> ReadError {
        let s = state.pointee
        // Too many: point at the first surplus field. Too few: point just past the last field.
        let tooMany = mark.fieldCount > headerCount
        let (line, column) = CSVRow.walk(
            spans: s.fields + mark.firstField, fields: tooMany ? headerCount : mark.fieldCount, arena: s.arena,
            quote: s.quote, line: mark.line, column: mark.column, trailingDelimiter: tooMany)
        return .fieldCountMismatch(
            SourceLocation(file: file, line: line, column: column, record: mark.record), found: mark.fieldCount,
            atLeast: false, header: headerNames)
    }

    func parseError(code: Int32, pieceIndex: Int) -> ReadError {
        let s = state.pointee
        let location = SourceLocation(
            file: file, line: s.line, column: s.column(ofPieceIndex: pieceIndex), record: s.recordsCompleted + 1)
        guard code == CSV_EPARSE, let piece = s.piece else {
            return .parserFailure(location, reason: String(cString: csv_strerror(code)))
        }
        let byte = piece[pieceIndex]
        let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        switch parser.pointee.pstate {
        case 3:  // FIELD_MIGHT_HAVE_ENDED: a quoted field closed, then something other than a delimiter
            return .textAfterClosingQuote(location, isSpace: isSpace)
        case 2 where parser.pointee.quoted == 0:  // FIELD_BEGUN, unquoted: a quote in the middle of a value
            let p = parser.pointee
            var onlySpaces = p.entry_pos > 0
            for i in 0..<p.entry_pos where p.entry_buf[i] != 0x20 && p.entry_buf[i] != 0x09 { onlySpaces = false }
            return onlySpaces ? .spaceBeforeQuote(location) : .strayQuote(location)
        default:
            return .parserFailure(location, reason: String(cString: csv_strerror(code)))
        }
    }

    /// `offset` is the lead byte of the bad character. Everything before it has been fed, so the state's line
    /// and scalar count describe the position right before it, unless the character began in the previous
    /// buffer, in which case its lead byte is the last scalar already counted.
    func invalidUTF8(at offset: Int, chunkOffset: Int) -> ReadError {
        let s = state.pointee
        let column = offset < chunkOffset ? max(s.scalarsBeforePiece, 1) : s.scalarsBeforePiece + 1
        return .invalidUTF8(SourceLocation(file: file, line: s.line, column: column, record: s.recordsCompleted + 1))
    }

    /// Everything before the NUL byte has been fed, so the state's line and scalar count end right before it.
    func nulByte() -> ReadError {
        let s = state.pointee
        return .nulByte(SourceLocation(file: file, line: s.line, column: s.scalarsBeforePiece + 1, record: s.recordsCompleted + 1))
    }

    func oversized(_ field: CSVOversizedField) -> ReadError {
        .fieldTooLong(
            SourceLocation(file: file, line: field.line, column: field.column, record: field.record),
            limit: options.maxFieldBytes, quoted: field.quoted)
    }

    func recordTooLong(_ mark: CSVRowMark) -> ReadError {
        .recordTooLong(
            SourceLocation(file: file, line: mark.line, column: mark.column, record: mark.record),
            limit: options.maxRecordBytes)
    }

    func outOfMemory() -> ReadError {
        let s = state.pointee
        return .parserFailure(
            SourceLocation(
                file: file, line: s.recordStartLine, column: s.recordStartColumn, record: s.recordsCompleted + 1),
            reason: "out of memory")
    }
}
