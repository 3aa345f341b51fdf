import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidProtect
@testable import DeidAssess

/// Survey data (DDG Ed. 2.0 §5.2, Appendix H; T13, Q21): estimates on fewer than 30 sample cases are hidden as
/// unreliable with annotation code 4.
@Suite struct SurveyTests {
    /// Desert rests on 24 sample cases: hidden, code 4, its percentage with it. Central's zero on 12 cases stays
    /// (zeros are never suppressed). The audit protects Desert like any hidden cell, so North (the smallest other
    /// region) is hidden as its complementary cell.
    @Test func anEstimateOnFewerThan30CasesIsHiddenWithCode4() throws {
        let run = try FixtureRun(fixture: "ddg/survey")
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == (try Masking.expected("survey")))
        let desert = try #require(released.report.hiddenCells.first { $0.cell.first?.value == "Desert" })
        #expect(desert.reason == .unreliable)
        #expect(desert.annotation == "4")
        #expect(desert.interval != nil)
        #expect(released.report.hiddenCells.first { $0.cell.first?.value == "North" }?.reason == .complementary)

        let survey = try #require(released.report.survey)
        #expect(survey.sampleSizeColumn == "Respondents")
        #expect(survey.minSampleCases == 30)
        #expect(survey.unreliableCells == 1)
        #expect(survey.protectedByAudit)
        let block = try #require(released.json["survey"] as? [String: Any])
        #expect(block["protected_by_audit"] as? Bool == true)
        #expect((block["audit"] as? String)?.contains("protected by the disclosure audit like any hidden cell") == true)
    }

    /// `protect_unreliable: false`: the audit treats the unreliable cell as published, so nothing else is hidden,
    /// and the report gives it no interval.
    @Test func unprotectedUnreliableCellsNeedNoComplementaryCells() throws {
        let run = try FixtureRun(
            fixture: "ddg/survey",
            policy: try Masking.preset(replacing: "protect_unreliable: true", with: "protect_unreliable: false"))
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == """
            Region,Estimated adults,Respondents,Percent,Annotation
            All regions,118400,412,21.3,
            North,41200,133,24.0,
            Central,0,12,0.0,
            Coast,52900,243,19.8,
            Desert,,24,,4

            """)
        #expect(released.report.hiddenCells.count == 1)
        #expect(released.report.hiddenCells.first?.interval == nil)
        #expect(released.report.survey?.protectedByAudit == false)
        #expect(released.report.summary.audit.verdict == .pass)
    }

    /// A count that is both small and unreliable keeps its primary reason (confidentiality first).
    @Test func aSmallUnreliableCountStaysPrimary() throws {
        let run = try FixtureRun(
            csv: "Region,Estimated adults,Respondents\nAll regions,400,80\nNorth,392,72\nSouth,8,8\n",
            description: try String(contentsOfFile: Masking.fixtures + "/survey/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(of: "  derived: [Percent]\n", with: ""))
        defer { run.remove() }
        let (table, description, policy) = try run.load()
        var pattern = Pattern(cellCount: table.cellCount)
        PrimarySuppression.apply(to: table.cellSystem, policy: policy, pattern: &pattern)
        let unreliable = ReliabilityScreen.unreliableCells(in: table, description: description, policy: policy)
        SurveyReliability.hide(unreliable, in: &pattern, at: .beforeProtection, policy: policy)
        #expect(unreliable == [2])
        #expect(pattern.reasons == [nil, nil, .primary])
    }

    /// `deid check` on the raw table: Desert's published estimate is unreliable; Central's zero is not. The
    /// message names the column and the minimum, not the sample size.
    @Test func checkReportsUnreliableEstimates() throws {
        let run = try FixtureRun(fixture: "ddg/survey")
        defer { run.remove() }
        let report = try run.check()
        let findings = report.findings.filter { $0.code == .unreliableEstimate }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.location.line == 6)
        #expect(report.message(of: finding) == "Region=Desert: the estimate rests on fewer than 30 sample cases (column "
            + "'Respondents'); hide it as statistically unreliable with annotation code 4 (DDG Ed. 2.0 §5.2)")
        #expect(report.properties(of: finding) == ["column": "Respondents", "min_sample_cases": "30"])
        // The release itself passes the check: the unreliable estimate is blank.
        _ = try run.release()
        #expect(try run.check(run.outputPath).findings.isEmpty)
    }

    @Test func aBlankSampleSizeIsRefusedForARelease() throws {
        let run = try FixtureRun(
            csv: "Region,Estimated adults,Respondents,Percent\nAll regions,100,50,1.0\nNorth,60,,1.0\nSouth,40,20,1.0\n",
            description: try String(contentsOfFile: Masking.fixtures + "/survey/table.deid.yaml", encoding: .utf8))
        defer { run.remove() }
        let error = expectError(ModelError.self) { _ = try run.release() }
        #expect(error?.location?.line == 3)
        #expect(error?.message == "the sample size in column 'Respondents' must be a whole number of respondents "
            + "(digits only, 0 or more); deid release needs it on every row to judge the estimate's reliability")
    }

    @Test func descriptionMistakesAreRefused() {
        func problem(_ keys: String, input: String = "aggregate") -> String? {
            descriptionError { () throws(DescriptionError) in
                try TableDescription.parse(
                    yaml: """
                        version: 1
                        policy: calhhs-ddg-2.0
                        table:
                          input: \(input)
                          dimensions:
                            - {column: Region, role: residence_geography}
                          count: Estimate
                        \(keys)
                        """, file: "t.deid.yaml")
            }?.message
        }
        #expect(problem("  data: survey")?.hasPrefix("missing required key 'sample_size'") == true)
        #expect(problem("  sample_size: n") == "'sample_size' is used only for survey data; add `data: survey` or remove it")
        #expect(problem("  data: survey\n  sample_size: n", input: "records")?.hasPrefix("survey data needs aggregate input") == true)
        #expect(problem("  data: surveys")?.hasPrefix("unknown data kind 'surveys' (did you mean 'survey'?)") == true)
        #expect(problem("  data: survey\n  sample_size: Estimate")?
            .contains("column 'Estimate' is used both as the count and as the sample size") == true)
    }

    /// v1.0 gives no number (surveys "should be treated differently"); its preset takes Ed. 2.0's, conservatively.
    @Test func presetsHideEstimatesBelow30CasesAndProtectThem() throws {
        for name in ["calhhs-ddg-2.0", "calhhs-ddg-1.0"] {
            let policy = try Policy.load(.preset(name), relativeTo: "t.deid.yaml", presetsDirectory: Repo.presets)
            #expect(policy.survey == SurveyRule(minSampleCases: 30, protectUnreliable: true))
            #expect(policy.survey.isUnreliable(sampleCases: 29) && !policy.survey.isUnreliable(sampleCases: 30))
        }
    }
}
