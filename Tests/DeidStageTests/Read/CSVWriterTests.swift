import Foundation
import PropertyBased
import Testing

@testable import DeidRead

extension ReadTests {
    @Suite struct CSVWriterTests {
        /// Writes `records` with a CSVWriter into a temporary file and returns the bytes.
        static func written(_ records: [[String]], delimiter: UInt8 = UInt8(ascii: ",")) throws -> String {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "deid-write-\(UUID().uuidString).csv")
            let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            try #require(fd >= 0)
            defer { try? FileManager.default.removeItem(at: url) }
            do {
                var writer = CSVWriter(fileDescriptor: fd, delimiter: delimiter)
                for record in records {
                    for field in record { writer.field(field) }
                    writer.endRecord()
                }
                try writer.flush()
            }
            close(fd)
            return try String(contentsOf: url, encoding: .utf8)
        }

        @Test func quotesOnlyWhenNeeded() throws {
            let text = try Self.written([
                ["plain", "42", "", "a,b", "say \"hi\"", "line\nbreak", "cr\rx", " lead", "trail\t", "in side"]
            ])
            #expect(
                text == "plain,42,,\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rx\",\" lead\",\"trail\t\",in side\n"
            )
        }

        @Test func delimiterDecidesQuoting() throws {
            #expect(try Self.written([["a,b", "c\td"]], delimiter: UInt8(ascii: "\t")) == "a,b\t\"c\td\"\n")
        }

        @Test func loneEmptyFieldIsQuotedSoTheRecordSurvives() throws {
            // A bare empty line would be skipped as blank when read back.
            #expect(try Self.written([["h"], [""], ["x"]]) == "h\n\"\"\nx\n")
            #expect(try Self.written([["h", "i"], ["", ""]]) == "h,i\n,\n")
        }

        @Test func largeOutputCrossesTheBuffer() throws {
            let value = String(repeating: "x", count: 3_000)
            let records = Array(repeating: [value, "a,\"b\""], count: 1_000)
            let text = try Self.written(records)
            #expect(text.utf8.count == 1_000 * (3_000 + 1 + 9 + 1))
            #expect(try parse(Array(("h1,h2\n" + text).utf8)).rows == records)
        }

        @Test func writeErrorsSurfaceAtFlush() throws {
            var writer = CSVWriter(fileDescriptor: -1, displayName: "out.csv")
            writer.field("x")
            writer.endRecord()
            #expect(throws: CSVWriteError.writeFailed(destination: "out.csv", reason: "Bad file descriptor")) {
                try writer.flush()
            }
        }

        /// Cells drawn from the characters that matter to CSV: delimiter, quote, CR, LF, spaces, tabs, non-ASCII.
        static let cell = Gen<Character?>.element(of: Array("ab,\"\r\n \té東𝄞1")).compactMap { $0 }.string(of: 0...6)

        @Test func roundTripThroughTheReader() async {
            await propertyCheck(count: 300, input: Gen.int(in: 1...4), Self.cell.array(of: 0...24)) { width, cells in
                let header = (0..<width).map { "c\($0)" }
                var rows: [[String]] = []
                var i = 0
                while i + width <= cells.count {
                    rows.append(Array(cells[i..<i + width]))
                    i += width
                }
                do {
                    let text = try Self.written([header] + rows)
                    let table = try parse(Array(text.utf8))
                    #expect(table.header == header)
                    #expect(table.rows == rows)
                } catch {
                    Issue.record("round trip failed: \(error)")
                }
            }
        }
    }
}
