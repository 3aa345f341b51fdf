import Foundation
import Testing
@testable import DeidModel
@testable import DeidAssess
@testable import DeidAudit
@testable import DeidProtect
@testable import DeidVerify
@testable import DeidEmit
@testable import DeidPipeline

/// The masking decision inside `deid release`, `deid check` and `deid score` (ddg-rules §2; Q6).
@Suite struct AssessmentPipelineTests {
    func release(_ folder: String, _ description: String = "table.deid.yaml", table: String = "table.csv") throws
        -> (outcome: ReleaseOutcome, output: String, report: String)
    {
        let out = try TemporaryFolder()
        defer { out.remove() }
        let dir = Repo.ddg + "/" + folder
        let request = ReleaseRequest(
            source: .file(dir + "/" + table), displayName: table, descriptionFile: dir + "/" + description,
            output: out.path + "/release.csv", report: out.path + "/audit.json", presetsDirectory: Repo.presets)
        let outcome = try Releaser.release(request)
        return (outcome, try String(contentsOfFile: out.path + "/release.csv", encoding: .utf8),
                try String(contentsOfFile: out.path + "/audit.json", encoding: .utf8))
    }

    func check(_ folder: String, _ description: String = "table.deid.yaml") throws -> CheckReport {
        let dir = Repo.ddg + "/" + folder
        return try Checker.check(CheckRequest(
            source: .file(dir + "/table.csv"), displayName: "table.csv", descriptionFile: dir + "/" + description,
            presetsDirectory: Repo.presets))
    }

    /// Step 1 "no": the release is the input, nothing hidden, and the summary says so first.
    @Test func releaseWithoutPersonalCharacteristicsHidesNothing() throws {
        let (outcome, output, report) = try release("step1-no")
        #expect(output == "Year,Hospital,Cases\n2021,General Hospital A,4\n2021,General Hospital B,250\n")
        #expect(outcome.report.summary.hiddenCells == 0)
        #expect(outcome.summary.hasPrefix("deid: Release WITHOUT masking: the description declares no personal characteristics"))
        #expect(outcome.report.assessment?.decision == .notPersonal)
        #expect(report.contains("\"personal_characteristics\" : false"))
        #expect(report.contains("\"outcome\" : \"no_personal_characteristics\""))
        #expect(outcome.report.summary.notes.first?.hasPrefix("release WITHOUT masking") == true)
    }

    /// A score of 2 ≤ 12 with `high_risk: none`: the small count (2) is published, as the DDG allows.
    @Test func releaseAtOrBelowTheThresholdPublishesSmallCounts() throws {
        let (outcome, output, report) = try release("appendix-i-events", "statewide.deid.yaml")
        #expect(output == "Year,Cases\n2021,2\n")
        #expect(outcome.summary.hasPrefix("deid: Release WITHOUT masking: publication score 2 ≤ 12"))
        #expect(report.contains("\"masking_required\" : false"))
        #expect(report.contains("\"total\" : 2"))
        #expect(report.contains("ca-county-population"))
    }

    /// A high-risk table is masked as before: the small count is hidden, and the report says why.
    @Test func releaseOfAHighRiskTableMasks() throws {
        let (outcome, output, report) = try release("high-risk", "declared.deid.yaml")
        #expect(output == "Year,Cases\n2021,\n")
        #expect(outcome.report.summary.hiddenCells == 1)
        #expect(!outcome.summary.contains("WITHOUT masking"))
        #expect(report.contains("\"code\" : \"high_risk_population\""))
        #expect(report.contains("\"high_risk\" : [\n        \"substance_use_disorder\""))
    }

    /// `check` reports small counts allowed by the assessment as notes (exit 0) and required ones as errors.
    @Test func checkTurnsAllowedSmallCountsIntoNotes() throws {
        let allowed = try check("appendix-i-events", "statewide.deid.yaml")
        #expect(!allowed.hasErrors && allowed.findings.map(\.severity) == [.note])
        #expect(allowed.findings.first.map(allowed.message(of:))?.contains("it may be published: release WITHOUT masking") == true)
        #expect(allowed.assessment?.requiresMasking == false)

        let masked = try check("high-risk", "declared.deid.yaml")
        #expect(masked.hasErrors && masked.findings.map(\.severity) == [.error])
        #expect(FindingRenderer.render([masked], as: .json).contains("\"assessment\""))
        #expect(FindingRenderer.render([allowed], as: .text).contains(": note: small-count: "))
    }

    /// `deid score` fails on a score it cannot compute even when masking is required anyway.
    @Test func scoreRunnerFailsOnAnUnscorableTable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("t.csv", "Age,Cases\nAll ages,4\n")
        try folder.write("t.deid.yaml", "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  count: Cases\n  dimensions:\n    - column: Age\n      role: age\n")
        let request = CheckRequest(source: .file(folder.path + "/t.csv"), displayName: "t.csv", descriptionFile: nil, presetsDirectory: Repo.presets)
        #expect(throws: AssessError.self) { try ScoreRunner.score(request) }
        #expect(try Checker.check(request).assessment?.scoreError?.contains("All ages") == true)
    }

    /// `deid score` text: one line per criterion with the evidence, then total, threshold and decision.
    @Test func scoreText() throws {
        let report = try ScoreRunner.score(CheckRequest(
            source: .file(Repo.ddg + "/s1-age-groups/table.csv"), displayName: "table.csv",
            descriptionFile: Repo.ddg + "/s1-age-groups/table.deid.yaml", presetsDirectory: Repo.presets))
        let text = ScoreRenderer.render([report], as: .text)
        #expect(text.contains("  age (Age Group): smallest range 12–14 = 3 years → +5\n"))
        #expect(text.contains("  residence_geography: no geography dimension; declared California, population 39,538,223 (ca-county-population) → −5\n"))
        #expect(text.contains("  total: 6 (threshold 12: 12 or less allows release without masking)\n"))
        #expect(text.contains("  decision: release WITHOUT masking: every count is 0 or large enough"))
        #expect(ScoreRenderer.render([report], as: .json).contains("\"at_most_threshold\" : true"))
    }
}

/// ReleaseInvariants knows both cases: masked (no small count visible) and unmasked (nothing hidden).
@Suite struct AssessmentReleaseInvariantTests {
    @Test func unmaskedReleaseMayHideNothing() throws {
        let c = try DDGCase("appendix-i-events", "statewide.deid.yaml")
        let assessment = try c.assess()
        let audit = AuditResult(intervals: [], solver: "none", components: 0, linearProgramsSolved: 0, integerProgramsSolved: 0, integerTightenedBounds: 0)
        var pattern = Pattern(cellCount: c.table.cellCount)
        try ReleaseInvariants.verify(table: c.table, pattern: pattern, policy: c.policy, audit: audit, assessment: assessment)
        pattern.hide(0, .primary)
        #expect(throws: VerifyError.self) {
            try ReleaseInvariants.verify(table: c.table, pattern: pattern, policy: c.policy, audit: audit, assessment: assessment)
        }
    }

    @Test func maskedReleaseMayShowNoSmallCount() throws {
        let c = try DDGCase("high-risk", "declared.deid.yaml")
        let audit = AuditResult(intervals: [], solver: "none", components: 0, linearProgramsSolved: 0, integerProgramsSolved: 0, integerTightenedBounds: 0)
        #expect(throws: VerifyError.self) {
            try ReleaseInvariants.verify(
                table: c.table, pattern: Pattern(cellCount: c.table.cellCount), policy: c.policy, audit: audit,
                assessment: try c.assess())
        }
    }
}
