/// Splits labels such as "18 to 24 years", "65+", "<1" or "2016–2020" into number, word and symbol tokens,
/// so age and time labels can be read without guessing.
enum LabelToken: Equatable {
    case number(Int)
    case word(String)
    case symbol(Character)

    /// Noise words dropped before matching ("years", "age", …).
    static func tokens(_ label: String, ignoring noise: Set<String>) -> [LabelToken] {
        var tokens: [LabelToken] = []
        var digits = "", letters = ""
        func flush() {
            if !digits.isEmpty { tokens.append(Int(digits).map(LabelToken.number) ?? .word(digits)) }
            if !letters.isEmpty, !noise.contains(letters) { tokens.append(.word(letters)) }
            digits = ""
            letters = ""
        }
        for ch in label.lowercased() {
            let ch: Character = ch == "–" || ch == "—" || ch == "‒" ? "-" : ch
            if ch.isASCII && ch.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(ch)
            } else if ch.isLetter {
                if !digits.isEmpty { flush() }
                letters.append(ch)
            } else {
                flush()
                if !ch.isWhitespace && ch != "." && ch != "," { tokens.append(.symbol(ch)) }
            }
        }
        flush()
        return tokens
    }
}
