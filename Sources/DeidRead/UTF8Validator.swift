/// Streaming UTF-8 validation, one read buffer at a time. libcsv passes bytes through untouched, and
/// `String(decoding:)` would silently turn Latin-1 bytes into U+FFFD, so the reader checks every byte here
/// and rejects the file instead. A multi-byte character split across two buffers is
/// carried over in `pending`.
struct UTF8StreamValidator {
    /// Continuation bytes still expected for the character that began at `sequenceStart`.
    private var pending = 0
    /// Allowed range of the next continuation byte (narrower after E0, ED, F0, F4: no overlongs, surrogates
    /// or code points above U+10FFFF).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF
    /// Absolute input offset of the lead byte of the pending character.
    private var sequenceStart = 0

    /// Where the character still waiting for continuation bytes begins, if one is.
    var incompleteCharacterStart: Int? { pending > 0 ? sequenceStart : nil }

    /// Checks `count` bytes that start at absolute input offset `base`. Returns the absolute offset of the first
    /// byte of the first invalid character (which may lie in an earlier buffer), or nil when all is well.
    mutating func validate(_ bytes: UnsafePointer<UInt8>, count: Int, base: Int) -> Int? {
        var i = 0
        while i < count {
            if pending == 0 {
                // ASCII fast path: 32 bytes per step while no byte has its top bit set.
                while i + 32 <= count {
                    let raw = UnsafeRawPointer(bytes + i)
                    let a = raw.loadUnaligned(as: UInt64.self)
                    let b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    let c = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                    let d = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                    if (a | b | c | d) & 0x8080_8080_8080_8080 != 0 { break }
                    i += 32
                }
                if i >= count { break }
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                switch lead {
                case 0xC2...0xDF: (pending, low, high) = (1, 0x80, 0xBF)
                case 0xE0: (pending, low, high) = (2, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (pending, low, high) = (2, 0x80, 0xBF)
                case 0xED: (pending, low, high) = (2, 0x80, 0x9F)
                case 0xF0: (pending, low, high) = (3, 0x90, 0xBF)
                case 0xF1...0xF3: (pending, low, high) = (3, 0x80, 0xBF)
                case 0xF4: (pending, low, high) = (3, 0x80, 0x8F)
                default: return base + i  // stray continuation byte, C0/C1 overlong lead, or F5...FF
                }
                sequenceStart = base + i
                i += 1
            } else {
                let next = bytes[i]
                if next < low || next > high { return sequenceStart }
                (pending, low, high) = (pending - 1, 0x80, 0xBF)
                i += 1
            }
        }
        return nil
    }

    /// At end of input: the offset of a character cut off by the end of the file, if any.
    func finish() -> Int? {
        pending > 0 ? sequenceStart : nil
    }
}
