import DeidModel
import DeidRecode
import DeidSupport

extension HTMLReport {
    /// Step 4: what was done — recoding, suppression by reason, the complementary method, the disclosure audit,
    /// the label decision, the three-category and survey methods, and the notes.
    static func step4(_ report: AuditReport, _ w: inout HTMLWriter) {
        let s = report.summary
        let result =
            report.release.masked
            ? "Masking applied: \(cells(s.hiddenCells)) hidden; disclosure audit \(s.audit.verdict.rawValue)."
            : "Suppression of small counts not applied (\(report.release.summary))."
        step(4, "Statistical Masking", result: result, &w) { w in
            recodings(report, &w)
            suppression(report, &w)
            audit(report, &w)
            w.element("p", "Labels: \(s.labels.mode.rawValue). \(s.labels.reason.uppercasedFirst).")
            percentages(report, &w)
            survey(report, &w)
            let notes = s.notes.filter { $0 != report.release.summary }
            if !notes.isEmpty {
                w.element("p", "Notes", ["class": "label"])
                w.block("ul") { w in for note in notes { w.element("li", note) } }
            }
        }
    }

    private static func recodings(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let recodings = report.recodings, !recodings.isEmpty else {
            w.element("p", "Recoding: none (no `aggregate:` rule merged any value).")
            return
        }
        w.block("table", ["class": "recodings"]) { w in
            w.element(
                "caption", "Recoding: values merged before suppression (DDG §4.4.2); the table was rescored after it (Q7)")
            w.headerRow(["Column", "Group", "Merged values", "Condition", "Reason", "Group still fails"])
            w.block("tbody") { w in
                for r in recodings {
                    let stillFails =
                        r.groupStillFails.map { $0 ? "yes: its small cells are suppressed" : "no" } ?? "—"
                    w.row(
                        [
                            r.column, r.group, r.members.joined(separator: ", "), RecodeText.condition(r.condition),
                            RecodeText.reason(r.reason), stillFails,
                        ],
                        header: true)
                }
            }
        }
    }

    private static func suppression(_ report: AuditReport, _ w: inout HTMLWriter) {
        let byReason = report.summary.hiddenByReason
        w.block("table", ["class": "reasons"]) { w in
            w.element("caption", "Hidden cells by reason")
            w.headerRow(["Reason", "Cells", "Meaning"])
            w.block("tbody") { w in
                for reason in HiddenReason.allCases {
                    let count = byReason[reason] ?? 0
                    // Cells blank in the input never reach a release (it refuses them), and only an update of an
                    // earlier release keeps cells it hid: list these two only if present.
                    guard count > 0 || (reason != .inputBlank && reason != .hiddenBefore) else { continue }
                    w.row(
                        [reason.rawValue, String(count), meaning(of: reason)], header: true,
                        classes: [nil, "number tally", nil])
                }
            }
        }
        if report.summary.hiddenCells == 0 {
            // Nothing hidden: no share or method to report.
        } else if let share = report.summary.hiddenShareOfTotalCount {
            w.element("p", "Share of the table's total count that is hidden: \(percent(share)).")
        } else if let note = report.summary.hiddenShareNote {
            w.element("p", "Share of the total count hidden: not given (\(note)).")
        }
        if report.summary.hiddenCells > 0 {
            w.element("p", "Complementary method: \(report.summary.audit.method ?? "—").")
        }
    }

    static func meaning(of reason: HiddenReason) -> String {
        switch reason {
        case .primary: "a count below the numerator minimum (primary suppression, DDG T1, T6)"
        case .complementary: "hidden so that no small count can be recomputed or narrowed from the totals (DDG §4)"
        case .rule6:
            "one more cell where a row's or column's hidden values are all tiny or add up to little (DDG Ed. 2.0 rule 6)"
        case .unreliable: "a survey estimate on too few sample cases (reliability, DDG Ed. 2.0 §5.2)"
        case .inputBlank: "blank in the input: hidden by an earlier release"
        case .percentagesOnly: "count withheld: only rounded percentages are published (DDG Ed. 2.0 §4.4.4)"
        case .hiddenBefore:
            "hidden in the previous release of this table (--previous): shown now, it could give last time's value away"
        }
    }

    private static func audit(_ report: AuditReport, _ w: inout HTMLWriter) {
        let a = report.summary.audit
        w.block("table", ["class": "audit"]) { w in
            w.element(
                "caption", "Disclosure audit (linear programming: the interval an attacker can prove for each hidden cell)")
            w.block("tbody") { w in
                w.row(["Verdict", a.verdict.rawValue], header: true)
                w.row(["Solver", a.solver], header: true)
                // Widths and tallies are structure, not values; the classes let the leak canary tell them apart.
                w.row(
                    ["Narrowest interval width", a.narrowestWidth.map(String.init) ?? "—"], header: true,
                    classes: [nil, "width"])
                w.row(
                    ["Minimum required width", "\(a.minIntervalWidth) (policy `audit.min_interval_width`, Q11)"],
                    header: true)
                w.row(["Independent parts of the table", String(a.components)], header: true, classes: [nil, "tally"])
                w.row(["Linear programs solved", String(a.linearPrograms)], header: true, classes: [nil, "tally"])
                w.row(["Audit-and-repair rounds", String(a.rounds ?? 0)], header: true, classes: [nil, "tally"])
                if let outer = a.outerBoundIntervals {
                    w.row(
                        ["Intervals given as outer bounds (verdict settled, exact bound over budget)", String(outer)],
                        header: true, classes: [nil, "tally"])
                }
            }
        }
    }

    private static func percentages(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let p = report.percentagesOnly else { return }
        w.element("p", "Rounded percentages (three-category method)", ["class": "label"])
        w.block("ul") { w in
            w.element("li", "'\(p.dimension)' is published as rounded percentages in '\(p.column)': \(p.method).")
            w.element("li", "Every total is at least \(p.minTotal) (\(p.totals) totals); annotation \(p.code).")
            w.element(
                "li",
                "Percentages audit: \(p.audit.verdict.rawValue) (\(p.audit.categoriesAudited) categories audited, "
                    + "\(p.audit.smallCategories) that could be small; \(p.audit.solver)). "
                    + "\(p.reasoning.uppercasedFirst).")
            w.element("li", "For the reviewer: \(p.reviewer).")
        }
    }

    private static func survey(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let s = report.survey else { return }
        w.element("p", "Survey data", ["class": "label"])
        w.block("ul") { w in
            w.element(
                "li",
                "Estimates whose '\(s.sampleSizeColumn)' is below \(s.minSampleCases) sample cases are hidden as "
                    + "unreliable: \(cells(s.unreliableCells)).")
            w.element("li", s.audit.uppercasedFirst + ".")
            w.element("li", s.zeros.uppercasedFirst + ".")
        }
    }

    /// 0.0979 → "9.79%".
    static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
