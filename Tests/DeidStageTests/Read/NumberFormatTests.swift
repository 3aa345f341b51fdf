import Testing
@testable import DeidRead

/// `number_format:` counts written with thousands separators or a zero fraction are read only when declared,
/// and only when they follow the declared format exactly.
@Suite struct NumberFormatTests {
    static let both = NumberFormat(thousandsSeparator: UInt8(ascii: ","), trailingZeroDecimals: true)

    static func whole(_ text: String, _ format: NumberFormat) -> NumberParser.WholeNumberReading {
        Array(text.utf8).withUnsafeBytes { NumberParser.readWholeNumber($0, format: format) }
    }

    static func decimal(_ text: String, _ format: NumberFormat) -> Double? {
        Array(text.utf8).withUnsafeBytes { NumberParser.decimal($0, format: format) }
    }

    @Test(arguments: [
        ("3,922", 3922), ("1,234,567", 1_234_567), ("3.0", 3), ("12.00", 12), ("3,922.0", 3922), ("0", 0), ("17", 17),
    ])
    func declaredFormatsAreRead(_ text: String, _ value: Int) {
        #expect(Self.whole(text, Self.both) == .value(value))
    }

    @Test(arguments: ["3.5", "1,0250", "12,34", ",123", "123,", "3.", "3.0.0", "1,,234", "-3", ""])
    func anythingElseIsNotAWholeNumber(_ text: String) {
        #expect(Self.whole(text, Self.both) == .notWhole)
    }

    @Test func undeclaredFormatsAreRefused() {
        #expect(Self.whole("3,922", .plain) == .notWhole)
        #expect(Self.whole("3.0", .plain) == .notWhole)
        #expect(Self.whole("3.0", NumberFormat(thousandsSeparator: UInt8(ascii: ","))) == .notWhole)
        #expect(Self.whole("3,922", NumberFormat(trailingZeroDecimals: true)) == .notWhole)
    }

    @Test func denominatorsDropTheirSeparators() {
        #expect(Self.decimal("17,461.5", Self.both) == 17461.5)
        #expect(Self.decimal("-1,234", Self.both) == -1234)
        #expect(Self.decimal("1234,5", Self.both) == nil)
        #expect(Self.decimal("17,461", .plain) == nil)
    }

    @Test(arguments: [("45%", true), ("3,922", true), ("12.5", true), ("Alameda", false), ("06001", true), ("", false)])
    func numbersAreToldFromText(_ text: String, _ numeric: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes { NumberParser.looksNumeric($0) } == numeric)
    }
}
