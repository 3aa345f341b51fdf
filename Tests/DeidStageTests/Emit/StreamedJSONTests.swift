import Foundation
import PropertyBased
import Testing

@testable import DeidSupport
@testable import DeidEmit

/// Every JSON document deid writes goes through `JSONStream`, which encodes lazily and streams; these tests hold
/// it to exactly what Foundation's JSONEncoder writes for the same values with the same options.
@Suite struct StreamedJSONTests {
    /// Strings drawn from what JSON must escape (quotes, backslashes, control characters) and what it must not
    /// (slashes, non-ASCII).
    static let text = Gen<Character?>.element(of: Array("a\"\\/\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é東𝄞@-: {}[]"))
        .compactMap { $0 }.string(of: 0...8)

    /// Foundation's encoder with the options deid's layout follows.
    static func foundation(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "encoding failed" }
        return String(decoding: data, as: UTF8.self)
    }

    static func finding(_ strings: [String], _ numbers: [Int?], cells: Int) -> Finding {
        let details: [Finding.Detail] = [
            .smallCount(column: strings[2], numeratorMinimum: numbers[0] ?? 11),
            .roundedZeroPercent(columns: strings[2], countHidden: numbers[1] == nil),
            .derivedWithHiddenCount(columns: strings[3]),
            .underProtected(width: abs(numbers[2] ?? 0), minIntervalWidth: 11),
            .unreliableEstimate(column: strings[4], minSampleCases: 30, annotationCode: strings[5]),
        ]
        return Finding(
            details[abs(numbers[3] ?? 0) % details.count],
            severity: [.error, .warning, .note][abs(numbers[0] ?? 0) % 3],
            location: SourceLocation(file: strings[1], line: numbers[1], column: numbers[2], record: numbers[3]),
            cell: (0..<cells).map { Coordinate(dimension: strings[3 + $0], value: strings[4 + $0]) })
    }

    /// The findings document as Foundation encodes it, with every finding in the array.
    static func foundationDocument(_ reports: [CheckReport]) -> String {
        struct Document: Encodable {
            let schemaVersion = 1
            let tool = ToolInfo()
            let files: [CheckReport]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", tool, files }
        }
        return foundation(Document(files: reports)) + "\n"
    }

    static func report(_ file: String, _ findings: [Finding]) -> CheckReport {
        CheckReport(
            file: file, policy: "calhhs-ddg-2.0", findings: findings, omittedFindings: findings.isEmpty ? [:] : [FindingCode(rawValue: "x"): 2],
            summary: CheckSummary(cells: 12, hiddenCells: 3, visibleSmallCounts: 1, audit: nil))
    }

    @Test func oneFindingMatchesJSONEncoder() async {
        await propertyCheck(
            count: 300, input: Self.text.array(of: 8...8), Gen.int(in: -5...1_000_000).optional.array(of: 4...4),
            Gen.int(in: 0...4)
        ) { strings, numbers, cells in
            let finding = Self.finding(strings, numbers, cells: cells)
            let report = Self.report("t.csv", [finding])
            let encoded = EncodedFinding(finding, in: report)
            #expect(JSONStream.encode(encoded) == Self.foundation(encoded))
            let result = SARIFRenderer.result(finding, in: report)
            #expect(JSONStream.encode(result) == Self.foundation(result))
        }
    }

    @Test func wholeDocumentMatchesJSONEncoder() async {
        await propertyCheck(
            count: 100, input: Self.text.array(of: 8...8), Gen.int(in: 1...9_999).optional.array(of: 4...4),
            Gen.int(in: 0...3)
        ) { strings, numbers, count in
            let findings = (0..<count).map {
                Self.finding(Array(strings[$0...] + strings[..<$0]), numbers, cells: $0 % 4)
            }
            let reports = [
                Self.report(strings[1], findings), Self.report("empty.csv", []),
                Self.report("b.csv", findings.reversed()),
            ]
            #expect(FindingRenderer.render(reports, as: .json) == Self.foundationDocument(reports))
        }
    }

    /// The long list is handed over in pieces, and the pieces add up to JSONEncoder's text.
    @Test func longListStreamsInPieces() {
        let findings = (0..<5_000).map {
            Finding(
                .smallCount(column: "Cases", numeratorMinimum: 11),
                location: SourceLocation(file: "big.csv", line: $0 + 2, record: $0 + 2),
                cell: [Coordinate(dimension: "County", value: "C\($0)")])
        }
        let reports = [Self.report("big.csv", findings)]
        var pieces: [String] = []
        FindingRenderer.write(reports, as: .json) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.map(\.utf8.count).max() ?? 0 < 1 << 17)
        #expect(pieces.joined() == Self.foundationDocument(reports))
    }

    @Test func sarifMatchesJSONEncoderOfTheSameResults() {
        let findings = [
            Self.finding(["r", "a/b.csv", "m \"q\"", "County", "Alpine", "x", "y", "z"], [1, 3, nil, 4], cells: 2),
            Self.finding(["s", "c.csv", "n", "Sex", "F", "t", "u", "v"], [nil, nil, nil, nil], cells: 0),
        ]
        let report = Self.report("a/b.csv", findings)
        let rendered = FindingRenderer.render([report], as: .sarif)
        let rules = SARIFRenderer.rules
        let log = SARIFRenderer.Log(runs: [
            SARIFRenderer.Run(
                tool: SARIFRenderer.Tool(driver: SARIFRenderer.Driver(rules: rules)),
                results: JSONArrayStream(count: findings.count) { SARIFRenderer.result(findings[$0], in: report) })
        ])
        #expect(rendered == Self.foundation(log) + "\n")
        let object = try? JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(object?["version"] as? String == "2.1.0")
    }

    /// Doubles, nested optionals, empty containers and dictionaries, as JSONEncoder writes them.
    @Test func otherValuesMatchJSONEncoder() {
        struct Sample: Encodable {
            let share: Double
            let whole: Double
            let absent: Int?
            let present: Int?
            let empty: [String]
            let emptyObject: [String: Int]
            let byKey: [String: Int]
            let nested: [[String]]
            let flag: Bool
            let small: Int8
            let short: Int16
            let unsigned: UInt
            let unsignedShort: UInt16
            let unsigned32: UInt32
            let unsigned64: UInt64
            let single: Float
        }
        for share in [0.1151, 0.0001, 1e-05, 0.5, 12.25] {
            let sample = Sample(
                share: share, whole: 3, absent: nil, present: 4, empty: [], emptyObject: [:],
                byKey: ["b": 2, "a": 1, "B": 3], nested: [[], ["x/y"]], flag: false,
                small: -8, short: 300, unsigned: 7, unsignedShort: 9, unsigned32: 10, unsigned64: .max,
                single: Float(share))
            #expect(JSONStream.encode(sample) == Self.foundation(sample))
        }
    }
}
