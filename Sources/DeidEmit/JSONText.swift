/// The two pieces of JSON text `JSONStream` writes by hand: indents and strings, escaped exactly as
/// Foundation's `JSONEncoder` escapes them with `.withoutEscapingSlashes`.
enum JSONText {
    /// Indents are short and repeat for every element: reuse them rather than build one per line.
    private static let indents = (0...32).map { String(repeating: " ", count: $0) }

    static func spaces(_ count: Int) -> String {
        count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }

    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Only ASCII bytes are ever escaped, so the UTF-8 can be scanned byte by byte; most strings need no
        // escape and are copied whole.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            if bytes.contains(where: needsEscape) {
                for byte in bytes { appendEscaped(byte, to: &out) }
            } else {
                out.append(contentsOf: bytes)
            }
        }
        if copied == nil {
            for byte in text.utf8 { appendEscaped(byte, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        guard needsEscape(byte) else { return out.append(byte) }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
        case UInt8(ascii: "\n"): out.appendText("\\n")
        case UInt8(ascii: "\r"): out.appendText("\\r")
        case UInt8(ascii: "\t"): out.appendText("\\t")
        case 0x08: out.appendText("\\b")
        case 0x0C: out.appendText("\\f")
        default:
            let hex = String(byte, radix: 16)
            out.appendText("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        }
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text` in one copy (the generic `append(contentsOf: text.utf8)` goes byte by byte).
    mutating func appendText(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }
}
