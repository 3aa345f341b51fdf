extension HTMLReport {
    /// One report for tables released together (`release --linked … --report-html FILE`): each table's sections
    /// in turn, as in its own report, and one sign-off for the set. The per-table reports stay beside the releases.
    public static func renderSet(_ reports: [AuditReport], options: Options = Options()) -> String {
        let names = reports.map(\.input.file)
        var w = HTMLWriter()
        head(title: "De-identification report: \(names.joined(separator: ", "))", &w)
        w.block("body") { w in
            w.block("header") { w in
                w.element("h1", "De-identification report: \(reports.count) tables released together")
                w.element(
                    "p",
                    "Protected and audited as one release: a cell the tables share is one cell, hidden in every table "
                        + "that shows it, and every interval below holds against a reader of all of them.",
                    ["class": "subtitle"])
                w.block("ul") { w in for name in names { w.element("li", name) } }
            }
            for report in reports {
                w.block("article") { w in
                    header(report, &w)
                    w.block("main") { w in sections(report, options: options, &w) }
                }
            }
            signOff(&w)
        }
        w.close("html")
        return w.html
    }
}
