import Foundation
import Testing

@testable import DeidModel
@testable import DeidPipeline

/// Reading a large file in two segments on two cores must give exactly the table one pass gives: same cells in
/// the same order, same labels and ids, same lines — including when quoted fields hold delimiters, quotes and
/// line feeds right around the cut.
@Suite struct SegmentedLoadTests {
    static let description = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: Place
              role: residence_geography
              total: All
            - column: Group
              role: other
              total: Total
            - column: Year
              role: time
          count: Cases
        """

    /// A table of `years` slices; every other group label is quoted and contains a comma, a doubled quote or
    /// a line feed, so the quote-parity cut has work to do.
    static func csv(years: Int) -> String {
        let places = ["North", "South, East", "West"]
        let groups = ["a", "b \"x\"", "c,d", "e\nf"]
        func quoted(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = "Place,Group,Year,Cases\n"
        for year in 0..<years {
            var leaf: [[Int]] = []
            for p in places.indices { leaf.append(groups.indices.map { g in (p * 7 + g * 3 + year) % 40 }) }
            let placeTotals = leaf.map { $0.reduce(0, +) }
            let groupTotals = groups.indices.map { g in leaf.reduce(0) { $0 + $1[g] } }
            out += "All,Total,\(2000 + year),\(placeTotals.reduce(0, +))\n"
            for (g, group) in groups.enumerated() { out += "All,\(quoted(group)),\(2000 + year),\(groupTotals[g])\n" }
            for (p, place) in places.enumerated() {
                out += "\(quoted(place)),Total,\(2000 + year),\(placeTotals[p])\n"
                for (g, group) in groups.enumerated() { out += "\(quoted(place)),\(quoted(group)),\(2000 + year),\(leaf[p][g])\n" }
            }
        }
        return out
    }

    @Test func twoSegmentsGiveTheOnePassTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deid-segments-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csvPath = folder.appendingPathComponent("t.csv").path
        let rulesPath = folder.appendingPathComponent("t.deid.yaml").path
        let text = Self.csv(years: 3_000)
        try text.write(toFile: csvPath, atomically: true, encoding: .utf8)
        try Self.description.write(toFile: rulesPath, atomically: true, encoding: .utf8)

        let rules = try DescriptionContext.load(source: .file(csvPath), descriptionFile: rulesPath, presetsDirectory: nil)
        let request = TableLoader.Request(
            source: .file(csvPath), displayName: "t.csv", description: rules.description, policy: rules.policy,
            purpose: .check, digest: true)
        let onePass = try TableLoader.loadInOnePass(AggregateTableBuilder.self, request)
        let segmented = try #require(
            try TableLoader.loadInSegments(AggregateTableBuilder.self, request, path: csvPath, minimumBytes: 1))

        #expect(segmented.table.coordinates == onePass.table.coordinates)
        #expect(segmented.table.counts == onePass.table.counts)
        #expect(segmented.table.lines == onePass.table.lines)
        #expect(segmented.table.dimensions == onePass.table.dimensions)
        #expect(segmented.table.relations.count == onePass.table.relations.count)
        #expect(segmented.sha256 == onePass.sha256)
        #expect(segmented.header == onePass.header)
        // The last record starts on the file's second-to-last line (its group label holds a line feed): the cut
        // did not shift any line number.
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(onePass.table.lines.last.map(Int.init) == lineCount - 1)
    }

    @Test func aBadRowInTheSecondHalfIsReportedAsOnePassReportsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deid-segments-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csvPath = folder.appendingPathComponent("t.csv").path
        var lines = Self.csv(years: 3_000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad = lines.count * 3 / 4
        // A record's last line ends in its count; make that count not a number.
        lines[bad] += "x"
        try lines.joined(separator: "\n").write(toFile: csvPath, atomically: true, encoding: .utf8)
        try Self.description.write(toFile: folder.appendingPathComponent("t.deid.yaml").path, atomically: true, encoding: .utf8)
        let rules = try DescriptionContext.load(source: .file(csvPath), descriptionFile: nil, presetsDirectory: nil)
        let request = TableLoader.Request(
            source: .file(csvPath), displayName: "t.csv", description: rules.description, policy: rules.policy,
            purpose: .check, digest: false)
        // The segmented read fails (the loader then reads in one pass, which reports the error exactly) …
        #expect(throws: ModelError.self) {
            _ = try TableLoader.loadInSegments(AggregateTableBuilder.self, request, path: csvPath, minimumBytes: 1)
        }
        // … and the one-pass error names the record's physical line.
        #expect {
            _ = try TableLoader.loadInOnePass(AggregateTableBuilder.self, request)
        } throws: { error in
            (error as? ModelError)?.location?.line == bad + 1
        }
    }
}
