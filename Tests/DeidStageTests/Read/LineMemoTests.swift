import Foundation
import PropertyBased
import Testing

@testable import DeidRead

/// Reading with the line memo (`CSVReader.read(header:row:repeated:)`) gives the records, record numbers and
/// line numbers of a plain read, whatever the file: repeated lines, CRLF, blank lines, quoted fields with
/// delimiters, quotes and line breaks, spaces next to delimiters; and every buffer size. Errors are the same.
extension ReadTests {
    @Suite struct LineMemoTests {
        /// A plain read and a read with the memo, each repeat replaced by the fields its memo id stands for (with
        /// `ignoringFirstField`, field 0 of a repeat is not known, and is compared as "?").
        static func bothReads(
            _ bytes: [UInt8], bufferBytes: Int, ignoringFirstField: Bool = false
        ) throws -> (plain: ParsedTable, memo: ParsedTable) {
            var options = CSVOptions()
            options.bufferBytes = bufferBytes
            let plain = try parse(bytes, options: options)
            let memo = try withTemporaryFile(bytes) { path in
                let reader = try CSVReader(source: .file(path), displayName: "t.csv", options: options)
                var table = ParsedTable()
                var remembered: [Int32: [String]] = [:]
                try reader.read(
                    header: { table.header = $0 },
                    row: { row in
                        let fields = (0..<row.count).map { row.string($0) }
                        if row.lineMemo >= 0 { remembered[row.lineMemo] = fields }
                        table.rows.append(fields)
                        table.records.append(row.record)
                        table.lines.append(row.line)
                    },
                    repeated: { memo, line in
                        var fields = remembered[memo] ?? ["memo \(memo) was never delivered"]
                        if ignoringFirstField { fields[0] = "?" }
                        table.rows.append(fields)
                        table.records.append((table.records.last ?? 1) + 1)
                        table.lines.append(line)
                    },
                    ignoringFirstField: ignoringFirstField)
                return table
            }
            return (plain, memo)
        }

        static let pieces = [
            "North,Female", "North,Female", "North,Female", "\"North, Upper\",Male", "\"Say \"\"hi\"\"\",Male",
            "\"two\nlines\",Female", " North,Female", "North , Male", "South,Female",
        ]

        struct File: Sendable, CustomStringConvertible {
            var text: String
            var description: String { text.debugDescription }
        }

        static let files = Generator<File, Shrink.None<File>>(run: { rng in
            let ending = Bool.random(using: &rng) ? "\r\n" : "\n"
            var text = "County,Sex" + ending
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] + ending
                if Int.random(in: 0..<10, using: &rng) == 0 { text += ending }  // a blank line
            }
            if Bool.random(using: &rng) { text.removeLast(ending.count) }  // no line end at the end
            return File(text: text)
        })

        @Test func theMemoReadsWhatAPlainReadReads() async {
            await propertyCheck(count: 200, input: Self.files) { file in
                for size in [7, 64, 1 << 20] {
                    let (plain, memo) = try Self.bothReads(Array(file.text.utf8), bufferBytes: size)
                    #expect(memo == plain, "buffer \(size)")
                }
            }
        }

        static let identifiers = ["P1", "P2", "P3", "\"P,4\"", "\"P\"\"5\"", "", " P6"]

        /// Lines that start with an identifier field: unquoted, quoted (with a delimiter or a quote inside), empty.
        static let identifiedFiles = Generator<File, Shrink.None<File>>(run: { rng in
            let ending = Bool.random(using: &rng) ? "\r\n" : "\n"
            var text = "ID,County,Sex" + ending
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                text += identifiers[Int.random(in: 0..<identifiers.count, using: &rng)] + ","
                text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] + ending
            }
            return File(text: text)
        })

        @Test func ignoringTheFirstFieldReadsTheRestAsAPlainReadDoes() async {
            await propertyCheck(count: 200, input: Self.identifiedFiles) { file in
                for size in [7, 1 << 20] {
                    var (plain, memo) = try Self.bothReads(Array(file.text.utf8), bufferBytes: size, ignoringFirstField: true)
                    for (i, row) in memo.rows.enumerated() where row.first == "?" { plain.rows[i][0] = "?" }
                    #expect(memo == plain, "buffer \(size)")
                }
            }
        }

        @Test func aFirstFieldThatCannotBeSetAsideIsParsed() throws {
            for bad in ["P1\"2", "P1\r2"] {
                let text = "ID,County,Sex\nP0,North,Female\n\(bad),North,Female\n"
                let error = try withTemporaryFile(Array(text.utf8)) { path -> ReadError? in
                    let reader = try CSVReader(source: .file(path), displayName: "t.csv")
                    do {
                        try reader.read(header: { _ in }, row: { _ in }, repeated: { _, _ in }, ignoringFirstField: true)
                    } catch let error as ReadError {
                        return error
                    }
                    return nil
                }
                let plain = try readError(text)
                #expect(error != nil && plain == error, "\(bad.debugDescription)")
            }
        }

        @Test func repeatsAreNotParsedAgainAndErrorsKeepTheirPlace() throws {
            let text = "County,Sex\n" + String(repeating: "North,Female\n", count: 50) + "North,Ma\"le\n"
            var lines: [Int] = []
            let error = try withTemporaryFile(Array(text.utf8)) { path -> ReadError? in
                let reader = try CSVReader(source: .file(path), displayName: "t.csv")
                do {
                    try reader.read(header: { _ in }, row: { _ in }, repeated: { _, line in lines.append(line) })
                } catch let error as ReadError {
                    return error
                }
                return nil
            }
            #expect(lines == Array(3...51), "the first North,Female is parsed, the other 49 are repeats")
            #expect(error?.location?.line == 52)
            #expect(try readError(text) == error, "the same error as a plain read")
        }
    }
}
