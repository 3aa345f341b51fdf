import DeidEmit

/// The reports of a linked release as a set (`release --linked … --report FILE [--report-html FILE]`): the JSON
/// report holds every table's report in command-line order, the HTML report every table's sections and one
/// sign-off. Each table's own reports are written beside its release as well.
public struct LinkedSetReport: Sendable {
    public var json: String
    public var html: String?

    public init(json: String, html: String?) {
        self.json = json
        self.html = html
    }

    var plannedOutputs: [PlannedOutput] {
        [PlannedOutput(path: json, option: "--report")] + (html.map { [PlannedOutput(path: $0, option: "--report-html")] } ?? [])
    }

    /// Writes both reports to their temporary files.
    func stage(_ plan: OutputPlan, reports: [AuditReport]) throws -> StagedOutputs {
        let staged = try plan.stage()
        var text = "{\"linked_release\": ["
        for (i, report) in reports.enumerated() {
            if i > 0 { text += "," }
            report.writeJSON { text += $0 }
        }
        text += "]}\n"
        try staged.files[0].write(Array(text.utf8))
        if html != nil, staged.files.count > 1 {
            try staged.files[1].write(Array(HTMLReport.renderSet(reports, options: HTMLReport.Options(jsonReport: json)).utf8))
        }
        return staged
    }
}
