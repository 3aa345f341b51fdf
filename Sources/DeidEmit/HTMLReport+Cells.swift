import DeidModel

extension HTMLReport {
    /// Section 3: the footnote text to publish with the release, one per annotation code it uses.
    static func footnotes(_ report: AuditReport, _ w: inout HTMLWriter) {
        section("footnotes", "3. Footnotes to publish with the release", newPage: false, &w) { w in
            if report.footnotes.isEmpty {
                w.element("p", "No footnote is needed: the release hides no value.")
                return
            }
            w.block("ol", ["class": "footnotes"]) { w in
                for note in report.footnotes { w.element("li", note.text) }
            }
            let codes = report.footnotes.contains { $0.annotation != nil }
            w.element(
                "p",
                "From the policy (\(report.footnotes.map(\.source).joined(separator: ", ")))"
                    + (codes ? "; a hidden value is blank in the release, and its annotation column gives the code." : "."),
                ["class": "hint"])
        }
    }

    /// Section 4: every hidden cell (up to the cap) with its reason, annotation and audited interval. Intervals
    /// follow from the published table, so they may appear; the values never do.
    /// What changed since the previous release (`release --previous`): the cells hidden for the first time and
    /// those hidden then and shown now, by their labels.
    static func update(_ report: AuditReport, _ w: inout HTMLWriter) {
        guard let update = report.update else { return }
        w.element(
            "p",
            "An update of \(update.previous): \(update.kept) cells it hid stay hidden, \(update.newlyHidden.count) are "
                + "hidden for the first time and \(update.newlyShown.count) it hid are shown now.")
        for (caption, cells) in [("Hidden for the first time", update.newlyHidden), ("Hidden before, shown now", update.newlyShown)]
        where !cells.isEmpty {
            w.block("table", ["class": "update"]) { w in
                w.element("caption", caption)
                w.headerRow(["Cell"])
                w.block("tbody") { w in for cell in cells { w.row([cell.label], header: true, classes: [nil]) } }
            }
        }
    }

    static func hiddenCells(_ report: AuditReport, options: HTMLReport.Options, _ w: inout HTMLWriter) {
        section("hidden-cells", "4. Hidden cells by reason", newPage: !report.hiddenCells.isEmpty, &w) { w in
            let order = Dictionary(uniqueKeysWithValues: HiddenReason.allCases.enumerated().map { ($1, $0) })
            let sorted = report.hiddenCells.enumerated().sorted { a, b in
                let (ra, rb) = (order[a.element.reason] ?? 0, order[b.element.reason] ?? 0)
                return ra != rb ? ra < rb : a.offset < b.offset
            }.map(\.element)
            update(report, &w)
            guard !sorted.isEmpty else {
                w.element("p", "No cell is hidden.")
                return
            }
            let shown = sorted.prefix(max(0, options.maxHiddenCells))
            if shown.count < sorted.count {
                w.element(
                    "p",
                    "The first \(shown.count) of \(sorted.count) hidden cells are listed; the JSON audit report"
                        + (options.jsonReport.map { " (\($0))" } ?? "") + " lists them all.")
            }
            w.block("table", ["class": "hidden-cells"]) { w in
                w.element("caption", "Each hidden cell and the interval an attacker can prove for it from the release")
                w.headerRow(["Cell", "Input line", "Reason", "Annotation", "Audited interval", "Width"])
                w.block("tbody") { w in
                    for cell in shown {
                        w.row(
                            [cell.cell.label, cell.line.map(String.init) ?? "—", cell.reason.rawValue,
                             cell.annotation ?? "—", interval(cell.interval),
                             cell.interval?.width.map(String.init) ?? "—"],
                            header: true, classes: [nil, "number line", nil, nil, "interval", "number width"])
                    }
                }
            }
            if shown.contains(where: { $0.interval?.exact == false }) {
                w.element(
                    "p",
                    "An interval marked ⊇ is an outer bound: the attacker's interval lies inside it. Integer "
                        + "completions found by the audit already settle that cell's verdict, and finding its exact "
                        + "bound took longer than the audit's budget.",
                    ["class": "hint"])
            }
            if shown.contains(where: { $0.interval == nil }) {
                w.element(
                    "p",
                    "An interval of — marks a cell the count audit treats as published "
                        + "(`survey.protect_unreliable: false`).",
                    ["class": "hint"])
            }
        }
    }

    /// `[0, 275]`, `[12, ∞]`, or — when the cell is not audited.
    static func interval(_ interval: AuditReport.Interval?) -> String {
        guard let interval else { return "—" }
        let bounds = "[\(interval.lower), \(interval.upper.map(String.init) ?? "∞")]"
        return interval.exact == false ? "⊇ " + bounds : bounds
    }
}
