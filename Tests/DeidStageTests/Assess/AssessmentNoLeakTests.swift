import Testing
@testable import DeidAssess
@testable import DeidEmit

/// Nothing the assessment reports may depend on a hidden count beyond what masking already says (the count is
/// below 11). Two tables that differ only in the values of their small counts must produce identical reports.
@Suite struct AssessmentNoLeakTests {
    /// A county table of only events, time and geography, masked (Ed. 2.0, score above 12), whose small count
    /// is `small`.
    func masked(small: Int) throws -> InlineCase {
        try InlineCase(
            table: "  high_risk: none\n  dimensions:\n    - column: Year\n      role: time\n    - column: County\n      role: residence_geography\n",
            csv: "Year,County,Cases\n2021,Alpine,\(small)\n2021,Sierra,40\n")
    }

    /// Raw, a smallest count of 6 puts the interactions in the "minimum ≥ 5" band (−5); reported after masking,
    /// that would tell a reader the hidden count is at least 5, so the no-minimum band (0) is reported instead.
    @Test func interactionsBandDoesNotBoundAHiddenCount() throws {
        let c = try masked(small: 6)
        defer { c.remove() }
        let raw = try c.score()
        #expect(raw.points("interactions") == -5 && raw.total == 9 + 0 - 5 + 7 - 2)
        let a = try c.assess()
        #expect(a.requiresMasking)
        let reported = try #require(a.score)
        #expect(reported.points("interactions") == 0)
        #expect(reported.line("interactions")?.category == "Only Events (no minimum), Time, Population")
        #expect(reported.total == raw.total + 5)
        #expect(reported.warnings.contains { $0.contains("no-minimum band") })
    }

    /// The whole assessment, as JSON and as `deid score` text, is identical for hidden counts 1, 2, 6 and 9.
    @Test func reportIsTheSameWhateverTheSmallCount() throws {
        var documents: Set<String> = []
        var texts: Set<String> = []
        for small in [1, 2, 6, 9] {
            let c = try masked(small: small)
            defer { c.remove() }
            let a = try c.assess()
            #expect(a.requiresMasking)
            documents.insert(JSONStream.encode(a).replacingOccurrences(of: c.folder.path, with: "<dir>"))
            texts.insert(ScoreRenderer.render([ScoreReport(file: "t.csv", assessment: a)], as: .text))
        }
        #expect(documents.count == 1)
        #expect(texts.count == 1)
    }

    /// With `credit_below_numerator_minimum: true` (the DDG as written) the same table scores 9 and is released,
    /// while a smallest count of 2 scores 14 and is masked: the decision then depends on the small count.
    @Test func theDDGAsWrittenLetsTheSmallCountDecide() throws {
        func decision(_ small: Int) throws -> MaskingDecision {
            let c = try InlineCase(
                table: "  high_risk: none\n  dimensions:\n    - column: Year\n      role: time\n    - column: County\n      role: residence_geography\n",
                csv: "Year,County,Cases\n2021,Alpine,\(small)\n2021,Sierra,40\n",
                edit: { $0.scoring?.interactions.creditBelowNumeratorMinimum = true })
            defer { c.remove() }
            return try c.assess().decision
        }
        #expect(try decision(6) == .scoreAtMostThreshold)
        #expect(try decision(2).requiresMasking)
    }

    /// Unmasked tables publish their counts, so their report may use the full band (S3: −5).
    @Test func unmaskedTableKeepsItsBand() throws {
        let a = try DDGCase("s3-s4-interactions", "s3.deid.yaml").assess()
        #expect(!a.requiresMasking && a.score?.points("interactions") == -5)
    }
}

extension AssessmentNoLeakTests {
    /// With the credit on, a table masked whatever its small count (monthly periods keep it above 12 even with
    /// the largest credit) must report one score: the reason for masking must not show the credited total, which
    /// moves with the small count's band (1–2: none, 3–4: −3, 5–10: −5).
    @Test func creditedScoreIsNotShownWhenMasked() throws {
        var reasons: Set<String> = []
        var totals: Set<Int> = []
        for small in [1, 4, 7] {
            let c = try InlineCase(
                table: "  high_risk: none\n  dimensions:\n    - column: Month\n      role: time\n      period: month\n    - column: County\n      role: residence_geography\n",
                csv: "Month,County,Cases\n2021-01,Alpine,\(small)\n2021-01,Sierra,40\n",
                edit: { $0.scoring?.interactions.creditBelowNumeratorMinimum = true })
            defer { c.remove() }
            let a = try c.assess()
            #expect(a.requiresMasking, "small \(small)")
            reasons.formUnion(a.decision.reasons.map(\.explanation))
            if let total = a.score?.total { totals.insert(total) }
        }
        #expect(totals.count == 1, "\(totals)")
        #expect(reasons.count == 1, "\(reasons)")
    }
}
