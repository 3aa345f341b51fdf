import DeidModel

/// The report a statistical expert can sign: one self-contained HTML file (no script, no external font, style
/// sheet or image; readable printed) rendered from the same `AuditReport` as the JSON audit, so the two cannot
/// disagree. It follows the DDG's Expert Determination template (ddg-rules §8) and leaves the sign-off fields
/// blank. Like the JSON it names rules, thresholds, labels, tallies and audited intervals, never a hidden value.
/// The same report always renders to the same bytes: there is no timestamp (dates are fields to fill in).
public enum HTMLReport {
    public struct Options: Sendable {
        /// The JSON audit's file name, named where the HTML lists less than it does.
        public var jsonReport: String?
        /// The most hidden cells listed; the JSON lists them all.
        public var maxHiddenCells: Int

        public init(jsonReport: String? = nil, maxHiddenCells: Int = 300) {
            self.jsonReport = jsonReport
            self.maxHiddenCells = maxHiddenCells
        }
    }

    public static func render(_ report: AuditReport, options: Options = Options()) -> String {
        var w = HTMLWriter()
        head(title: "De-identification report: \(report.input.file)", &w)
        w.block("body") { w in
            header(report, &w)
            w.block("main") { w in
                sections(report, options: options, &w)
                signOff(&w)
            }
            w.block("footer") { w in
                w.element(
                    "p",
                    "deid \(report.tool.version) · policy \(report.policy.name) · input SHA-256 \(report.input.sha256)")
            }
        }
        w.close("html")
        return w.html
    }

    /// A report's numbered sections: provenance, the DDG steps, the footnotes and the hidden cells.
    static func sections(_ report: AuditReport, options: Options, _ w: inout HTMLWriter) {
        provenance(report, &w)
        determination(report, &w)
        footnotes(report, &w)
        hiddenCells(report, options: options, &w)
    }

    /// The document's start: doctype, `<html>` and the head with its title and the style sheet.
    static func head(title: String, _ w: inout HTMLWriter) {
        w.raw("<!DOCTYPE html>\n")
        w.open("html", ["lang": "en"])
        w.block("head") { w in
            w.raw("<meta charset=\"utf-8\">\n")
            w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            w.element("title", title)
            w.block("style") { w in w.raw(styleSheet) }
        }
    }

    /// Title, the confidentiality notice and the result box: masked or not, and the audit's verdict.
    static func header(_ report: AuditReport, _ w: inout HTMLWriter) {
        w.block("header") { w in
            w.element("h1", "De-identification report: \(report.input.file)")
            w.element("p", report.policy.title, ["class": "subtitle"])
            w.element(
                "p",
                "Working document for the reviewers. It says which hidden cells are small counts and how each was "
                    + "audited; publish only the release table and the footnotes in section 3.",
                ["class": "notice"])
            let masked = report.release.masked
            w.block("div", ["class": masked ? "result masked" : "result unmasked", "role": "note"]) { w in
                w.element(
                    "p", masked ? "Released with masking" : "Released WITHOUT masking", ["class": "result-title"])
                w.element("p", report.release.summary.uppercasedFirst)
                w.element("p", auditSentence(report.summary.audit))
                w.element("p", hiddenSentence(report))
            }
        }
    }

    static func auditSentence(_ audit: AuditSummary) -> String {
        guard let narrowest = audit.narrowestWidth else { return "Disclosure audit: \(audit.verdict.rawValue) (no hidden cell to audit)." }
        return "Disclosure audit: \(audit.verdict.rawValue) (narrowest interval width \(narrowest); the policy requires at least "
            + "\(audit.minIntervalWidth)), solved with \(audit.solver)."
    }

    static func hiddenSentence(_ report: AuditReport) -> String {
        let hidden = report.summary.hiddenCells
        let cells = report.summary.cells
        return hidden == 0
            ? "No cell of the \(cells) is hidden."
            : "\(hidden) of \(cells) cells hidden (\(reasonTallies(report.summary.hiddenByReason)))."
    }

    /// "461 primary, 270 complementary" in a fixed order, so the text is the same on every run.
    static func reasonTallies(_ byReason: [HiddenReason: Int]) -> String {
        HiddenReason.allCases.compactMap { reason in byReason[reason].map { "\($0) \(reason.rawValue)" } }
            .joined(separator: ", ")
    }

    /// `<section>` with an `h2`; `newPage` starts it on a new printed page.
    static func section(
        _ id: String, _ title: String, newPage: Bool = true, _ w: inout HTMLWriter, _ body: (inout HTMLWriter) -> Void
    ) {
        w.block("section", ["id": id, "class": newPage ? "new-page" : "flow", "aria-labelledby": id + "-title"]) { w in
            w.element("h2", title, ["id": id + "-title"])
            body(&w)
        }
    }
}
