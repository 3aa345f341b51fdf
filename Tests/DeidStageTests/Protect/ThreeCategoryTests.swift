import Foundation
import Testing

@testable import DeidDescription
@testable import DeidProtect

/// The three-category method (DDG Ed. 2.0 §4.4.4, T11, ddg-rules Q13): rounded whole percentages, no counts,
/// every total at least 1,100.
@Suite struct ThreeCategoryTests {
    /// The DDG's example: 545 / 545 / 10 of 1,100 → 50% / 50% / < 1% / 100%.
    @Test func ddgExampleIsPublishedAsRoundedPercentages() throws {
        let run = try FixtureRun(fixture: "ddg/three-category")
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == (try Masking.expected("three-category")))
        #expect(released.report.hiddenCells.isEmpty)  // described as a whole in `percentages_only`
        #expect(released.report.summary.hiddenByReason == [.percentagesOnly: 4])
        let info = try #require(released.report.percentagesOnly)
        #expect(info.dimension == "Sex" && info.column == "Percent")
        #expect(info.minTotal == 1100 && info.code == "P" && info.totals == 1)
        #expect(info.audit.verdict == .pass)
        #expect(info.audit.categoriesAudited == 3)
        #expect(info.audit.smallCategories == 1)
        #expect(info.footnote.hasPrefix("Counts are not shown to protect the privacy"))
        let block = try #require(released.json["percentages_only"] as? [String: Any])
        #expect(block["min_total"] as? Int == 1100)
        #expect(released.summary.contains("'Sex' published as rounded percentages only"))
    }

    /// T11: a total of 1,099 is below 11 ÷ 1%; nothing is written and the message prints no count.
    @Test func aTotalOf1099IsRefused() throws {
        let run = try FixtureRun(fixture: "ddg/three-category-total-1099")
        defer { run.remove() }
        let error = expectError(ProtectError.self) { _ = try run.release() }
        #expect(error?.description == "table.csv:2: error: the total of 'Sex' for the table is below 1100, the "
            + "smallest total whose rounded percentages hide a small count (T11, three_category.min_total); "
            + "aggregate the other dimensions (e.g. counties into regions) or publish counts with suppression")
        #expect(error?.message.contains("1099") == false)
        #expect(run.wroteNothing)
    }

    /// Every slice is checked: Alpine's total is too small even though California's is large.
    @Test func everyTotalIsChecked() throws {
        let run = try FixtureRun(
            csv: """
                County,Sex,Patients
                California,Total,2300
                California,Male,1145
                California,Female,1140
                California,Intersex,15
                Fresno,Total,1900
                Fresno,Male,950
                Fresno,Female,940
                Fresno,Intersex,10
                Alpine,Total,400
                Alpine,Male,195
                Alpine,Female,200
                Alpine,Intersex,5

                """,
            description: Self.countyBySex)
        defer { run.remove() }
        let error = expectError(ProtectError.self) { _ = try run.release() }
        #expect(error?.message.hasPrefix("the total of 'Sex' for County=Alpine is below 1100") == true)
        #expect(error?.location?.line == 10)
    }

    /// Two counties above the minimum: each county's row shares are its own; relations across counties are part
    /// of the percentages audit.
    @Test func percentagesAreSharesOfEachTotal() throws {
        let run = try FixtureRun(
            csv: """
                County,Sex,Patients
                California,Total,4000
                California,Male,1988
                California,Female,1996
                California,Intersex,16
                Fresno,Total,1900
                Fresno,Male,950
                Fresno,Female,940
                Fresno,Intersex,10
                Kern,Total,2100
                Kern,Male,1038
                Kern,Female,1056
                Kern,Intersex,6

                """,
            description: Self.countyBySex)
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == """
            County,Sex,Patients,Percent
            California,Total,,100%
            California,Male,,50%
            California,Female,,50%
            California,Intersex,,< 1%
            Fresno,Total,,100%
            Fresno,Male,,50%
            Fresno,Female,,49%
            Fresno,Intersex,,< 1%
            Kern,Total,,100%
            Kern,Male,,49%
            Kern,Female,,50%
            Kern,Intersex,,< 1%

            """)
        #expect(released.report.percentagesOnly?.totals == 3)
        #expect(released.report.percentagesOnly?.audit.smallCategories == 3)
    }

    /// 1,099 / 1 / 0 of 1,100 shows 100% / < 1% / 0%. "100%" means at least 1,095, so an attacker who knows the
    /// total narrows the small category to 1–5: the percentages audit refuses what the DDG's rule of thumb allows.
    @Test func roundedSharesThatNarrowASmallCategoryAreRefused() throws {
        let run = try FixtureRun(
            csv: "Sex,Patients\nTotal,1100\nMale,1099\nFemale,1\nIntersex,0\n",
            description: try String(contentsOfFile: Masking.fixtures + "/three-category/table.deid.yaml", encoding: .utf8))
        defer { run.remove() }
        let error = expectError(ProtectError.self) { _ = try run.release() }
        #expect(error?.message.hasPrefix("the rounded percentages of 'Sex' would let an attacker who knows the totals "
            + "narrow 1 small category below the policy's interval width and the range 1 to the numerator minimum − 1") == true)
        #expect(run.wroteNothing)
    }

    @Test func fourCategoriesAreRefused() throws {
        let run = try FixtureRun(
            csv: "Sex,Patients\nTotal,1200\nMale,590\nFemale,590\nIntersex,10\nUnknown,10\n",
            description: try String(contentsOfFile: Masking.fixtures + "/three-category/table.deid.yaml", encoding: .utf8))
        defer { run.remove() }
        let error = expectError(ProtectError.self) { _ = try run.release() }
        #expect(error?.message.hasPrefix("rounded percentages (the DDG's three-category method, Ed. 2.0 §4.4.4) need "
            + "exactly three categories under the total of 'Sex'; the table has 4") == true)
    }

    // MARK: the arithmetic

    @Test func sharesOfTheDDGExample() {
        #expect(RoundedPercentages.share(545, of: 1100) == .percent(50))
        #expect(RoundedPercentages.share(10, of: 1100) == .belowOne)  // 0.909%: plain rounding would say 1%
        #expect(RoundedPercentages.share(11, of: 1100) == .percent(1))
        #expect(RoundedPercentages.share(0, of: 1100) == .zero)
        #expect(RoundedPercentages.share(1100, of: 1100) == .percent(100))
        #expect(RoundedPercentages.share(1, of: 200) == .belowOne)  // 0.5% shows "< 1%", not a rounded 1%
        #expect(RoundedPercentages.share(3, of: 200) == .percent(2))  // 1.5% rounds half up
        #expect(RoundedPercentages.interval(of: .belowOne, total: 1100) == (1, 10))
        #expect(RoundedPercentages.interval(of: .percent(50), total: 1100) == (545, 555))
        #expect(RoundedPercentages.interval(of: .percent(1), total: 1100) == (11, 16))
    }

    /// The attacker's interval of a text is exactly the set of counts that show it, for every count of several
    /// totals around the threshold (exhaustive, not sampled).
    @Test(arguments: [1, 99, 100, 101, 1099, 1100, 1101, 1234, 2000, 4999])
    func intervalsInvertTheRounding(total: Int) {
        var bad: [Int] = []
        for count in 0...total {
            let share = RoundedPercentages.share(count, of: total)
            let (lower, upper) = RoundedPercentages.interval(of: share, total: total)
            let inside = lower <= count && count <= upper
            let exact = (max(lower, 0)...max(upper, lower)).allSatisfy { RoundedPercentages.share($0, of: total) == share }
            if !inside || !exact { bad.append(count) }
        }
        #expect(bad.isEmpty, "counts whose interval is wrong: \(bad.prefix(5))")
    }

    // MARK: rules

    @Test func descriptionMistakesAreRefused() throws {
        func problem(_ dimension: String, extra: String = "") -> String? {
            descriptionError { () throws(DescriptionError) in
                try TableDescription.parse(
                    yaml: """
                        version: 1
                        policy: calhhs-ddg-2.0
                        table:
                          input: aggregate
                          dimensions:
                        \(dimension)
                          count: Patients
                        \(extra)
                        """, file: "t.deid.yaml")
            }?.message
        }
        #expect(problem("    - {column: Sex, role: sex, method: rounded_percentages, percent: Pct}") ==
            "dimension 'Sex' has no total; rounded percentages (the DDG's three-category method, Ed. 2.0 §4.4.4) need "
            + "a total and exactly three categories under it: add `total:`")
        #expect(problem("    - {column: Sex, role: sex, total: Total, method: rounded_percentages}")?
            .hasPrefix("missing required key 'percent'") == true)
        #expect(problem("    - {column: Sex, role: sex, total: Total, percent: Pct}")?
            .contains("needs `method: rounded_percentages`") == true)
        #expect(problem("    - {column: Sex, role: sex, hierarchy: {Total: [M, F]}, method: rounded_percentages, percent: P}")?
            .contains("does not fit") == true)
        #expect(problem("    - {column: Sex, role: sex, total: Total, method: rounded_percentages, percent: Patients}")?
            .contains("column 'Patients' is used both as the count and as the percent column") == true)
        #expect(problem(
            "    - {column: Sex, role: sex, total: Total, method: rounded_percentages, percent: Pct}",
            extra: "  aggregate:\n    - {column: Sex, groups: {X: [M, F]}}")?
            .contains("it cannot also be recoded") == true)
    }

    @Test func presetsCarryTheThresholdAndACodeOfItsOwn() throws {
        for name in ["calhhs-ddg-2.0", "calhhs-ddg-1.0"] {
            let policy = try Policy.load(.preset(name), relativeTo: "t.deid.yaml", presetsDirectory: Repo.presets)
            #expect(policy.threeCategory.minTotal == 1100)
            #expect(policy.threeCategory.code == "P")
            #expect(!policy.threeCategory.footnote.isEmpty)
        }
        let clash = try Masking.preset(replacing: "  code: \"P\"", with: "  code: \"4\"")
        let error = descriptionError { () throws(DescriptionError) in try Policy.parse(yaml: clash, file: "p.yaml") }
        #expect(error?.message == "invalid 'code': '4' is already the labels.codes.unreliable code; the "
            + "percentages-only code must differ from every suppression code")
    }

    static let countyBySex = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: California
            - column: Sex
              role: sex
              total: Total
              method: rounded_percentages
              percent: Percent
          count: Patients
        """
}
