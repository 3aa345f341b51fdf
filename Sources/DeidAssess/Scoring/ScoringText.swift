/// How labels are compared for scoring: ignoring case, surrounding spaces and repeated inner spaces, so
/// "Black or African American" and "black  or african american" are one category.
enum ScoringText {
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
