import DeidAssess

/// The forms `deid score` prints in.
public enum ScoreFormat: String, Sendable, CaseIterable {
    /// One line per criterion, then the total, the threshold and the decision.
    case text
    /// One JSON document with every table's assessment.
    case json
}

/// Renders `deid score` results. Like findings, nothing here holds a count from the table.
public enum ScoreRenderer {
    public static func render(_ reports: [ScoreReport], as format: ScoreFormat) -> String {
        switch format {
        case .text: reports.map(text).joined(separator: "\n\n")
        case .json: json(reports)
        }
    }

    static func text(_ report: ScoreReport) -> String {
        let a = report.assessment
        var lines = ["\(report.file): DDG publication score (policy \(a.policy), edition \(a.edition))"]
        let s1 = a.step1
        let highRisk = s1.highRisk?.joined(separator: ", ") ?? "not declared (treated as high-risk)"
        lines.append("  step 1: personal characteristics \(s1.personalCharacteristics ? "yes" : "no") "
            + "(\(s1.personalCharacteristicsSource)); high-risk population: \(highRisk)")
        lines.append("  step 2: " + step2(a.step2))
        if let score = a.score {
            lines += score.criteria.map { "  " + $0.line }
            lines.append("  total: \(score.total) (threshold \(score.threshold): \(score.threshold) or less allows release without masking)")
            lines += score.warnings.map { "  warning: \($0)" }
        } else if let error = a.scoreError {
            lines.append("  score: not computed: \(error)")
        }
        lines.append("  decision: \(a.decisionSummary)")
        lines += a.notes.map { "  note: \($0)" }
        return lines.joined(separator: "\n")
    }

    private static func step2(_ s: Step2Result) -> String {
        let n = s.numerator, d = s.denominator
        var parts: [String] = []
        parts.append(n.failingCells == 0 ? "no count from 1 to \(n.minimum - 1)"
            : "\(n.failingCells) count\(n.failingCells == 1 ? "" : "s") from 1 to \(n.minimum - 1)")
        if n.hiddenCells > 0 { parts.append("\(n.hiddenCells) hidden count\(n.hiddenCells == 1 ? "" : "s")") }
        let boundary = d.boundary == "fail_at_minimum" ? "at or below" : "below"
        parts.append("denominators from \(d.sourceDescription): \(d.failingCells) \(boundary) \(d.minimum.grouped)"
            + (d.unknownCells > 0 ? ", \(d.unknownCells) unknown" : ""))
        return (s.passed ? "passed" : "failed") + " (" + parts.joined(separator: "; ") + ")"
    }

    static func json(_ reports: [ScoreReport]) -> String {
        struct Document: Encodable {
            let schemaVersion = 1
            let tool = ToolInfo()
            let files: [ScoreReport]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", tool, files }
        }
        return JSONStream.encode(Document(files: reports))
    }
}
