import Foundation
import PropertyBased
import Testing

@testable import DeidSupport
@testable import DeidEmit

/// The JSON and SARIF findings are written by hand (`PrettyJSON`, `JSONSplice`) so that a list of 400,000
/// findings streams out; these tests hold that writer to exactly what JSONEncoder writes for the same values.
@Suite struct StreamedJSONTests {
    /// Strings drawn from what JSON must escape (quotes, backslashes, control characters) and what it must not
    /// (slashes, non-ASCII, the marker's own characters).
    static let text = Gen<Character?>.element(of: Array("a\"\\/\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é東𝄞@-: {}[]"))
        .compactMap { $0 }.string(of: 0...8)

    static func finding(_ strings: [String], _ numbers: [Int?], cells: Int, properties: Int) -> Finding {
        Finding(
            rule: RuleID(rawValue: strings[0]),
            severity: [.error, .warning, .note][abs(numbers[0] ?? 0) % 3],
            location: SourceLocation(file: strings[1], line: numbers[1], column: numbers[2], record: numbers[3]),
            message: strings[2],
            cell: (0..<cells).map { Coordinate(dimension: strings[3 + $0], value: strings[4 + $0]) },
            properties: Dictionary((0..<properties).map { (strings[$0 + 2], strings[$0 + 5]) }) { first, _ in first })
    }

    /// The document the renderer wrote before streaming: JSONEncoder over every report, findings included.
    static func encodedWhole(_ reports: [CheckReport]) -> String {
        struct Document: Encodable {
            let schemaVersion = 1
            let tool = ToolInfo()
            let files: [CheckReport]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", tool, files }
        }
        return JSONOutput.encode(Document(files: reports)) + "\n"
    }

    static func report(_ file: String, _ findings: [Finding]) -> CheckReport {
        CheckReport(
            file: file, policy: "calhhs-ddg-2.0", findings: findings, omittedFindings: findings.isEmpty ? [:] : ["x": 2],
            summary: CheckSummary(cells: 12, hiddenCells: 3, visibleSmallCounts: 1, audit: nil))
    }

    @Test func oneFindingMatchesJSONEncoder() async {
        await propertyCheck(
            count: 300, input: Self.text.array(of: 8...8), Gen.int(in: -5...1_000_000).optional.array(of: 4...4),
            Gen.int(in: 0...4), Gen.int(in: 0...3)
        ) { strings, numbers, cells, properties in
            let finding = Self.finding(strings, numbers, cells: cells, properties: properties)
            var written = ""
            PrettyJSON.write(finding.prettyJSON, indent: 0, to: &written)
            #expect(written == JSONOutput.encode(finding))

            let result = SARIFRenderer.result(finding)
            written = ""
            PrettyJSON.write(result.prettyJSON, indent: 0, to: &written)
            #expect(written == JSONOutput.encode(result))
        }
    }

    @Test func wholeDocumentMatchesJSONEncoder() async {
        await propertyCheck(
            count: 100, input: Self.text.array(of: 8...8), Gen.int(in: 1...9_999).optional.array(of: 4...4),
            Gen.int(in: 0...3)
        ) { strings, numbers, count in
            let findings = (0..<count).map {
                Self.finding(Array(strings[$0...] + strings[..<$0]), numbers, cells: $0 % 4, properties: ($0 + 1) % 4)
            }
            // An empty report between full ones, and a file name that looks like the marker.
            let reports = [
                Self.report(strings[1], findings), Self.report(JSONSplice.marker(1), []),
                Self.report("b.csv", findings.reversed()),
            ]
            #expect(FindingRenderer.render(reports, as: .json) == Self.encodedWhole(reports))
        }
    }

    /// The long list is handed over in pieces, and the pieces add up to JSONEncoder's text.
    @Test func longListStreamsInPieces() {
        let findings = (0..<5_000).map {
            Finding(
                rule: .smallCount, location: SourceLocation(file: "big.csv", line: $0 + 2, record: $0 + 2),
                message: "count below 11 is visible", cell: [Coordinate(dimension: "County", value: "C\($0)")],
                properties: ["threshold": "11"])
        }
        let reports = [Self.report("big.csv", findings)]
        var pieces: [String] = []
        FindingRenderer.write(reports, as: .json) { pieces.append($0) }
        #expect(pieces.count > 10)
        #expect(pieces.map(\.utf8.count).max() ?? 0 < 1 << 17)
        #expect(pieces.joined() == Self.encodedWhole(reports))
    }

    @Test func sarifMatchesJSONEncoderOfTheSameResults() {
        struct Log: Encodable {
            let version = "2.1.0"
            let schema = "https://json.schemastore.org/sarif-2.1.0.json"
            let runs: [Run]
            enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
        }
        struct Run: Encodable { let tool: SARIFRenderer.Tool; let results: [SARIFRenderer.Result] }
        let findings = [
            Self.finding(["r", "a/b.csv", "m \"q\"", "County", "Alpine", "x", "y", "z"], [1, 3, nil, 4], cells: 2,
                         properties: 1),
            Self.finding(["s", "c.csv", "n", "Sex", "F", "t", "u", "v"], [nil, nil, nil, nil], cells: 0, properties: 0),
        ]
        let reports = [Self.report("a/b.csv", findings)]
        let rendered = FindingRenderer.render(reports, as: .sarif)
        let rules = RuleID.summaries.keys.sorted { $0.rawValue < $1.rawValue }.map {
            SARIFRenderer.Rule(id: $0.rawValue, shortDescription: SARIFRenderer.Text(text: RuleID.summaries[$0] ?? ""))
        }
        let log = Log(runs: [
            Run(tool: SARIFRenderer.Tool(driver: SARIFRenderer.Driver(rules: rules)),
                results: findings.map(SARIFRenderer.result))
        ])
        #expect(log.schema == Self.schemaURL(in: rendered))
        #expect(rendered == JSONOutput.encode(log) + "\n")
    }

    /// The `$schema` the renderer wrote, so the test's copy of the log cannot drift silently.
    static func schemaURL(in sarif: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        return object?["$schema"] as? String
    }
}
