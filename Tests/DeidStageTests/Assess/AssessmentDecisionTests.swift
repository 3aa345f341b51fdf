import Testing
@testable import DeidAssess

/// DDG Steps 1–3 and the decision they lead to (ddg-rules §2, T5, T12, Q1, Q6, Q22).
@Suite struct AssessmentDecisionTests {
    /// Q1: a denominator of exactly 20,000 fails under the presets (conservative) and passes with
    /// `boundary: pass_at_minimum`; the decision then comes from Step 3 or from Step 2.
    @Test func denominatorOfExactly20000BothWays() throws {
        let conservative = try DDGCase("q1-denominator-boundary").assess()
        #expect(conservative.step2.numerator.passed)
        #expect(conservative.step2.denominator.failingCells == 1 && !conservative.step2.denominator.passed)
        #expect(conservative.step2.denominator.boundary == "fail_at_minimum")
        #expect(conservative.step2.denominator.source == "column")
        #expect(conservative.decision == .scoreAtMostThreshold)
        #expect(conservative.score?.total == 4)

        var lenient = try DDGCase("q1-denominator-boundary")
        lenient.policy.denominator.failAtMinimum = false
        let passing = try lenient.assess()
        #expect(passing.step2.denominator.failingCells == 0 && passing.step2.passed)
        #expect(passing.step2.denominator.boundary == "pass_at_minimum")
        #expect(passing.decision == .passesStep2)
    }

    /// T12: a declared high-risk population is masked whatever its score (here 2).
    @Test func highRiskForcesMasking() throws {
        let a = try DDGCase("high-risk", "declared.deid.yaml").assess()
        #expect(a.score?.total == 2)
        #expect(a.decision.reasons.map(\.code) == [.highRiskPopulation])
        #expect(a.decision.reasons.first?.explanation.contains("substance_use_disorder") == true)
        #expect(a.step1.highRisk == ["substance_use_disorder"] && a.step1.highRiskSource == "declared")
    }

    /// Without `high_risk:` the table is treated as high-risk, and the report says so.
    @Test func undeclaredHighRiskForcesMasking() throws {
        let a = try DDGCase("high-risk", "undeclared.deid.yaml").assess()
        #expect(a.decision.reasons.map(\.code) == [.highRiskNotDeclared])
        #expect(a.step1.highRisk == nil && a.step1.highRiskSource == "not declared")
        #expect(a.decisionSummary.contains("write `high_risk: none`"))
    }

    /// Step 1 "no": no masking even with a count of 4; the declaration is echoed as declared.
    @Test func step1NoSkipsMasking() throws {
        let a = try DDGCase("step1-no").assess()
        #expect(a.decision == .notPersonal && !a.requiresMasking)
        #expect(!a.step1.personalCharacteristics && a.step1.personalCharacteristicsSource == "declared")
        #expect(a.step2.numerator.failingCells == 1)
        #expect(a.decisionSummary.hasPrefix("release WITHOUT masking"))
    }

    /// A description that declares no personal characteristics but a high-risk population is still masked.
    @Test func highRiskOverridesStep1No() throws {
        let c = try InlineCase(
            table: "  personal_characteristics: false\n  high_risk: justice_involved\n  geography: {role: residence_geography, label: California}\n  dimensions:\n    - column: Year\n      role: time\n",
            csv: "Year,Cases\n2021,4\n")
        defer { c.remove() }
        let a = try c.assess()
        #expect(a.decision.reasons.map(\.code) == [.highRiskPopulation])
        #expect(a.notes.contains { $0.contains("Step 1 cannot skip masking") })
    }

    /// Personal characteristics not declared: assumed yes, and the report says "assumed".
    @Test func personalCharacteristicsAreAssumed() throws {
        let a = try DDGCase("appendix-i-events", "statewide.deid.yaml").assess()
        #expect(a.step1.personalCharacteristics && a.step1.personalCharacteristicsSource == "assumed")
        #expect(a.decision == .scoreAtMostThreshold)
        #expect(a.notes.contains { $0.contains("counts from 1 to 10 are published") })
    }

    /// Q6: a policy may mask at any score.
    @Test func policyMayMaskAtAnyScore() throws {
        var c = try DDGCase("appendix-i-events", "statewide.deid.yaml")
        c.policy.scoring?.maskAtAnyScore = true
        #expect(try c.assess().decision.reasons.map(\.code) == [.policyMasksAtAnyScore])
    }

    /// A policy without a `scoring:` section cannot score: every table with personal characteristics is
    /// masked, and `deid score` reports the missing section.
    @Test func policyWithoutScoringMasks() throws {
        var c = try DDGCase("appendix-i-events", "statewide.deid.yaml")
        c.policy.scoring = nil
        let a = try c.assess()
        #expect(a.decision.reasons.map(\.code) == [.noScoringTables])
        #expect(a.score == nil && a.scoreError?.contains("has no `scoring:` section") == true)
    }

