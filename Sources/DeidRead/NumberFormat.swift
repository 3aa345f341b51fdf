/// How a table writes its numbers, when the description declares more than plain digits (`number_format:`):
/// thousands separators (`3,922`) and whole numbers written with a zero fraction (`3.0`). Never guessed: a
/// table that does not declare them has them refused.
public struct NumberFormat: Sendable, Hashable {
    /// The byte between groups of three digits, if any (`,`).
    public var thousandsSeparator: UInt8?
    /// Whether a whole number may end in `.0` (or `.00`…).
    public var trailingZeroDecimals: Bool

    public init(thousandsSeparator: UInt8? = nil, trailingZeroDecimals: Bool = false) {
        self.thousandsSeparator = thousandsSeparator
        self.trailingZeroDecimals = trailingZeroDecimals
    }

    public static let plain = NumberFormat()
    public var isPlain: Bool { self == .plain }

    /// The digits the field holds as a whole number in this format, separators and a zero fraction removed; nil
    /// when the field does not follow the format (misplaced separators, a fraction that is not zero).
    func plainDigits(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        var end = bytes.count
        if trailingZeroDecimals, let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            guard dot + 1 < bytes.count, bytes[(dot + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") }) else { return nil }
            end = dot
        }
        let integer = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        guard let separator = thousandsSeparator, integer.contains(separator) else { return Array(integer) }
        return Self.ungrouped(integer, separator: separator)
    }

    /// `3,922` → `3922`: the digits of an integer part written in groups of three after a first group of one to
    /// three; nil when the groups are not so.
    static func ungrouped(_ integer: UnsafeRawBufferPointer, separator: UInt8) -> [UInt8]? {
        let groups = integer.split(separator: separator, omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.flatMap { Array($0) }
    }
}

extension NumberParser {
    /// `readWholeNumber` for a table that declares its number format.
    public static func readWholeNumber(_ bytes: UnsafeRawBufferPointer, format: NumberFormat) -> WholeNumberReading {
        if format.isPlain { return readWholeNumber(bytes) }
        guard let digits = format.plainDigits(bytes) else { return .notWhole }
        return digits.withUnsafeBytes { readWholeNumber($0) }
    }

    /// `decimal` for a table that declares thousands separators: they are removed first (grouped in threes).
    public static func decimal(_ bytes: UnsafeRawBufferPointer, format: NumberFormat) -> Double? {
        guard let separator = format.thousandsSeparator, bytes.contains(separator) else { return decimal(bytes) }
        let sign = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        let integer = UnsafeRawBufferPointer(rebasing: bytes[sign..<dot])
        guard let digits = NumberFormat.ungrouped(integer, separator: separator) else { return nil }
        let plain = Array(bytes[..<sign]) + digits + Array(bytes[dot...])
        return plain.withUnsafeBytes { decimal($0) }
    }

    /// Whether a field reads as a number however it is written (`12`, `3,922`, `45.2%`): for telling a column of
    /// numbers, which deid must not publish without knowing what it is, from a column of text.
    public static func looksNumeric(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let end = bytes.last == UInt8(ascii: "%") ? bytes.count - 1 : bytes.count
        let number = UnsafeRawBufferPointer(rebasing: bytes[..<end])
        return decimal(number, format: NumberFormat(thousandsSeparator: UInt8(ascii: ","))) != nil
    }
}
