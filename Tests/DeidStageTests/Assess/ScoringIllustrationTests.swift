import Testing
@testable import DeidSupport

/// The DDG's interaction illustrations, race × ethnicity scenarios and the v1.0 / Ed. 2.0 differences
/// (ddg-rules §5.7, §5.8, Q14). The DDG gives these tables without totals; the scores are the DDG's
/// derivations from the DDG's own tables, assuming statewide annual data where the DDG leaves it open.
@Suite struct ScoringIllustrationTests {
    static let editions = ["calhhs-ddg-2.0", "calhhs-ddg-1.0"]

    /// Illustration A: Sex × Age cross-classified → 2 interacting variables, +2. Statewide: 8 in both editions
    /// (age 18–25 is 8 years: +3 in both); a county of 30,000: 17 (geography +4).
    @Test(arguments: editions) func illustrationA(edition: String) throws {
        let state = try DDGCase("illustration-a", "statewide.deid.yaml", edition: edition).score()
        expectScore(state, total: 8, [
            "events": 7, "time": 0, "residence_geography": -5, "sex": 1, "age": 3, "interactions": 2,
        ])
        let county = try DDGCase("illustration-a", "county-30000.deid.yaml", edition: edition).score()
        expectScore(county, total: 17, [
            "events": 7, "time": 0, "residence_geography": 4, "sex": 1, "age": 3, "interactions": 2,
        ])
    }

    /// Illustration B scored as two tables: the Sex table 2, the Age table 4.
    @Test(arguments: editions) func illustrationBAsTwoTables(edition: String) throws {
        let sex = try DDGCase("illustration-b", "sex.deid.yaml", edition: edition).score()
        expectScore(sex, total: 2, ["events": 5, "time": 0, "residence_geography": -5, "sex": 1, "interactions": 1])
        let age = try DDGCase("illustration-b", "age.deid.yaml", edition: edition).score()
        expectScore(age, total: 4, ["events": 5, "time": 0, "residence_geography": -5, "age": 3, "interactions": 1])
    }

    /// Scenario 1, full cross-tab: race AND ethnicity both score (R7). v1.0: 7 + 2 + 2 + 2 − 5 = 8;
    /// Ed. 2.0 (ethnicity yes/no +1): 7.
    @Test func raceEthnicityScenario1() throws {
        let v1 = try DDGCase("race-ethnicity", "scenario-1.deid.yaml", edition: "calhhs-ddg-1.0").score()
        expectScore(v1, total: 8, [
            "events": 7, "time": 0, "residence_geography": -5, "race": 2, "ethnicity": 2, "interactions": 2,
        ])
        let v2 = try DDGCase("race-ethnicity", "scenario-1.deid.yaml").score()
        expectScore(v2, total: 7, [
            "events": 7, "time": 0, "residence_geography": -5, "race": 2, "ethnicity": 1, "interactions": 2,
        ])
    }

    /// Scenario 2, merged categories (NH Black, NH White, NH Asian, Hispanic): the combined score,
    /// White/Asian/Black/Hispanic +2. v1.0: 5 + 2 + 1 − 5 = 3; Ed. 2.0 the same.
    @Test(arguments: editions) func raceEthnicityScenario2(edition: String) throws {
        let score = try DDGCase("race-ethnicity", "scenario-2.deid.yaml", edition: edition).score()
        expectScore(score, total: 3, ["events": 5, "time": 0, "residence_geography": -5, "race_ethnicity": 2, "interactions": 1])
    }

    /// Scenario 3, no interaction: two tables. Race: 3 + 2 + 1 − 5 = 1 (both editions). Ethnicity: v1.0
    /// 3 + 2 + 1 − 5 = 1; Ed. 2.0 (yes/no +1) 0.
    @Test func raceEthnicityScenario3() throws {
        for edition in Self.editions {
            let race = try DDGCase("race-ethnicity", "scenario-3-race.deid.yaml", edition: edition).score()
            expectScore(race, total: 1, ["events": 3, "time": 0, "residence_geography": -5, "race": 2, "interactions": 1])
        }
        let v1 = try DDGCase("race-ethnicity", "scenario-3-ethnicity.deid.yaml", edition: "calhhs-ddg-1.0").score()
        expectScore(v1, total: 1, ["events": 3, "time": 0, "residence_geography": -5, "ethnicity": 2, "interactions": 1])
        let v2 = try DDGCase("race-ethnicity", "scenario-3-ethnicity.deid.yaml").score()
        expectScore(v2, total: 0, ["events": 3, "time": 0, "residence_geography": -5, "ethnicity": 1, "interactions": 1])
    }

    /// A county of 1,163 people: v1.0 12 (≤ 20,000 → +5) → release; Ed. 2.0 14 (≤ 4,000 → +7) → masking.
    @Test func countyOf1163DiffersBetweenEditions() throws {
        let v1 = try DDGCase("edition-difference", edition: "calhhs-ddg-1.0")
        expectScore(try v1.score(), total: 12, ["events": 7, "time": 0, "residence_geography": 5, "interactions": 0])
        #expect(try v1.assess().decision == .scoreAtMostThreshold)
        let v2 = try DDGCase("edition-difference")
        expectScore(try v2.score(), total: 14, ["events": 7, "time": 0, "residence_geography": 7, "interactions": 0])
        let decision = try v2.assess().decision
        #expect(decision.reasons.map(\.code) == [.scoreAboveThreshold])
        // The description's `populations:` override the reference (the 2020 Census has Alpine at 1,204).
        #expect(try v2.score().line("residence_geography")?.evidence.contains("Alpine, population 1,163 (the description's populations)") == true)
    }

    /// Q14: v1.0's residence bands share 100,000 and 250,000, its service bands 250,000; an edge value takes
    /// the higher score (R1). Ed. 2.0 fixed the edges: 100,000 is in 50,001–100,000 and 250,000 in 100,001–250,000.
    @Test(arguments: [
        ("residence-100000", "residence_geography", 3, 3), ("residence-250000", "residence_geography", 1, 1),
        ("service-250000", "service_geography", 0, 0),
    ]) func sharedBandEdgesTakeTheHigherScore(name: String, criterion: String, v1: Int, v2: Int) throws {
        let old = try DDGCase("q14-band-edges", "\(name).deid.yaml").score()
        #expect(old.points(criterion) == v1)
        let new = try DDGCase("q14-band-edges", "\(name).deid.yaml", edition: "calhhs-ddg-2.0").score()
        #expect(new.points(criterion) == v2)
    }
}
