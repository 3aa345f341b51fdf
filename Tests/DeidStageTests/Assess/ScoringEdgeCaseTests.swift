import Testing
@testable import DeidAssess

/// Conservative readings where the DDG or the table leaves something open (Q8, Q16, Q17, Q19, R1, R4).
@Suite struct ScoringEdgeCaseTests {
    static let state = "  geography: {role: residence_geography, label: California}\n"

    func score(_ policy: String = "calhhs-ddg-2.0", _ keys: String, _ dims: String, _ csv: String) throws -> ScoreBreakdown {
        let c = try InlineCase(policy: policy, table: "  high_risk: none\n\(keys)  dimensions:\n\(dims)", csv: csv)
        defer { c.remove() }
        return try c.score()
    }

    /// Q8: with neither a time dimension nor `period:`, time scores its riskiest band (+5); with neither a
    /// geography dimension nor `geography:`, residence geography scores its riskiest band (+7 Ed. 2.0, +5 v1.0).
    @Test func missingTimeAndGeographyAreAssumedRiskiest() throws {
        let dims = "    - column: Sex\n      role: sex\n"
        let v2 = try score("calhhs-ddg-2.0", "", dims, "Sex,Cases\nMale,500\nFemale,600\n")
        expectScore(v2, total: 3 + 5 + 7 + 1 + 1, ["events": 3, "time": 5, "residence_geography": 7, "sex": 1, "interactions": 1])
        #expect(v2.line("time")?.evidence.contains("riskiest band assumed (Q8)") == true)
        #expect(v2.line("residence_geography")?.evidence.contains("no geography dimension and no `geography:`") == true)
        let v1 = try score("calhhs-ddg-1.0", "", dims, "Sex,Cases\nMale,500\nFemale,600\n")
        #expect(v1.points("residence_geography") == 5 && v1.points("time") == 5)
    }

