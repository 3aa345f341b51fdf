import DeidModel
import DeidAssess

extension HTMLReport {
    /// Step 3: the Publication Scoring Criteria, one row per criterion with the evidence that decided it.
    static func step3(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let assessment = report.assessment else { return }
        let result: String =
            switch assessment.decision {
            case .masking(let reasons):
                "Masking required (" + reasons.map(\.explanation).joined(separator: "; ") + "): go to Step 4."
            case .scoreAtMostThreshold:
                "Score at or below the threshold and not a high-risk population: no masking; go to Step 5. Counts "
                    + "below the numerator minimum are published, as the DDG allows (Q6)."
            case .passesStep2, .notPersonal:
                "Not on the path (\(assessment.decision == .notPersonal ? "Step 1 was no" : "Step 2 passed")); "
                    + "shown for information."
            }
        step(3, "Assess Potential Risk", result: result, &w) { w in
            guard let score = assessment.score else {
                w.element("p", "No publication score: \(assessment.scoreError ?? "the policy has no scoring tables").")
                mitigation(&w)
                return
            }
            w.element(
                "p",
                "Publication Scoring Criteria of DDG edition \(score.edition) (policy \(score.policy)); \(score.mode).")
            scoreTable(score, &w)
            if !score.highRiskCriteria.isEmpty {
                w.element(
                    "p",
                    "Criteria the DDG treats as a high-risk population: "
                        + "\(score.highRiskCriteria.joined(separator: ", ")).")
            }
            if !score.warnings.isEmpty {
                w.element("p", "For the statistical expert to review:", ["class": "label"])
                w.block("ul") { w in for warning in score.warnings { w.element("li", warning) } }
            }
            mitigation(&w)
        }
    }

    private static func scoreTable(_ score: ScoreBreakdown, _ w: inout HTMLWriter) {
        w.block("table", ["class": "score"]) { w in
            w.element("caption", "Score breakdown")
            w.headerRow(["Criterion", "Dimension", "DDG category", "Evidence", "Points", "Source"])
            w.block("tbody") { w in
                for c in score.criteria {
                    let points = c.points.signedPoints + (c.counted ? "" : " (not counted)")
                    w.row(
                        [c.criterion.replacingOccurrences(of: "_", with: " "), c.dimension ?? "—", c.category,
                         c.evidence, points, c.source],
                        header: true, classes: [nil, nil, nil, nil, "number points", "nowrap"])
                }
            }
            w.block("tfoot") { w in
                w.row(
                    ["Total", "", "", "", String(score.total), ""], header: true,
                    classes: [nil, nil, nil, nil, "number", nil])
                w.row(
                    ["Threshold", "", "", "a total at or below it allows release without masking (T5)",
                     String(score.threshold), ""],
                    header: true, classes: [nil, nil, nil, nil, "number", nil])
                w.row(
                    ["Decision", "", "", score.isAtMostThreshold ? "at or below the threshold" : "above the threshold",
                     "", ""],
                    header: true)
            }
        }
    }

    /// Q25: a table scoring above the threshold may go out unmasked only with documented mitigating traits.
    private static func mitigation(_ w: inout HTMLWriter) {
        w.blank("Mitigating characteristics or reviewer override (DDG §4.3), if any:", .wide)
    }
}
