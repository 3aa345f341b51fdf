/// What a field's text looks like, decided from its bytes alone: the shapes `deid inventory` counts per column
/// to infer a type and to find identifiers by content. A value may have several shapes (`12345` is an integer
/// and a 5-digit ZIP code).
public struct ValueShape: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let integer = ValueShape(rawValue: 1 << 0)
    public static let decimal = ValueShape(rawValue: 1 << 1)
    /// Four digits from 1800 to 2199.
    public static let year = ValueShape(rawValue: 1 << 2)
    /// `2024-03-15` (optionally with a time) or `3/15/2024`.
    public static let fullDate = ValueShape(rawValue: 1 << 3)
    /// `2024-03`.
    public static let yearMonth = ValueShape(rawValue: 1 << 4)
    public static let email = ValueShape(rawValue: 1 << 5)
    /// `123-45-6789`.
    public static let ssn = ValueShape(rawValue: 1 << 6)
    /// Ten digits written as a telephone number: `(916) 555-0100`, `916-555-0100`, `+1 916 555 0100`.
    public static let phone = ValueShape(rawValue: 1 << 7)
    public static let url = ValueShape(rawValue: 1 << 8)
    public static let ipv4 = ValueShape(rawValue: 1 << 9)
    /// Five digits.
    public static let zip5 = ValueShape(rawValue: 1 << 10)
    /// `95814-1234`.
    public static let zipPlus4 = ValueShape(rawValue: 1 << 11)
    /// Three digits.
    public static let zip3 = ValueShape(rawValue: 1 << 12)

    /// Every shape, in the order reports list them.
    public static let all: [ValueShape] = [
        .integer, .decimal, .year, .fullDate, .yearMonth, .email, .ssn, .phone, .url, .ipv4, .zip5, .zipPlus4, .zip3,
    ]

    /// The shapes of one non-empty field.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> ValueShape {
        var shape: ValueShape = []
        let text = ByteText(bytes)
        if text.isInteger {
            shape.insert(.integer)
            if text.allDigits {
                switch bytes.count {
                case 3: shape.insert(.zip3)
                case 4 where text.digitsValue.map({ (1800...2199).contains($0) }) == true: shape.insert(.year)
                case 5: shape.insert(.zip5)
                default: break
                }
            }
        } else if text.isDecimal {
            shape.insert(.decimal)
        } else {
            shape.formUnion(text.patternShapes)
        }
        return shape
    }
}

/// Pattern tests on a field's bytes (ASCII only: anything else is text).
struct ByteText {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    var allDigits: Bool { !bytes.isEmpty && bytes.allSatisfy(Self.isDigit) }

    var isInteger: Bool {
        let digits = bytes.first == UInt8(ascii: "-") ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) : bytes
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy(Self.isDigit)
    }

    var isDecimal: Bool {
        let body = bytes.first == UInt8(ascii: "-") ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) : bytes
        guard let point = body.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = body[..<point], fraction = body[(point + 1)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(Self.isDigit) && fraction.allSatisfy(Self.isDigit)
    }

    /// The value of an all-digit field of up to 18 digits.
    var digitsValue: Int? {
        guard allDigits, bytes.count <= 18 else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The field as a template: each digit `9`, each letter `a`, other bytes as they are (`(916) 555-0100` →
    /// `(999) 999-9999`).
    var template: [UInt8] {
        bytes.map { b in
            if Self.isDigit(b) { return UInt8(ascii: "9") }
            if (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { return UInt8(ascii: "a") }
            return b
        }
    }

    var patternShapes: ValueShape {
        let t = String(decoding: template, as: UTF8.self)
        var shape: ValueShape = []
        if Self.dateTemplates.contains(where: { t == $0 || t.hasPrefix($0 + "a99:99") || t.hasPrefix($0 + " 99:99") }) {
            shape.insert(.fullDate)
        }
        if t == "9999-99" { shape.insert(.yearMonth) }
        if t == "999-99-9999" { shape.insert(.ssn) }
        if t == "99999-9999" { shape.insert(.zipPlus4) }
        if Self.phoneTemplates.contains(t) { shape.insert(.phone) }
        if isEmail { shape.insert(.email) }
        if isURL { shape.insert(.url) }
        if isIPv4 { shape.insert(.ipv4) }
        if shape.isEmpty && bytes.contains(UInt8(ascii: " ")) { shape = wordShapes }
        return shape
    }

    /// Free text: the identifying shapes of its words (an email address, a web address or an SSN written inside
    /// a note), each word stripped of the punctuation that may follow it.
    var wordShapes: ValueShape {
        var shape: ValueShape = []
        for word in bytes.split(separator: UInt8(ascii: " ")) {
            var end = word.endIndex
            while end > word.startIndex, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")")].contains(word[end - 1]) {
                end -= 1
            }
            let text = ByteText(UnsafeRawBufferPointer(rebasing: word[word.startIndex..<end]))
            if text.isEmail { shape.insert(.email) }
            if text.isURL { shape.insert(.url) }
            if String(decoding: text.template, as: UTF8.self) == "999-99-9999" { shape.insert(.ssn) }
        }
        return shape
    }

    static let dateTemplates: [String] = {
        var templates = ["9999-99-99", "9999/99/99"]
        for month in ["9", "99"] {
            for day in ["9", "99"] {
                for year in ["99", "9999"] {
                    templates.append("\(month)/\(day)/\(year)")
                    templates.append("\(month)-\(day)-\(year)")
                }
            }
        }
        return templates
    }()

    static let phoneTemplates: Set<String> = [
        "(999) 999-9999", "(999)999-9999", "999-999-9999", "999.999.9999", "999 999 9999", "+9 999 999 9999",
        "+9-999-999-9999", "+9 (999) 999-9999", "9-999-999-9999", "+99999999999",
    ]

    /// One `@` with text before it and a dotted domain after it, no spaces.
    var isEmail: Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let domain = bytes[(at + 1)...]
        guard !domain.contains(UInt8(ascii: "@")), !bytes.contains(UInt8(ascii: " ")),
              let dot = domain.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return dot > at + 1 && dot < bytes.count - 2
    }

    var isURL: Bool {
        let lower = String(decoding: bytes.prefix(8), as: UTF8.self).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
    }

    /// Four dot-separated numbers of 0–255.
    var isIPv4: Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy(Self.isDigit) && part.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 255
        }
    }
}