    /// Detailed immigration status splitting noncitizens is not scored but treated as high-risk (§5.6.2).
    @Test func detailedImmigrationStatusIsHighRisk() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Status\n      role: immigration_status\n",
            csv: "Status,Cases\nU.S. Citizen,800\nNaturalized Citizen,300\nLawful permanent resident,120\nUndocumented,6\n")
        defer { c.remove() }
        let a = try c.assess()
        #expect(a.score?.highRiskCriteria == ["immigration_status (Status)"])
        #expect(a.decision.reasons.map(\.code) == [.highRiskCriterion])
        #expect(a.score?.total ?? 99 <= 12)
    }

    /// A score the decision needs but cannot compute is an error; when masking is required anyway, the
    /// reason is kept in the report instead.
    @Test func scoreErrorsFailOnlyWhenTheScoreDecides() throws {
        let csv = "Race,Cases\nWhite,400\nKlingon,4\n"
        let decides = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Race\n      role: race\n",
            csv: csv)
        defer { decides.remove() }
        let error = assessError { _ = try decides.assess() }
        #expect(error?.message.contains("cannot score 'Klingon' in dimension 'Race'") == true)

        let masked = try InlineCase(
            table: "  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Race\n      role: race\n",
            csv: csv)
        defer { masked.remove() }
        let a = try masked.assess()
        #expect(a.requiresMasking && a.score == nil)
        #expect(a.scoreError?.contains("Klingon") == true)
    }

    /// Masking required while no count is small (a county of 900 fails the denominator condition and scores
    /// 5 + 5 + 7 + 1 + 1 = 19): the report says suppression hides nothing.
    @Test func maskingWithoutSmallCountsIsExplained() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  dimensions:\n    - column: County\n      role: residence_geography\n      populations: {Tiny: 900}\n    - column: Sex\n      role: sex\n",
            csv: "County,Sex,Cases\nTiny,Male,40\nTiny,Female,31\n")
        defer { c.remove() }
        let a = try c.assess()
        #expect(a.step2.numerator.passed && !a.step2.denominator.passed)
        #expect(a.score?.total == 19 && a.decision.reasons.map(\.code) == [.scoreAboveThreshold])
        #expect(a.notes.contains { $0.contains("suppression hides nothing") })
    }
}

/// Step 2's denominator sources (Q2): a column, the population of each cell's geography, a margin.
@Suite struct AssessmentStep2Tests {
    /// Population of each cell's county; the region and state rows are found in the reference, and an
    /// unknown subtotal adds up its children.
    @Test func populationOfEachCellsGeography() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  dimensions:\n    - column: County\n      role: residence_geography\n      hierarchy:\n        Northstate: [Alpine, Sierra]\n    - column: Year\n      role: time\n",
            csv: "County,Year,Cases\nNorthstate,2021,30\nAlpine,2021,12\nSierra,2021,18\n")
        defer { c.remove() }
        let s = try c.assess().step2
        #expect(s.denominator.source == "population")
        // Alpine 1,204 and Sierra 3,236 fail; Northstate adds up to 4,440 and fails too: no cell is unknown.
        #expect(s.denominator.failingCells == 3 && s.denominator.unknownCells == 0)
        #expect(s.numerator.passed)
    }

    /// The margin along a dimension (ddg-rules Step 2 Figure 3: the row total).
    @Test func marginAlongADimension() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  denominator_from: {margin: Plan}\n  dimensions:\n    - column: Year\n      role: time\n    - column: Plan\n      role: other\n      total: Total\n",
            csv: "Year,Plan,Cases\n2012,FFS,2775000\n2012,Managed Care,4853000\n2012,Total,7628000\n2011,FFS,19000\n2011,Managed Care,500\n2011,Total,19500\n")
        defer { c.remove() }
        let s = try c.assess().step2
        #expect(s.denominator.source == "margin")
        #expect(s.denominator.failingCells == 3 && s.denominator.unknownCells == 0)
    }

    /// No denominator column and no geography: nothing shows the denominator condition holds, so it fails.
    @Test func noDenominatorFails() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  period: year\n  dimensions:\n    - column: Sex\n      role: sex\n",
            csv: "Sex,Cases\nMale,500\nFemale,600\n")
        defer { c.remove() }
        let a = try c.assess()
        #expect(a.step2.denominator.source == "none" && a.step2.denominator.unknownCells == 2)
        #expect(!a.step2.passed)
    }

    /// Counts hidden by an earlier release may be small: they fail the numerator condition.
    @Test func hiddenCountsFailTheNumerator() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  geography: {role: residence_geography, label: California}\n  period: year\n  dimensions:\n    - column: Sex\n      role: sex\n      total: Total\n",
            csv: "Sex,Cases\nMale,\nFemale,\nTotal,40\n")
        defer { c.remove() }
        let a = try c.assess()
        #expect(a.step2.numerator.hiddenCells == 2 && !a.step2.numerator.passed)
        #expect(a.score?.line("events")?.evidence.contains("some counts are hidden") == true)
        #expect(a.score?.points("events") == 7)
    }

    /// Q3: the numerator condition is about people. An aggregate's counts are read as people and the report says
    /// so; record input counts people itself.
    @Test func reportSaysWhatTheCountsCount() throws {
        let c = try InlineCase(
            table: "  high_risk: none\n  dimensions:\n    - column: Sex\n      role: sex\n      total: Total\n",
            csv: "Sex,Cases\nMale,20\nFemale,21\nTotal,41\n")
        defer { c.remove() }
        let source = try c.assess().step2.numerator.sourceDescription
        #expect(source.hasPrefix("the 'Cases' column, read as numbers of people (Q3"))
        var records = c.ddg.description
        records.input = .records
        #expect(Step2Screen.numeratorSource(records) == "people counted from the records (one row per person)")
    }
}
