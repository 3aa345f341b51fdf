/// Decides, line by line, whether libcsv needs the "nothing is a space" function at all.
///
/// RFC 4180 says spaces are data, so the reader installs a space function that returns 0 (otherwise libcsv trims
/// spaces and tabs around unquoted fields and around quotes). But libcsv then makes an indirect call for every
/// byte of every unquoted field, which costs about a fifth of the parse. libcsv's built-in space test only
/// behaves differently when a space or tab
///   - starts a field: it follows a delimiter, CR, LF or the start of the input;
///   - ends an unquoted field: it precedes a delimiter, CR, LF or the end of the input;
///   - follows a closing quote: it follows a '"'.
/// (libcsv 3.0.3 `csv_parse`: the `is_space` tests in FIELD_NOT_BEGUN, FIELD_BEGUN and FIELD_MIGHT_HAVE_ENDED.)
/// A line with no such blank parses identically either way, and libcsv's `spaces` counter is 0 after every line
/// feed in both modes, so switching between them at line starts is safe. The edges of a read buffer count as
/// start/end of input, which is conservative (a false alarm only costs speed).
///
/// Returns the index of the first such blank in `bytes[from..<count]`, or `count` when there is none.
/// Index 0 is the start of the region; the scan uses 16-byte vector compares.
func firstSpaceNextToStructure(_ bytes: UnsafePointer<UInt8>, from: Int, count: Int, delimiter: UInt8) -> Int {
    @inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) func isEnd(_ b: UInt8) -> Bool { b == delimiter || b == 0x0A || b == 0x0D }
    var i = from
    if i >= count { return count }
    if i == 0 {
        if isBlank(bytes[0]) { return 0 }
        i = 1
    }

    typealias V = SIMD16<UInt8>
    let space = V(repeating: 0x20)
    let tab = V(repeating: 0x09)
    let delim = V(repeating: delimiter)
    let lf = V(repeating: 0x0A)
    let cr = V(repeating: 0x0D)
    let quote = V(repeating: 0x22)
    let raw = UnsafeRawPointer(bytes)
    let zero = V(repeating: 0)
    // A lane mask as two words: `any` on SIMD masks is an out-of-line reduction, this is two ORs.
    @inline(__always) func words(_ mask: SIMDMask<SIMD16<Int8>>) -> (UInt64, UInt64) {
        unsafeBitCast(zero.replacing(with: 0xFF, where: mask), to: (UInt64, UInt64).self)
    }
    // Block [i, i+16) with its neighbours [i-1, i+15) and [i+1, i+17), all in range.
    while i + 17 <= count {
        let v = raw.loadUnaligned(fromByteOffset: i, as: V.self)
        let blank = (v .== space) .| (v .== tab)
        let (b0, b1) = words(blank)
        if b0 | b1 != 0 {
            let before = raw.loadUnaligned(fromByteOffset: i - 1, as: V.self)
            let after = raw.loadUnaligned(fromByteOffset: i + 1, as: V.self)
            let startsField = (before .== delim) .| (before .== lf) .| (before .== cr) .| (before .== quote)
            let endsField = (after .== delim) .| (after .== lf) .| (after .== cr)
            let (r0, r1) = words(blank .& (startsField .| endsField))
            // Lanes are in memory order, so on little-endian the lowest set byte is the first lane.
            if r0 != 0 { return i + r0.littleEndian.trailingZeroBitCount / 8 }
            if r1 != 0 { return i + 8 + r1.littleEndian.trailingZeroBitCount / 8 }
        }
        i += 16
    }
    while i < count {
        if isBlank(bytes[i]) {
            if i == count - 1 { return i }
            let before = bytes[i - 1]
            if isEnd(before) || before == 0x22 || isEnd(bytes[i + 1]) { return i }
        }
        i += 1
    }
    return count
}
