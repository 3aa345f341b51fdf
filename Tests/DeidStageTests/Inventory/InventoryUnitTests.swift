import Foundation
import PropertyBased
import Testing
import DeidDescription
@testable import DeidInventory

/// The pieces of `deid inventory`: value shapes, column-name matching, distinct counting in bounded memory, the
/// combination counter, and the preset's rules.
@Suite struct InventoryUnitTests {
    static func shape(_ text: String) -> ValueShape {
        Array(text.utf8).withUnsafeBytes { ValueShape.of($0) }
    }

    @Test func valuesGetTheirShapes() {
        let cases: [(String, ValueShape)] = [
            ("42", .integer), ("-7", .integer), ("036", [.integer, .zip3]), ("2024", [.integer, .year]),
            ("1700", .integer), ("95814", [.integer, .zip5]), ("95814-1234", .zipPlus4), ("3.25", .decimal),
            ("2024-03-15", .fullDate), ("3/15/2024", .fullDate), ("2024-03-15T08:30:00", .fullDate), ("2024-03", .yearMonth),
            ("ana@example.org", .email), ("a@b", []), ("123-45-6789", .ssn), ("(916) 555-0100", .phone),
            ("916-555-0100", .phone), ("https://example.org/x", .url), ("www.example.org", .url),
            ("10.0.0.255", .ipv4), ("10.0.0.256", []), ("see me at ana@example.org.", .email),
            ("Los Angeles", []), ("18-44", []), ("65+", []),
        ]
        for (text, expected) in cases { #expect(Self.shape(text) == expected, "\(text)") }
    }

    @Test func columnNamesMatchAsWords() {
        let name = ColumnWords("Patient_Last_Name")
        #expect(name.words == ["patient", "last", "name"])
        #expect(name.contains(ColumnWords("last name")) && name.contains(ColumnWords("NAME")))
        #expect(!name.contains(ColumnWords("first name")))
        #expect(ColumnWords("Race/Ethnicity").contains(ColumnWords("race ethnicity")))
        #expect(!ColumnWords("County").contains(ColumnWords("city")))
        #expect(!ColumnWords("ZIP3").contains(ColumnWords("zip")))
    }

    @Test func distinctValuesAreExactThenEstimatedWithinTwoPercent() {
        for n in [10, DistinctCounter.exactLimit, 50_000, 300_000] {
            var counter = DistinctCounter()
            for i in 0..<n {
                for _ in 0..<2 { Array("P\(i)".utf8).withUnsafeBytes { counter.add($0) } }
            }
            #expect(counter.isEstimate == (n > DistinctCounter.exactLimit))
            let error = abs(Double(counter.count - n)) / Double(n)
            #expect(n <= DistinctCounter.exactLimit ? counter.count == n : error < 0.02, "\(n): \(counter.count)")
        }
    }

    struct Rows: Sendable { var rows: [[UInt8]] }

    static let rows = Generator<Rows, Shrink.None<Rows>>(run: { rng in
        Rows(rows: (0..<Int.random(in: 1...300, using: &rng)).map { _ in
            (0..<4).map { _ in UInt8.random(in: 0...3, using: &rng) }
        })
    })

    /// Group sizes over any subset of the tracked columns, after a column is dropped mid-stream, are the
    /// group sizes counted directly.
    @Test func combinationsMergeWhenAColumnIsDropped() async {
        await propertyCheck(count: 100, input: Self.rows) { input in
            var counter = CombinationCounter(fields: [0, 1, 2, 3])
            for (r, row) in input.rows.enumerated() {
                if r == input.rows.count / 2 { counter.drop(field: 2) }
                let fields = row.map { [UInt8(ascii: "a") + $0] }
                counter.add { field in fields[field].withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[...]) } }
            }
            for subset in [[0, 1, 3], [0, 3], [1]] {
                var direct: [[UInt8]: Int] = [:]
                for row in input.rows { direct[subset.map { row[$0] }, default: 0] += 1 }
                #expect(counter.groupSizes(over: subset)?.sorted() == direct.values.sorted(), "\(subset)")
            }
            #expect(counter.groupSizes(over: [2]) == nil, "a dropped column is no longer counted")
        }
    }

    @Test func combinationsStopPastTheLimit() {
        var counter = CombinationCounter(fields: [0], limit: 3)
        for value in ["a", "b", "c", "d"] {
            let bytes = Array(value.utf8)
            bytes.withUnsafeBytes { buffer in counter.add { _ in buffer } }
        }
        #expect(counter.overflowed && counter.groupSizes(over: [0]) == nil)
    }

    @Test func thePresetLoadsAndAMisspeltKeyIsAnError() throws {
        let rules = try InventoryRules.load(presetsDirectory: Repo.presets, userRules: nil)
        #expect(rules.identifiers.count == 18, "Safe Harbor lists 18 identifiers (A)–(R)")
        #expect(rules.ageOver == 89 && rules.zip3PopulationAbove == 20_000 && rules.restrictedZIP3.count == 17)
        #expect(rules.smallGroupMax == 10)
        let text = try String(contentsOfFile: Repo.presets + "/" + InventoryRules.presetPath, encoding: .utf8)
        #expect(throws: DescriptionError.self) {
            try InventoryRules.parse(yaml: text.replacingOccurrences(of: "small_group_max:", with: "small_groups_max:"), file: "x.yaml")
        }
    }
}
