/// The two pieces of JSON text `JSONStream` writes by hand: indents and strings, escaped exactly as
/// Foundation's `JSONEncoder` escapes them with `.withoutEscapingSlashes`.
enum JSONText {
    /// Indents are short and repeat for every element: reuse them rather than build one per line.
    private static let indents = (0...32).map { String(repeating: " ", count: $0) }

    static func spaces(_ count: Int) -> String {
        count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{8}": out += "\\b"
                case "\u{c}": out += "\\f"
                case let control where control.value < 0x20:
                    let hex = String(control.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
