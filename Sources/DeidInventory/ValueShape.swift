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

/// Templates grouped by length: a field's template is compared only with those of its own length, byte by byte
/// (hashing every field's template cost more than the rest of the inventory).
struct TemplateSet: Sendable {
    private let byLength: [Int: [[UInt8]]]

    init(_ templates: [String]) {
        byLength = Dictionary(grouping: templates.map { Array($0.utf8) }, by: \.count)
    }

    func contains(_ template: [UInt8]) -> Bool {
        byLength[template.count]?.contains(template) ?? false
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

    /// The value of an integer field (`-?[0-9]{1,18}`).
    var integerValue: Int? {
        guard isInteger else { return nil }
        let negative = bytes.first == UInt8(ascii: "-")
        let magnitude = bytes.dropFirst(negative ? 1 : 0).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return negative ? -magnitude : magnitude
    }

    /// Whether `stored` holds exactly `bytes`.
    static func same(_ stored: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard stored.count == bytes.count else { return false }
        return stored.withUnsafeBytes { stored in
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(a, b, bytes.count) == 0
        }
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
        var shape: ValueShape = []
        if bytes.contains(where: Self.isDigit) {
            let t = template
            if Self.dateTemplates.contains(t) || Self.isISODateTime(t) { shape.insert(.fullDate) }
            if t.elementsEqual("9999-99".utf8) { shape.insert(.yearMonth) }
            if t.elementsEqual("999-99-9999".utf8) { shape.insert(.ssn) }
            if t.elementsEqual("99999-9999".utf8) { shape.insert(.zipPlus4) }
            if Self.phoneTemplates.contains(t) { shape.insert(.phone) }
            if isIPv4 { shape.insert(.ipv4) }
        }
        if isEmail { shape.insert(.email) }
        if isURL { shape.insert(.url) }
        if shape.isEmpty && bytes.contains(UInt8(ascii: " ")) { shape = wordShapes }
        return shape
    }

    /// `2024-03-15T08:30…` or `2024-03-15 08:30…`.
    static func isISODateTime(_ t: [UInt8]) -> Bool {
        t.count >= 16 && t.prefix(10).elementsEqual("9999-99-99".utf8)
            && (t[10] == UInt8(ascii: "a") || t[10] == UInt8(ascii: " ")) && t[11...15].elementsEqual("99:99".utf8)
    }

    static let dateTemplates = TemplateSet({
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
    }())

    static let phoneTemplates = TemplateSet([
        "(999) 999-9999", "(999)999-9999", "999-999-9999", "999.999.9999", "999 999 9999", "+9 999 999 9999",
        "+9-999-999-9999", "+9 (999) 999-9999", "9-999-999-9999", "+99999999999",
    ])

    /// One `@` with text before it and a dotted domain after it, no spaces.
    var isEmail: Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        let domain = bytes[(at + 1)...]
        guard !domain.contains(UInt8(ascii: "@")), !bytes.contains(UInt8(ascii: " ")),
              let dot = domain.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return dot > at + 1 && dot < bytes.count - 2
    }

    var isURL: Bool {
        guard let first = bytes.first, first | 0x20 == UInt8(ascii: "h") || first | 0x20 == UInt8(ascii: "w") else { return false }
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
            if text.template.elementsEqual("999-99-9999".utf8) { shape.insert(.ssn) }
        }
        return shape
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