    /// Q8: more than 3 variables take the top band (+4 in Ed. 2.0) with a warning that expert review is required.
    @Test func moreThanThreeVariablesUseTheTopBand() throws {
        let dims = "    - column: Sex\n      role: sex\n    - column: Age\n      role: age\n    - column: Race\n      role: race\n    - column: Language\n      role: language\n"
        let s = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims, "Sex,Age,Race,Language,Cases\nMale,0-64,White,English,500\n")
        #expect(s.points("interactions") == 4)
        #expect(s.line("interactions")?.evidence.hasPrefix("4 variables besides events, time and population") == true)
        #expect(s.warnings.contains { $0.contains("top band is used and expert review is required (Q8)") })
    }

    /// An absurd age label is scored as a very wide group (the widest band), not an arithmetic overflow.
    @Test func hugeAgeBoundsDoNotOverflow() throws {
        let dims = "    - column: Age\n      role: age\n"
        let csv = "Age,Cases\n0-9223372036854775807,500\n9223372036854775807 and under,300\n"
        let s = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims, csv)
        let widest = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims, "Age,Cases\n0-120,500\n")
        #expect(s.points("age") == widest.points("age"))
    }

    /// Q17: "Unknown"-style labels are not categories; totals are not categories either.
    @Test func unknownLabelsAndTotalsAreNotCategories() throws {
        let dims = "    - column: Race\n      role: race\n      total: All races\n"
        let s = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims,
                          "Race,Cases\nWhite,500\nBlack,300\nUnknown,4\nNot reported,2\nAll races,806\n")
        #expect(s.points("race") == 2)
        #expect(s.line("race")?.evidence == "categories White, Black are in the list")
    }

    /// R9: a list category mixed with detailed groups: the higher of the list and the smallest group (Hmong +3).
    @Test func listAndDetailedGroupsTakeTheHigher() throws {
        let dims = "    - column: Race\n      role: race\n"
        let s = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims, "Race,Cases\nWhite,500\nAsian,400\nHmong,40\n")
        #expect(s.points("race") == 3)
        #expect(s.line("race")?.evidence.contains("smallest detailed group Hmong, statewide population 100,001–300,000") == true)
    }

    /// Languages: English/Spanish/Other +1 (Ed. 2.0) or +2 (v1.0); a detailed language by population (Navajo
    /// 1,043 → +7) in Ed. 2.0, +4 with a review warning in v1.0.
    @Test func languages() throws {
        let dims = "    - column: Language\n      role: language\n"
        let keys = Self.state + "  period: year\n"
        #expect(try score("calhhs-ddg-2.0", keys, dims, "Language,Cases\nEnglish,900\nSpanish,500\nOther,200\n").points("language") == 1)
        #expect(try score("calhhs-ddg-1.0", keys, dims, "Language,Cases\nEnglish,900\nSpanish,500\nOther,200\n").points("language") == 2)
        #expect(try score("calhhs-ddg-2.0", keys, dims, "Language,Cases\nEnglish,900\nNavajo,20\n").points("language") == 7)
        let v1 = try score("calhhs-ddg-1.0", keys, dims, "Language,Cases\nEnglish,900\nNavajo,20\n")
        #expect(v1.points("language") == 4 && v1.warnings.contains { $0.contains("must review") })
    }

    /// Sex: Ed. 2.0 scores Male/Female/Intersex +2 (the Intersex criterion's combined row); v1.0 scores other
    /// categories +1 and flags them for the reviewer (Q17).
    @Test func sexBeyondMaleAndFemale() throws {
        let dims = "    - column: Sex\n      role: sex\n"
        let keys = Self.state + "  period: year\n"
        #expect(try score("calhhs-ddg-2.0", keys, dims, "Sex,Cases\nMale,900\nFemale,800\nIntersex,20\n").points("sex") == 2)
        let v1 = try score("calhhs-ddg-1.0", keys, dims, "Sex,Cases\nMale,900\nFemale,800\nNon-binary,20\n")
        #expect(v1.points("sex") == 1 && v1.warnings.contains { $0.contains("reviewer judges the extra risk") })
    }

    /// v1.0 has no insurance criterion: a plan dimension is an Other Variable (1 group → +3), with a warning.
    @Test func insuranceUnderVersion1IsAnOtherVariable() throws {
        let dims = "    - column: Plan\n      role: insurance\n      populations: {Plan A: 5000}\n"
        let s = try score("calhhs-ddg-1.0", Self.state + "  period: year\n", dims, "Plan,Cases\nPlan A,40\n")
        expectScore(s, total: 5 + 0 - 5 + 3 + 1, ["events": 5, "time": 0, "residence_geography": -5, "other": 3, "interactions": 1])
        #expect(s.warnings.contains { $0.contains("has no insurance criterion") })
    }

    /// Q19: without a member count for every plan, insurance scores its riskiest band and the higher of
    /// insurance and geography counts.
    @Test func insuranceWithoutMemberCountsTakesTheHigher() throws {
        let dims = "    - column: Plan\n      role: insurance\n"
        let s = try score("calhhs-ddg-2.0", Self.state + "  period: year\n", dims, "Plan,Cases\nPlan A,40\n")
        #expect(s.points("insurance") == 5 && s.line("residence_geography")?.counted == false)
        #expect(s.line("residence_geography")?.evidence.contains("without member counts the higher of the two decides (Q19)") == true)
    }

    /// Service geography by provider address: rural +5 in Ed. 2.0; v1.0 has only the street-address row (+3).
    @Test func providerAddresses() throws {
        let dims = "    - column: Clinic\n      role: service_geography\n      address: rural\n"
        let keys = "  period: year\n"
        let csv = "Clinic,Cases\nClinic A,40\nClinic B,50\n"
        #expect(try score("calhhs-ddg-2.0", keys, dims, csv).points("service_geography") == 5)
        let v1 = try score("calhhs-ddg-1.0", keys, dims, csv)
        #expect(v1.points("service_geography") == 3 && v1.warnings.contains { $0.contains("scored as a street address") })
    }

    /// R1: residence and service geography together count once, at the riskier.
    @Test func twoGeographiesCountOnce() throws {
        let dims = "    - column: Home\n      role: residence_geography\n    - column: Clinic\n      role: service_geography\n"
        let s = try score("calhhs-ddg-2.0", "  period: year\n", dims, "Home,Clinic,Cases\nAlpine,Fresno,40\n")
        #expect(s.line("residence_geography")?.points == 7 && s.line("residence_geography")?.counted == true)
        #expect(s.line("service_geography")?.points == -4 && s.line("service_geography")?.counted == false)
        expectScore(s, total: 7, ["events": 5, "time": 0, "residence_geography": 7, "interactions": -5])
    }

    /// Hierarchy subtotals are not categories: the smallest county decides, not the region.
    @Test func hierarchySubtotalsAreNotScored() throws {
        let dims = "    - column: County\n      role: residence_geography\n      hierarchy:\n        California: [Bay, Sierra Region]\n        Bay: [Alameda, Marin]\n        Sierra Region: [Sierra]\n"
        let s = try score("calhhs-ddg-2.0", "  period: year\n", dims,
                          "County,Cases\nCalifornia,300\nBay,250\nSierra Region,50\nAlameda,200\nMarin,50\nSierra,50\n")
        #expect(s.line("residence_geography")?.evidence == "smallest unit Sierra, population 3,236 (ca-county-population)")
    }
}
