/// Scalars and flow lists as a description writes them: plain where YAML reads the text back unchanged, else
/// double-quoted.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        plainIsSafe(text) ? text : quoted(text)
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map(flowItem).joined(separator: ", ") + "]"
    }

    /// Inside a flow list a comma or bracket also ends the item.
    private static func flowItem(_ text: String) -> String {
        plainIsSafe(text) && !text.contains(where: { ",[]{}".contains($0) }) ? text : quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Plain when it is not empty, has no leading or trailing space, starts with a letter or digit, contains no
    /// `: `, ` #` or brackets, and would not be read as a boolean, null or number.
    private static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber, text.last != " ", !text.hasSuffix(":") else {
            return false
        }
        if text.contains(": ") || text.contains(" #") || text.contains(where: { "{}[]\"'\t\n\\`|>&*!%@".contains($0) }) {
            return false
        }
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        if reserved.contains(text.lowercased()) { return false }
        return Double(text) == nil && Int(text) == nil
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
