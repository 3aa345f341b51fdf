import Testing
@testable import DeidDescription
@testable import DeidAssess

/// Reading age and time labels (Q15, R1, Q9).
@Suite struct ScoringLabelParserTests {
    @Test(arguments: [
        ("0-17", 0, 17), ("0–17", 0, 17), ("0 - 17", 0, 17), ("18 to 24", 18, 24), ("18 to 24 years", 18, 24),
        ("Ages 25-34", 25, 34), ("5", 5, 5), ("<1", 0, 0), ("< 1 year", 0, 0), ("Under 5", 0, 4),
        ("Under 1 year", 0, 0), ("Less than 18", 0, 17), ("5 and under", 0, 5), ("12–14", 12, 14),
    ]) func closedRanges(label: String, low: Int, high: Int) {
        #expect(AgeLabelParser.parse(label) == AgeRange(low: low, high: high))
    }

    @Test(arguments: ["65+", "65 and over", "65 years and over", "65 and older", "65 or older", "65 plus", "90+"])
    func openEndedGroups(label: String) {
        let range = AgeLabelParser.parse(label)
        #expect(range?.high == nil && range?.low != nil)
    }

    @Test(arguments: ["All ages", "Adults", "17-12", "0-17-25", "", "Under 0"])
    func unreadableAges(label: String) {
        #expect(AgeLabelParser.parse(label) == nil)
    }

    /// Open-ended groups end at `open_ended_max_age` (99 in the presets): 90+ is 10 years (+3), 65+ is 35 (+1).
    @Test func openEndedWidthUsesThePolicyMaximum() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Age\n      role: age\n",
            csv: "Age,Cases\n0-64,900\n65-89,400\n90+,40\n")
        defer { c.remove() }
        let age = try #require(try c.score().line("age"))
        #expect(age.points == 3 && age.evidence == "smallest range 90+ (read as 90–99, Q15) = 10 years")
    }

    /// A label deid cannot read can be declared with `ages:`; "Unknown" adds no risk (Q17).
    @Test func declaredAgesAndUnknown() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Age\n      role: age\n      ages: {Children: [0, 17], Seniors: [65, open]}\n",
            csv: "Age,Cases\nChildren,900\nSeniors,400\nUnknown,3\n")
        defer { c.remove() }
        let age = try #require(try c.score().line("age"))
        #expect(age.points == 2 && age.evidence == "smallest range 0–17 = 18 years")
    }

    @Test(arguments: [
        ("2021", ReportingPeriod.year), ("2016-2020", .years(5)), ("2016–2018", .years(3)), ("2019 to 2020", .years(2)),
    ]) func timeLabels(label: String, period: ReportingPeriod) {
        #expect(TimeLabelParser.parse(label) == period)
    }

    @Test(arguments: ["Q1 2021", "2021-03", "FY 2019-20", "Year 1", "21", "2020-2016"])
    func unreadableTimeLabels(label: String) {
        #expect(TimeLabelParser.parse(label) == nil)
    }

    @Test(arguments: [
        ("year", ReportingPeriod.year), ("half_year", .halfYear), ("quarter", .quarter), ("month", .month),
        ("week", .week), ("day", .day), ("5 years", .years(5)), ("1 year", .year),
    ]) func periodKeys(text: String, period: ReportingPeriod) {
        #expect(ReportingPeriod(text: text) == period)
    }

    /// Pooled periods: 2–4 years → −3, 5 or more → −5 (Q9); a mix of pooled and single years is scored at the
    /// shortest (riskiest) period.
    @Test func pooledYears() throws {
        for (labels, points) in [(["2012-2016", "2017-2021"], -5), (["2015-2017", "2018-2020"], -3), (["2011-2020", "2021"], 0)] {
            let c = try InlineCase(
                table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  dimensions:\n    - column: Period\n      role: time\n",
                csv: "Period,Cases\n" + labels.map { "\($0),500\n" }.joined())
            defer { c.remove() }
            #expect(try c.score().points("time") == points, "\(labels)")
        }
    }

    /// Q9: "Bi-Annual" is a half year (+3).
    @Test func halfYearIsBiAnnual() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  dimensions:\n    - column: Half\n      role: time\n      period: half_year\n",
            csv: "Half,Cases\n2021 H1,500\n2021 H2,400\n")
        defer { c.remove() }
        let time = try #require(try c.score().line("time"))
        #expect(time.points == 3 && time.category == "Bi-Annual")
    }
}
