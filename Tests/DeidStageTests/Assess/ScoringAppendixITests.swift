import Testing
@testable import DeidSupport

/// DDG Ed. 2.0 Appendix I, "Scoring scenarios for public health care coverage" (ddg-rules §5.7): every row a
/// table can express. All are annual (time 0) with fewer than 11 events (+7); the smallest count is 2, so a
/// table of only events, time and population scores 0 for interactions, as the DDG's arithmetic assumes.
@Suite struct ScoringAppendixITests {
    /// "Events, statewide": the DDG says "Safe Harbor if Statewide and Annual data" and gives no number; the
    /// tables give 7 + 0 − 5 + 0 = 2, which allows release without masking.
    @Test func eventsStatewide() throws {
        let c = try DDGCase("appendix-i-events", "statewide.deid.yaml")
        expectScore(try c.score(), total: 2, ["events": 7, "time": 0, "residence_geography": -5, "interactions": 0])
        #expect(try c.assess().decision == .scoreAtMostThreshold)
    }

    /// "Events, county-level": Alpine (< 4,000) 7 + 7 = 14 · 10,000 → 12 · 30,000 → 11.
    @Test(arguments: [(1163, 7, 14), (10000, 5, 12), (30000, 4, 11)])
    func eventsCountyLevel(population: Int, geography: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-events", "county-\(population).deid.yaml").score()
        expectScore(score, total: total, ["events": 7, "time": 0, "residence_geography": geography, "interactions": 0])
    }

    /// "Events + means-tested program", statewide and in Alpine (1,163): Medi-Cal 2 / 14, self-pay 5 / 17,
    /// CalFresh 4 / 16, WIC 5 / 17, CalWORKs/HSP 10 / 22. The program adds a +1 interaction only at or below
    /// 10,000,000 enrollees.
    @Test(arguments: [
        ("medi-cal", 0, 0, 2, 14), ("self-pay", 2, 1, 5, 17), ("calfresh", 1, 1, 4, 16), ("wic", 2, 1, 5, 17),
        ("calworks-hsp", 7, 1, 10, 22),
    ]) func eventsAndProgram(program: String, points: Int, interactions: Int, statewide: Int, alpine: Int) throws {
        let state = try DDGCase("appendix-i-programs", "statewide-\(program).deid.yaml").score()
        expectScore(state, total: statewide, [
            "events": 7, "time": 0, "residence_geography": -5, "program": points, "interactions": interactions,
        ])
        let county = try DDGCase("appendix-i-programs", "alpine-\(program).deid.yaml").score()
        expectScore(county, total: alpine, [
            "events": 7, "time": 0, "residence_geography": 7, "program": points, "interactions": interactions,
        ])
    }

    /// "Health plans/insurers": enrollment < 4,000 → 12 · 10,000 → 12 · 30,000 → 11. With no geography,
    /// insurance coverage stands for the population.
    @Test(arguments: [(3000, 5, 12), (10000, 5, 12), (30000, 4, 11)])
    func healthPlans(members: Int, insurance: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-health-plans", "plans-\(members).deid.yaml").score()
        expectScore(score, total: total, ["events": 7, "time": 0, "insurance": insurance, "interactions": 0])
        #expect(score.line("insurance")?.evidence.contains("stands for the population") == true)
    }

    /// "Health plans incl. Medi-Cal, no geography": the same 12 / 12 / 11 (Medi-Cal 0, no interaction).
    @Test(arguments: [(3000, 5, 12), (10000, 5, 12), (30000, 4, 11)])
    func healthPlansWithMediCal(members: Int, insurance: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-health-plans", "plans-medi-cal-\(members).deid.yaml").score()
        expectScore(score, total: total, ["events": 7, "time": 0, "insurance": insurance, "program": 0, "interactions": 0])
    }

    /// "Health plans incl. Medi-Cal, county-level": insurance when the plan is smaller than the area
    /// (Los Angeles: 12 / 12 / 11), geography otherwise (< 4,000 → 14, 10,000 → 12, 30,000 → 11).
    @Test(arguments: [(3000, 5, 12), (10000, 5, 12), (30000, 4, 11)])
    func healthPlansCountyInsuranceBranch(members: Int, insurance: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-health-plans", "plans-medi-cal-los-angeles-\(members).deid.yaml").score()
        expectScore(score, total: total, ["events": 7, "time": 0, "insurance": insurance, "program": 0, "interactions": 0])
        let geography = try #require(score.line("residence_geography"))
        #expect(!geography.counted && geography.points == -5)
        #expect(geography.evidence.contains("insurance coverage decides"))
    }

    @Test(arguments: [(1163, 7, 14), (10000, 5, 12), (30000, 4, 11)])
    func healthPlansCountyGeographyBranch(county: Int, geography: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-health-plans", "plans-medi-cal-county-\(county).deid.yaml").score()
        expectScore(score, total: total, [
            "events": 7, "time": 0, "residence_geography": geography, "program": 0, "interactions": 0,
        ])
        #expect(score.line("insurance")?.counted == false)
    }

    /// "Health plans + means-tested < 10 M" (WIC +2, interaction +1, base 10): 10,000 → 15 · 30,000 → 14 ·
    /// 150,000 → 11; the same in Los Angeles (insurance branch).
    @Test(arguments: [(10000, 5, 15), (30000, 4, 14), (150000, 1, 11)])
    func healthPlansWithWIC(members: Int, insurance: Int, total: Int) throws {
        for name in ["plans-wic-\(members)", "plans-wic-los-angeles-\(members)"] {
            let score = try DDGCase("appendix-i-health-plans", name + ".deid.yaml").score()
            expectScore(score, total: total, ["events": 7, "time": 0, "insurance": insurance, "program": 2, "interactions": 1])
        }
    }

    /// Same, county-level, geography branch: < 4,000 → 17 · 10,000 → 15 · 30,000 → 14 · 150,000 → 11.
    @Test(arguments: [(1163, 7, 17), (10000, 5, 15), (30000, 4, 14), (150000, 1, 11)])
    func healthPlansWithWICCountyGeographyBranch(county: Int, geography: Int, total: Int) throws {
        let score = try DDGCase("appendix-i-health-plans", "plans-wic-county-\(county).deid.yaml").score()
        expectScore(score, total: total, [
            "events": 7, "time": 0, "residence_geography": geography, "program": 2, "interactions": 1,
        ])
    }
}
