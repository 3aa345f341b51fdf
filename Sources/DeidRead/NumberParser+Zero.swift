extension NumberParser {
    /// Whether a published statistic reads as zero: `0`, `0.0`, `.00`, `-0.0`, `0%`, `0.0 %`, with spaces around
    /// it allowed. DDG Ed. 2.0 Example 3: a rounded 0.0% next to a non-zero count tells the reader the count is
    /// small, so the checks look for exactly these spellings. Text with any non-zero digit, no digit at all, or
    /// anything else (`< 0.1`, `n/a`) does not read as zero.
    public static func readsAsZero(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        var end = bytes.count
        let space = UInt8(ascii: " ")
        while i < end, bytes[i] == space { i += 1 }
        while end > i, bytes[end - 1] == space { end -= 1 }
        if end > i, bytes[end - 1] == UInt8(ascii: "%") {
            end -= 1
            while end > i, bytes[end - 1] == space { end -= 1 }
        }
        if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        var zeros = 0
        var points = 0
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "0"): zeros += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
            i += 1
        }
        return zeros > 0 && points <= 1
    }

    public static func readsAsZero(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { readsAsZero(UnsafeRawBufferPointer($0)) }
    }
}
