/// Strict number parsing straight from field bytes, with no String in between. "Strict" because a published
/// table is checked, not guessed at: `1,234`, ` 12`, `12.`, `+5`, `NaN` are not numbers here, and the caller
/// reports them with the cell's location.
public enum NumberParser {
    /// ASCII digits only: no sign, space or '.'; nil for "" and on overflow. Leading zeros are accepted.
    public static func wholeNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
        if case .value(let value) = readWholeNumber(bytes) { return value }
        return nil
    }

    /// What a field holds when a whole number is expected.
    public enum WholeNumberReading: Equatable, Sendable {
        case value(Int)
        /// Empty, or something other than ASCII digits.
        case notWhole
        /// Digits only, but more than an `Int` holds.
        case tooLarge
    }

    /// Reads ASCII digits (leading zeros accepted), telling a number too large for an `Int` from text that is
    /// not a whole number at all.
    public static func readWholeNumber(_ bytes: UnsafeRawBufferPointer) -> WholeNumberReading {
        if bytes.isEmpty { return .notWhole }
        var value = 0
        var overflow = false
        for byte in bytes {
            let digit = Int(byte) &- 48
            guard digit >= 0, digit <= 9 else { return .notWhole }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            value = sum
        }
        return overflow ? .tooLarge : .value(value)
    }

    /// Optional '-', one or more digits, optionally '.' and one or more digits, optionally an exponent
    /// (`e`/`E`, optional sign, digits). No spaces, '+' prefix, thousands separators, "nan" or "inf".
    /// A value whose magnitude overflows a Double returns nil.
    public static func decimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let n = bytes.count
        var i = 0
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Mantissa digits, accumulated exactly while they fit in 2^53 (the fast path below).
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        let intStart = i
        while i < n, isDigit(bytes[i]) {
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
            digits += 1
            i += 1
        }
        if i == intStart { return nil }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, isDigit(bytes[i]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
                digits += 1
                fractionDigits += 1
                i += 1
            }
            if i == fracStart { return nil }
        }
        var hasExponent = false
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            hasExponent = true
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            if i == expStart { return nil }
        }
        if i != n { return nil }

        // Exact fast path: an integer below 2^53 divided by an exact power of ten is correctly rounded.
        if !hasExponent, digits <= 15, fractionDigits < powersOfTen.count {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        // Anything else (long mantissas, exponents): the standard library's correctly rounded conversion.
        // The syntax has been checked above, so Double's more liberal grammar (hex, "inf") never applies.
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
}
