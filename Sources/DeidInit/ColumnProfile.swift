import DeidRead

/// What the values of one column look like, judged over its distinct values.
struct ColumnProfile {
    enum Shape: Equatable {
        /// Every value blank.
        case empty
        /// Whole numbers (blanks allowed); `thousands` when some are written with "," separators.
        case wholeNumbers(thousands: Bool)
        /// Numbers with a fractional part somewhere.
        case decimals
        /// Anything else: labels.
        case labels
    }

    var name: String
    var shape: Shape
    /// Distinct non-blank values.
    var labels: [String]
    /// True when no two rows share a value (an identifier, in person records).
    var unique: Bool
    var blanks: Int

    init(name: String, values: ColumnValues) {
        self.name = name
        labels = values.labels
        unique = values.distinct.count == values.rows.count && values.rows.count > 1
        let blankID = values.index[""]
        blanks = blankID.map { id in values.rows.lazy.filter { $0 == id }.count } ?? 0
        shape = Self.shape(of: labels)
    }

    static func shape(of labels: [String]) -> Shape {
        guard !labels.isEmpty else { return .empty }
        var thousands = false
        var fractional = false
        for label in labels {
            if isWhole(label) { continue }
            if isWholeWithSeparators(label) { thousands = true; continue }
            guard Double(label) != nil, label.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
                return .labels
            }
            fractional = true
        }
        return fractional ? .decimals : .wholeNumbers(thousands: thousands)
    }

    /// Plain digits, as deid reads a count.
    static func isWhole(_ text: String) -> Bool {
        read(text, .plain)
    }

    /// `3,922` or `1,234,567`: read as a count under `number_format: {thousands_separator: ","}`.
    static func isWholeWithSeparators(_ text: String) -> Bool {
        read(text, NumberFormat(thousandsSeparator: UInt8(ascii: ",")))
    }

    private static func read(_ text: String, _ format: NumberFormat) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if case .value = NumberParser.readWholeNumber(UnsafeRawBufferPointer(bytes), format: format) { return true }
            return false
        }
    }

    /// The column's name, lowercased, with punctuation as spaces: what name patterns are matched against.
    var words: String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "%" ? $0 : " " })
    }

    /// Whether a word of the name is one of `vocabulary.words`, or starts with one of its stems ("hospitali"
    /// matches "Hospitalizations").
    func nameHas(_ vocabulary: NameVocabulary) -> Bool {
        let nameWords = words.split(separator: " ")
        return nameWords.contains { word in
            vocabulary.words.contains(String(word)) || vocabulary.stems.contains { word.hasPrefix($0) }
        }
    }
}

