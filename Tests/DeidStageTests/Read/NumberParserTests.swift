import Testing

@testable import DeidRead

extension ReadTests {
    @Suite struct NumberParserTests {
        static func whole(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBytes { NumberParser.wholeNumber($0) }
        }

        static func decimal(_ text: String) -> Double? {
            Array(text.utf8).withUnsafeBytes { NumberParser.decimal($0) }
        }

        @Test func wholeNumbers() {
            #expect(Self.whole("0") == 0)
            #expect(Self.whole("42") == 42)
            #expect(Self.whole("007") == 7)
            #expect(Self.whole("9223372036854775807") == Int.max)
            for bad in [
                "", "9223372036854775808", "99999999999999999999", "-1", "+1", " 1", "1 ", "1.0", "1,000", "1e3", "٣",
            ] {
                #expect(Self.whole(bad) == nil, "\(bad)")
            }
        }

        @Test func decimals() {
            #expect(Self.decimal("0") == 0)
            #expect(Self.decimal("12.5") == 12.5)
            #expect(Self.decimal("-0.25") == -0.25)
            #expect(Self.decimal("0.1") == 0.1)
            #expect(Self.decimal("3.14159") == 3.14159)
            #expect(Self.decimal("1e3") == 1000)
            #expect(Self.decimal("2.5E-3") == 0.0025)
            #expect(Self.decimal("1e+2") == 100)
            #expect(Self.decimal("123456789012345678901234567890") == 123456789012345678901234567890.0)
            #expect(Self.decimal("0.1234567890123456789") == 0.1234567890123456789)
            #expect(Self.decimal("-0")?.sign == .minus)
            for bad in [
                "", "-", ".5", "5.", "+5", " 5", "5 ", "1,000", "1.000,5", "1e", "1e+", "e5", "nan", "NaN", "inf",
                "-inf", "Infinity", "0x1p3", "1..2", "--1", "1e400", "12%",
            ] {
                #expect(Self.decimal(bad) == nil, "\(bad)")
            }
        }

        @Test func fastPathMatchesTheStandardLibrary() {
            for text in ["0.3", "123.456", "999999999999999", "1.000000000000001", "0.000000000000001", "98765.4321"] {
                #expect(Self.decimal(text) == Double(text), "\(text)")
            }
        }
    }
}
