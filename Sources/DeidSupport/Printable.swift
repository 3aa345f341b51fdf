/// Text from outside deid (file names, labels, column names, YAML keys) made safe to print in one diagnostic
/// line: control characters are escaped, so a name such as `a\nb:1: error` cannot forge a second diagnostic and
/// a file of NUL bytes cannot fill the terminal; a long excerpt is cut, so a message never carries a run of the
/// file's bytes.
public enum Printable {
    /// Longest excerpt of a file's text (a label, a key, a column name) a message quotes.
    public static let excerptLimit = 40

    /// `text` with every control character written as an escape (`\n`, `\t`, `\0`, `\u{1B}`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An excerpt of a file's text for quoting: escaped, and cut to `excerptLimit` characters with "…".
    public static func excerpt(_ text: String) -> String {
        let escaped = escaped(text)
        guard escaped.count > excerptLimit else { return escaped }
        return String(escaped.prefix(excerptLimit - 1)) + "…"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
