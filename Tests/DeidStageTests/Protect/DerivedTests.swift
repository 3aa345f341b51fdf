import Foundation
import Testing

@testable import DeidSupport
@testable import DeidRead
@testable import DeidProtect
@testable import DeidVerify

/// Derived statistics (DDG Ed. 2.0 rule 5, T10) and the rounded zero of Example 3.
@Suite struct DerivedTests {
    /// DDG Ed. 2.0 §4.4.3 Example 3: XXX's count of 3 and its 0.0% are hidden; ZZZ's 0 and 0.0% are a
    /// non-event and stay.
    @Test func example3HidesTheCountAndItsRoundedZero() throws {
        let run = try FixtureRun(fixture: "ddg/example3")
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == (try Masking.expected("example3")))
        #expect(released.report.hiddenCells.map(\.cell) == [[Coordinate(dimension: "County", value: "XXX")]])
        #expect(released.report.hiddenCells.first?.reason == .primary)
        #expect(released.report.summary.audit.verdict == .pass)
    }

    /// A release that left XXX's 0.0% beside its blank count: one finding, the specific one.
    @Test func checkReportsARoundedZeroBesideAHiddenCount() throws {
        let run = try FixtureRun(fixture: "ddg/example3")
        defer { run.remove() }
        let report = try run.check(Masking.fixtures + "/example3/released-with-zero-percent.csv")
        #expect(report.findings.map(\.code) == [.roundedZeroPercent])
        let finding = try #require(report.findings.first)
        #expect(finding.location.line == 2)
        #expect(finding.cell == [Coordinate(dimension: "County", value: "XXX")])
        #expect(report.message(of: finding) == "County=XXX: a derived value (Percent) reads as zero while the count is hidden; a "
            + "rounded zero beside a non-zero count tells the reader the count is small, so it must be hidden with "
            + "the count (DDG Ed. 2.0 §4.4.3 Example 3)")
        #expect(report.hasErrors)
    }

    /// The raw table: XXX's 3 is a small count, and its 0.0% is a rounded zero; ZZZ's 0 and 0.0% are fine.
    @Test func checkReportsARoundedZeroBesideASmallCount() throws {
        let run = try FixtureRun(fixture: "ddg/example3")
        defer { run.remove() }
        let report = try run.check()
        #expect(report.findings.map(\.code) == [.roundedZeroPercent, .smallCount])
        #expect(report.findings.allSatisfy { $0.location.line == 2 })
        let zero = try #require(report.findings.first)
        // The finding names the cell, the column and the rule, never the count or the percentage.
        #expect(report.message(of: zero) == "County=XXX: a derived value (Percent) reads as zero while the count is below the "
            + "numerator minimum and not zero; a rounded zero beside a non-zero count tells the reader the count is "
            + "small, so it must be hidden with the count (DDG Ed. 2.0 §4.4.3 Example 3)")
    }

    /// A hidden count with a non-zero derived value is still the general rule-5 finding.
    @Test func aPublishedNonZeroValueOfAHiddenCountIsTheGeneralFinding() throws {
        let run = try FixtureRun(fixture: "ddg/example3")
        defer { run.remove() }
        try run.folder.write("released.csv", "County,Count,Percent,Annotation\nXXX,,0.1,1\nYYY,15,1.0,\nZZZ,0,0.0,\n")
        let report = try run.check(run.folder.path + "/released.csv")
        #expect(report.findings.map(\.code) == [.derivedWithHiddenCount])
    }

    @Test(arguments: [
        ("0", true), ("0.0", true), ("0.00", true), (".0", true), ("-0.0", true), ("0%", true), ("0.0 %", true),
        (" 0.0 ", true), ("00", true),
        ("0.1", false), ("1.0", false), ("10", false), ("", false), ("%", false), (".", false), ("< 0.1", false),
        ("0.0.0", false), ("n/a", false), ("0e0", false),
    ])
    func whatReadsAsZero(text: String, zero: Bool) {
        #expect(NumberParser.readsAsZero(text) == zero)
    }

    /// Under a policy that publishes derived values of hidden rows, the release still refuses the rounded zero:
    /// verification looks at every row of the release before anything is written.
    @Test func releaseRefusesARoundedZeroUnderAnyPolicy() throws {
        let run = try FixtureRun(
            fixture: "ddg/example3",
            policy: try Masking.preset(replacing: "hide_with_count: true", with: "hide_with_count: false"))
        defer { run.remove() }
        let error = expectError(VerifyError.self) { _ = try run.release() }
        guard case .roundedZeroWouldBePublished(let cell, let column, let at) = error else {
            Issue.record("expected roundedZeroWouldBePublished, got \(String(describing: error))")
            return
        }
        #expect(cell == [Coordinate(dimension: "County", value: "XXX")])
        #expect(column == "Percent")
        #expect(at.line == 2)
        #expect(run.wroteNothing)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.folder.path).allSatisfy { !$0.contains(".deid-") })
    }

    /// A table with 40 derived columns whose last one reads as zero beside a small count: every derived column
    /// is looked at, not only the first few.
    static func manyDerivedColumns(policy: String? = nil) throws -> FixtureRun {
        let names = (1...40).map { "D\($0)" }
        let row: (String, String) -> String = { county, count in
            ([county, count] + names.dropLast().map { _ in "1.0" } + ["0.0"]).joined(separator: ",")
        }
        return try FixtureRun(
            csv: (["County,Count," + names.joined(separator: ","), row("XXX", "3"), row("YYY", "15"),
                row("ZZZ", "20")] + [""]).joined(separator: "\n"),
            description: """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: aggregate
                  dimensions:
                    - column: County
                      role: residence_geography
                  count: Count
                  derived: [\(names.joined(separator: ", "))]
                  annotation: Annotation
                """, policy: policy)
    }

    @Test func checkLooksAtEveryDerivedColumnForARoundedZero() throws {
        let run = try Self.manyDerivedColumns()
        defer { run.remove() }
        let report = try run.check()
        // Only D40 reads as zero: the finding is there because the 40th column was looked at.
        #expect(report.findings.map(\.code) == [.roundedZeroPercent, .smallCount])
    }

    @Test func releaseLooksAtEveryDerivedColumnForARoundedZero() throws {
        let run = try Self.manyDerivedColumns(
            policy: try Masking.preset(replacing: "hide_with_count: true", with: "hide_with_count: false"))
        defer { run.remove() }
        let error = expectError(VerifyError.self) { _ = try run.release() }
        guard case .roundedZeroWouldBePublished(_, let column, _) = error else {
            Issue.record("expected roundedZeroWouldBePublished, got \(String(describing: error))")
            return
        }
        #expect(column == "D40")
    }

    /// Rule 5 covers complementary cells too: every hidden row of the recoded release has an empty rate.
    @Test func derivedValuesOfEveryHiddenRowAreEmpty() throws {
        let run = try FixtureRun(fixture: "ddg/recode-county")
        defer { run.remove() }
        let released = try run.release()
        let rows = Masking.rows(released.csv)
        let hidden = rows.dropFirst().filter { $0[2].isEmpty }
        #expect(hidden.count == 4)
        #expect(hidden.allSatisfy { $0[4].isEmpty })
        #expect(Set(released.report.hiddenCells.map(\.reason)) == [.primary, .complementary])
    }
}
