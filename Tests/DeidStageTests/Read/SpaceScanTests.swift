import PropertyBased
import Testing

@testable import DeidRead

extension ReadTests {
    /// The reader leaves libcsv's space function out on lines where it cannot matter (a speed-up). These tests
    /// check the scan that decides it, and that the shortcut never changes a result or an error.
    @Suite struct SpaceScanTests {
        static func first(_ text: String, from: Int = 0) -> Int {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return firstSpaceNextToStructure(
                    base, from: from, count: buffer.count, delimiter: UInt8(ascii: ","))
            }
        }

        @Test func findsOnlyBlanksNextToStructure() {
            let long = String(repeating: "Los Angeles,San Mateo,", count: 4)  // inner spaces only, > 16 bytes
            #expect(Self.first(long + "x\n") == long.utf8.count + 2)
            #expect(Self.first(long + "x ,y\n") == long.utf8.count + 1)  // before a delimiter
            #expect(Self.first(long + "x, y\n") == long.utf8.count + 2)  // after a delimiter
            #expect(Self.first(long + "\"q\" ,y\n") == long.utf8.count + 3)  // after a closing quote
            #expect(Self.first(long + "x\t\n") == long.utf8.count + 1)  // tab before a line end
            #expect(Self.first(" a") == 0)  // start of the region
            #expect(Self.first("a ") == 1)  // end of the region
            #expect(Self.first("a b") == 3)
            #expect(Self.first("a, b\nc d\n", from: 5) == 9)
        }

        static let csvish = Gen<Character?>.element(of: Array("a ,\"\r\n\t")).compactMap { $0 }.string(of: 0...40)

        @Test func shortcutNeverChangesTheOutcome() async {
            func outcome(_ text: String, _ options: CSVOptions) -> String {
                do {
                    return "\(try parse(Array(text.utf8), options: options))"
                } catch {
                    return "\(error)"
                }
            }
            await propertyCheck(count: 400, input: Self.csvish, Gen.int(in: 4...24)) { text, size in
                var auto = CSVOptions()
                auto.bufferBytes = size
                var always = auto
                always.alwaysUseSpaceFunction = true
                #expect(outcome(text, auto) == outcome(text, always))
            }
        }
    }
}
