import Foundation
import Testing

@testable import DeidSupport
@testable import DeidRead

/// Groups the Read stage's suites, so `swift test --filter Read` runs all of them.
@Suite enum ReadTests {}

/// What a successful read produced, with each record's position so tests can check line/record numbering.
struct ParsedTable: Equatable {
    var header: [String] = []
    var rows: [[String]] = []
    var records: [Int] = []
    var lines: [Int] = []
}

/// Writes `bytes` to a fresh temporary file, runs `body` with its path, and removes it.
func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("deid-read-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}

/// Reads a whole table from `bytes` with one buffer size.
func parse(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> ParsedTable {
    try withTemporaryFile(bytes) { path in
        let reader = try CSVReader(source: .file(path), displayName: "t.csv", options: options)
        var table = ParsedTable()
        try reader.read(
            header: { table.header = $0 },
            row: { row in
                table.rows.append((0..<row.count).map { row.string($0) })
                table.records.append(row.record)
                table.lines.append(row.line)
            })
        return table
    }
}

/// Reads `text` with the default 1 MiB buffer and with tiny buffers (so every piece boundary, BOM split and
/// multi-byte split gets exercised), checks that all agree, and returns the result.
func parseEverywhere(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> ParsedTable {
    let reference = try parse(bytes, options: options)
    for size in [4, 5, 7, 16] {
        var small = options
        small.bufferBytes = size
        #expect(try parse(bytes, options: small) == reference, "buffer of \(size) bytes")
    }
    return reference
}

func parseEverywhere(_ text: String, options: CSVOptions = CSVOptions()) throws -> ParsedTable {
    try parseEverywhere(Array(text.utf8), options: options)
}

/// The ReadError a read of `bytes` throws (nil when it succeeds), checked to be the same for tiny buffers.
func readError(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> ReadError? {
    func attempt(_ options: CSVOptions) throws -> ReadError? {
        do {
            _ = try parse(bytes, options: options)
            return nil
        } catch let error as ReadError {
            return error
        }
    }
    let reference = try attempt(options)
    for size in [4, 5, 7, 16] {
        var small = options
        small.bufferBytes = size
        #expect(try attempt(small) == reference, "buffer of \(size) bytes")
    }
    return reference
}

func readError(_ text: String, options: CSVOptions = CSVOptions()) throws -> ReadError? {
    try readError(Array(text.utf8), options: options)
}

/// `DeidSupport.SourceLocation` for "t.csv" (Testing has a SourceLocation type of its own).
func at(line: Int, column: Int, record: Int) -> DeidSupport.SourceLocation {
    DeidSupport.SourceLocation(file: "t.csv", line: line, column: column, record: record)
}
