import DeidDescription
import DeidModel
import DeidVerify

extension HTMLReport {
    /// Section 1: every file the release depends on or produced, with its SHA-256 (ddg-rules §8 "Provenance").
    static func provenance(_ report: AuditReport, _ w: inout HTMLWriter) {
        section("provenance", "1. Provenance", newPage: false, &w) { w in
            w.block("table", ["class": "provenance"]) { w in
                w.element("caption", "What this release was made from and what it wrote")
                w.headerRow(["Item", "Value or file", "SHA-256"])
                w.block("tbody") { w in
                    w.row(["Tool", "deid \(report.tool.version)", ""], header: true)
                    w.row(
                        ["Policy", "\(report.policy.name) (DDG edition \(report.policy.edition))", ""], header: true)
                    w.row(["Policy file", report.policy.file, report.policy.sha256], header: true, classes: digest)
                    w.row(["Table description", report.descriptionFile.file, report.descriptionFile.sha256], header: true, classes: digest)
                    for reference in report.assessment?.references ?? [] {
                        w.row(
                            ["Reference data: \(reference.name)", reference.file, reference.sha256], header: true,
                            classes: digest)
                    }
                    w.row(
                        ["Input table", "\(report.input.file) (\(report.input.kind), \(report.input.cells) cells)",
                         report.input.sha256], header: true, classes: digest)
                    w.row(["Release table", report.output.file, report.output.sha256], header: true, classes: digest)
                }
            }
            w.element(
                "p",
                "deid writes no timestamp, so the same input always gives the same report; the dates are filled in "
                    + "at sign-off (section 5).")
        }
    }

    /// Column classes of a provenance row whose third cell is a digest (kept on one line where it fits).
    private static let digest: [String?] = [nil, "path", "digest"]
}
