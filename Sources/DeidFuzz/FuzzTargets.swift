import DeidSupport
import DeidRead
import DeidDescription
import DeidModel
import Foundation

/// What the fuzzer exercises, and the invariants that turn a wrong answer into a crash the fuzzer reports:
///
/// * `csv`: the reader, twice — with its normal buffer and with a 7-byte one, so every record straddles buffer
///   boundaries — must see the same fields or fail with the same error; and with the line memo (repeated lines
///   not parsed, with and without setting the first field aside) the same fields, field 0 of a repeat aside;
/// * `table`: reading a table against a fixed description, for `release` and for `check`;
/// * `description`: the table-description and policy loaders on arbitrary YAML;
/// * `number`: the number parsers against the standard library's own conversions.
///
/// Every target also requires that each error deid reports is a `DiagnosticError` printed on one line.
enum FuzzTarget: String, CaseIterable {
    case csv, table, description, number

    func run(_ bytes: [UInt8], scratch: FuzzScratch) {
        switch self {
        case .csv: CSVTarget.run(bytes, scratch: scratch)
        case .table: TableTarget.run(bytes, scratch: scratch)
        case .description: DescriptionTarget.run(bytes)
        case .number: NumberTarget.run(bytes)
        }
    }
}

/// Stops the run (a crash the fuzzer records with its input) when an invariant does not hold.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
}

/// An error from deid must be one of its own diagnostics and print as one line.
func requireDiagnostic(_ error: any Error) {
    guard let diagnostic = error as? any DiagnosticError else {
        fatalError("invariant broken: an error that is not a DiagnosticError: \(type(of: error))")
    }
    require(!diagnostic.description.contains("\n"), "a diagnostic printed on several lines")
}

/// The file the table targets read: one path, rewritten for every input.
struct FuzzScratch {
    let path: String

    init() {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        path = folder + "/deid-fuzz-\(getpid()).csv"
    }

    func write(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write the fuzz input to \(path)")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum CSVTarget {
    static func run(_ bytes: [UInt8], scratch: FuzzScratch) {
        scratch.write(bytes)
        var tiny = CSVOptions()
        tiny.bufferBytes = 7
        let normal = read(scratch.path, CSVOptions())
        let chunked = read(scratch.path, tiny)
        require(normal == chunked, "the 7-byte buffer read differently: \(normal) vs \(chunked)")
        for ignoringFirstField in [false, true] {
            let memo = readWithMemo(scratch.path, tiny, ignoringFirstField: ignoringFirstField)
            require(
                memo == maskingRepeats(normal, like: memo), "the line memo read differently: \(normal) vs \(memo)")
        }
    }

    /// Field 0 of a repeat read with the first field set aside is not known: "?" there, as in `memo`.
    private static func maskingRepeats(_ outcome: Outcome, like memo: Outcome) -> Outcome {
        guard case .records(var records) = outcome, case .records(let read) = memo, read.count == records.count
        else { return outcome }
        for (i, record) in read.enumerated() where record.first == repeatMark && !records[i].isEmpty {
            records[i][0] = repeatMark
        }
        return .records(records)
    }

    private static let repeatMark = "\u{0}repeat"

    /// `read` with the line memo: each repeat is the fields its memo id stands for.
    private static func readWithMemo(_ path: String, _ options: CSVOptions, ignoringFirstField: Bool) -> Outcome {
        var records: [[String]] = []
        var remembered: [Int32: [String]] = [:]
        do {
            let reader = try CSVReader(source: .file(path), displayName: "fuzz.csv", options: options)
            try reader.read(
                header: { records.append($0) },
                row: { row in
                    let fields = (0..<row.count).map { row.string($0) }
                    if row.lineMemo >= 0 { remembered[row.lineMemo] = fields }
                    records.append(fields)
                },
                repeated: { memo, _ in
                    var fields = remembered[memo] ?? []
                    require(!fields.isEmpty, "a repeat of memo \(memo), which no row carried")
                    if ignoringFirstField { fields[0] = repeatMark }
                    records.append(fields)
                },
                ignoringFirstField: ignoringFirstField)
            return .records(records)
        } catch {
            requireDiagnostic(error)
            return .failed(String(describing: error))
        }
    }

    /// Every field of every record, or the error's text.
    private static func read(_ path: String, _ options: CSVOptions) -> Outcome {
        var records: [[String]] = []
        do {
            let reader = try CSVReader(source: .file(path), displayName: "fuzz.csv", options: options)
            try reader.read(
                header: { records.append($0) },
                row: { row in records.append((0..<row.count).map { row.string($0) }) })
            return .records(records)
        } catch {
            requireDiagnostic(error)
            return .failed(String(describing: error))
        }
    }

    enum Outcome: Equatable {
        case records([[String]])
        case failed(String)
    }
}

enum TableTarget {
    /// County (with a total) × Sex (with a total), counts, a population and a rate.
    static let setup = Result { () throws -> (TableDescription, Policy) in
        let description = try TableDescription.parse(
            yaml: """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: County
                  role: residence_geography
                  total: Total
                - column: Sex
                  role: sex
                  total: Total
              count: Cases
              denominator: Population
              derived: [Rate]
            """, file: "fuzz.deid.yaml")
        return (description, try Policy.load(for: description, presetsDirectory: try PresetLocator().locate()))
    }

    static func run(_ bytes: [UInt8], scratch: FuzzScratch) {
        let (description, policy): (TableDescription, Policy)
        switch setup {
        case .success(let loaded): (description, policy) = loaded
        case .failure(let error): fatalError("the fuzz description or policy did not load: \(error)")
        }
        scratch.write(bytes)
        for purpose in [TablePurpose.release, .check] {
            do {
                let loaded = try TableLoader.load(
                    .file(scratch.path), displayName: "fuzz.csv", description: description, policy: policy,
                    purpose: purpose)
                require(loaded.table.cellCount > 0, "a table without cells loaded")
            } catch {
                requireDiagnostic(error)
            }
        }
    }
}

enum DescriptionTarget {
    static func run(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        do {
            _ = try TableDescription.parse(yaml: text, file: "fuzz.deid.yaml")
        } catch {
            requireDiagnostic(error)
        }
        do {
            _ = try Policy.parse(yaml: text, file: "fuzz-policy.yaml")
        } catch {
            requireDiagnostic(error)
        }
    }
}

enum NumberTarget {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let isDigits = !bytes.isEmpty && bytes.allSatisfy { (48...57).contains($0) }
        let reading = bytes.withUnsafeBytes { NumberParser.readWholeNumber($0) }
        switch reading {
        case .value(let value): require(isDigits && Int(text) == value, "whole number \(value) from '\(text)'")
        case .tooLarge: require(isDigits && Int(text) == nil, "'\(text)' called too large")
        case .notWhole: require(!isDigits, "digits '\(text)' called not whole")
        }
        let decimal = bytes.withUnsafeBytes { NumberParser.decimal($0) }
        if let decimal {
            // Whatever the strict grammar accepts, the standard library reads to the same double.
            require(Double(text) == decimal, "decimal \(decimal) from '\(text)', Double says \(String(describing: Double(text)))")
        }
    }
}
