import Testing
@testable import DeidSupport

/// The scoring examples the DDG gives itself (ddg-rules §5.6, S1–S10). Each asserts the criterion the example
/// is about, and the total and every other criterion of the fixture table it sits in.
@Suite struct ScoringDDGExamplesTests {
    static let editions = ["calhhs-ddg-2.0", "calhhs-ddg-1.0"]

    /// S1: age groups 0–11, 12–14, 15–18 → the 3-year range 12–14 decides, +5 in both editions.
    @Test(arguments: editions) func s1AgeGroups(edition: String) throws {
        let score = try DDGCase("s1-age-groups", edition: edition).score()
        expectScore(score, total: 6, ["events": 5, "time": 0, "residence_geography": -5, "age": 5, "interactions": 1])
        #expect(score.line("age")?.evidence == "smallest range 12–14 = 3 years")
        #expect(score.line("age")?.category == "3–5 year age range")
    }

    /// S2: weekly data is finer than the finest row, so it takes the monthly score, +5 (R2).
    @Test(arguments: editions) func s2WeeklyData(edition: String) throws {
        let score = try DDGCase("s2-weekly", edition: edition).score()
        expectScore(score, total: -2, ["events": 3, "time": 5, "residence_geography": -5, "interactions": -5])
    }

    /// S3, S4: only events, time and geography; smallest count 5 → −5, smallest count 2 → 0 (R5).
    @Test(arguments: editions) func s3AndS4Interactions(edition: String) throws {
        let s3 = try DDGCase("s3-s4-interactions", "s3.deid.yaml", edition: edition).score()
        expectScore(s3, total: -1, ["events": 7, "time": 0, "residence_geography": -3, "interactions": -5])
        #expect(s3.line("residence_geography")?.evidence.contains("Fresno, population 1,008,654") == true)
        let s4 = try DDGCase("s3-s4-interactions", "s4.deid.yaml", edition: edition).score()
        expectScore(s4, total: 4, ["events": 7, "time": 0, "residence_geography": -3, "interactions": 0])
    }

    /// S5: Chinese (+2), Japanese (+3), Cambodian (+5), Malaysian (+7) → +7 in Ed. 2.0 (R9); v1.0 scores any
    /// detailed race +4.
    @Test func s5DetailedRace() throws {
        let v2 = try DDGCase("s5-detailed-race").score()
        expectScore(v2, total: 8, ["events": 5, "time": 0, "residence_geography": -5, "race": 7, "interactions": 1])
        #expect(v2.line("race")?.evidence.contains("Malaysian") == true)
        let v1 = try DDGCase("s5-detailed-race", edition: "calhhs-ddg-1.0").score()
        expectScore(v1, total: 5, ["events": 5, "time": 0, "residence_geography": -5, "race": 4, "interactions": 1])
    }

    /// S6: veterans, 1,467,026 statewide → +2 on the population scale (Ed. 2.0); v1.0 counts 1 group → +3.
    @Test func s6Veterans() throws {
        let v2 = try DDGCase("s6-veterans").score()
        expectScore(v2, total: 1, ["events": 3, "time": 0, "residence_geography": -5, "other": 2, "interactions": 1])
        #expect(v2.line("other")?.evidence.contains("1,467,026") == true)
        #expect(v2.warnings.contains { $0.contains("R8") })
        let v1 = try DDGCase("s6-veterans", edition: "calhhs-ddg-1.0").score()
        expectScore(v1, total: 2, ["events": 3, "time": 0, "residence_geography": -5, "other": 3, "interactions": 1])
    }

    /// S7: education in 7 ACS levels → +2 (smallest, associate's degree, 2,135,865); 2 levels → +1.
    @Test func s7Education() throws {
        let seven = try DDGCase("s7-education", "seven-levels.deid.yaml").score()
        expectScore(seven, total: 1, ["events": 3, "time": 0, "residence_geography": -5, "other": 2, "interactions": 1])
        #expect(seven.line("other")?.evidence.contains("Associate's degree, statewide population 2,135,865") == true)
        let two = try DDGCase("s7-education", "two-levels.deid.yaml").score()
        expectScore(two, total: -1, ["events": 2, "time": 0, "residence_geography": -5, "other": 1, "interactions": 1])
    }

    /// S8: legal class with 2 groups → +3, with 6 groups → +5 (no populations: by number of groups).
    @Test(arguments: editions) func s8LegalClass(edition: String) throws {
        let two = try DDGCase("s8-legal-class", "two-groups.deid.yaml", edition: edition).score()
        expectScore(two, total: 2, ["events": 3, "time": 0, "residence_geography": -5, "other": 3, "interactions": 1])
        let six = try DDGCase("s8-legal-class", "six-groups.deid.yaml", edition: edition).score()
        expectScore(six, total: 6, ["events": 5, "time": 0, "residence_geography": -5, "other": 5, "interactions": 1])
    }

    /// S9: sexual orientation (4 CHIS categories) +2; gender identity (3 groups) +3; detailed identities +5.
    @Test func s9SexualOrientationAndGenderIdentity() throws {
        let orientation = try DDGCase("s9-sogi", "sexual-orientation.deid.yaml").score()
        expectScore(orientation, total: 3, [
            "events": 5, "time": 0, "residence_geography": -5, "sexual_orientation": 2, "interactions": 1,
        ])
        let identity = try DDGCase("s9-sogi", "gender-identity.deid.yaml").score()
        expectScore(identity, total: 4, ["events": 5, "time": 0, "residence_geography": -5, "gender_identity": 3, "interactions": 1])
        let detailed = try DDGCase("s9-sogi", "gender-identity-detailed.deid.yaml").score()
        expectScore(detailed, total: 6, ["events": 5, "time": 0, "residence_geography": -5, "gender_identity": 5, "interactions": 1])
    }

    /// v1.0 has no SOGI criteria: sexual orientation is scored as an Other Variable (4 groups → +3), flagged.
    @Test func s9UnderVersion1IsAnOtherVariable() throws {
        let v1 = try DDGCase("s9-sogi", "sexual-orientation.deid.yaml", edition: "calhhs-ddg-1.0").score()
        expectScore(v1, total: 4, ["events": 5, "time": 0, "residence_geography": -5, "other": 3, "interactions": 1])
        #expect(v1.warnings.contains { $0.contains("has no sexual_orientation criterion") })
    }

    /// S10: Medi-Cal / Medicare / private / uninsured as expected payer → 0 / +1 / +1 / +2. Medi-Cal (about
    /// 14 M) is above the 10,000,000 cap, so it adds no interaction (V2-S4.3 rule 2).
    @Test(arguments: [
        ("medi-cal", 0, 0, 2), ("medicare", 1, 1, 4), ("private", 1, 1, 4), ("uninsured", 2, 1, 5),
    ]) func s10ExpectedPayer(payer: String, program: Int, interactions: Int, total: Int) throws {
        let score = try DDGCase("s10-expected-payer", "\(payer).deid.yaml").score()
        expectScore(score, total: total, [
            "events": 7, "time": 0, "residence_geography": -5, "program": program, "interactions": interactions,
        ])
    }
}
