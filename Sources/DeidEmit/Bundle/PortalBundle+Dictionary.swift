import DeidRead

/// The data dictionary, in Markdown for people and in CSV for programs: every column of the release, every
/// annotation code it uses, the footnotes to publish and the method.
extension PortalBundle {
    public var dictionaryMarkdown: String {
        var lines = [
            "# Data dictionary: \(releaseFile)", "",
            method, "",
            "## Columns", "",
            "| Column | Type | Role | Description |",
            "|---|---|---|---|",
        ]
        lines += columns.map { "| \(cell($0.name)) | \($0.type.rawValue) | \($0.role) | \(cell($0.description)) |" }
        if !codes.isEmpty {
            lines += ["", "## Annotation codes", "", "| Code | Meaning |", "|---|---|"]
            lines += codes.map { "| \(cell($0.code)) | \(cell($0.meaning)) |" }
        }
        lines += ["", "## Footnotes to publish", ""]
        lines += (codes.map(\.meaning) + tableNotes).map { "- " + $0 }
        lines += ["", "Made by deid \(toolVersion) under the \(policyTitle)."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table cell: `|` escaped and line breaks flattened, so a label cannot break the table.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// The CSV dictionary's header: `kind` is `column`, `annotation_code`, `footnote` or `method`.
    static let dictionaryHeader = ["kind", "name", "type", "role", "description"]

    /// Writes the CSV dictionary to `fd`: a row per column, per annotation code, per table footnote, and the method.
    public func writeDictionaryCSV(to fd: Int32) throws {
        var rows = [Self.dictionaryHeader]
        rows += columns.map { ["column", $0.name, $0.type.rawValue, $0.role, $0.description] }
        rows += codes.map { ["annotation_code", $0.code, "", "", $0.meaning] }
        rows += tableNotes.map { ["footnote", "", "", "", $0] }
        rows.append(["method", "", "", "", method])
        var writer = CSVWriter(fileDescriptor: fd)
        for row in rows {
            for field in row { writer.field(field) }
            writer.endRecord()
        }
        try writer.flush()
    }
}
