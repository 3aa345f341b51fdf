#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension CSVReader {
    /// `read`, remembering lines that hold one whole record (`LineMemo`): a line equal to one remembered is not
    /// parsed, and `repeated` gets the memo id the first occurrence's row carried (`CSVRow.lineMemo`) and the
    /// line number. The consumer must treat it exactly as that row again.
    ///
    /// With `ignoringFirstField`, for a consumer that never reads field 0 (a person identifier): a line is
    /// remembered by the bytes after its first field, when that field is unquoted (it then ends at the first
    /// delimiter and holds no quote or carriage return, so it cannot change how the rest parses), and a repeat
    /// is the same record except, possibly, field 0.
    public func read(
        header: ([String]) throws -> Void, row: (borrowing CSVRow) throws -> Void,
        repeated: (_ memo: Int32, _ line: Int) throws -> Void, ignoringFirstField: Bool = false
    ) throws {
        try withoutActuallyEscaping(repeated) { repeated in
            try read(header: header, row: row, repeatedLine: repeated, ignoringFirstField: ignoringFirstField)
        }
    }
}

extension ReadSession {
    /// The bytes a line at a record start is remembered by: all of it, or with `memoIgnoresFirstField` what
    /// follows its first field and delimiter. Nil when the first field cannot be set aside unparsed: quoted, holding a quote or a carriage
    /// return, longer than a field may be, or the line's only field; and for any line longer than a record may
    /// be (its first occurrence would have been refused).
    func memoKey(_ piece: UnsafeMutablePointer<UInt8>, count: Int) -> UnsafeRawBufferPointer? {
        // Only a line on its own, at a record start, can be a whole record.
        guard memo?.enabled == true, headerCount >= 0, parser.pointee.pstate == 0, state.pointee.rowsUsed == 0,
            count <= options.maxRecordBytes
        else { return nil }
        guard memoIgnoresFirstField else { return UnsafeRawBufferPointer(start: piece, count: count) }
        let quote = state.pointee.quote
        guard count > 0, piece[0] != quote, let cut = memchr(piece, Int32(options.delimiter), count) else { return nil }
        let first = cut.assumingMemoryBound(to: UInt8.self) - piece
        guard first <= options.maxFieldBytes, memchr(piece, Int32(quote), first) == nil, memchr(piece, 0x0D, first) == nil
        else { return nil }
        return UnsafeRawBufferPointer(start: piece + first + 1, count: count - first - 1)
    }

    /// Counts a remembered line again without parsing it; false when `key` was not remembered.
    mutating func takeRepeat(_ key: UnsafeRawBufferPointer, offset: Int, count: Int) throws -> Bool {
        guard let repeated, let id = memo?.lookUp(key) else { return false }
        let line = state.pointee.line
        state.pointee.skipRepeatedLine(offset: offset, count: count)
        state.pointee.line += 1
        state.pointee.scalarsBeforePiece = 0
        try repeated(id, line)
        return true
    }
}
