/// The report as JSON. A release can hide tens of thousands of cells; JSONEncoder took about 0.1 s for the
/// 11,400 of benchmark table (b), on the critical path after the audit, so the hidden cells are streamed in
/// (`JSONSplice`), byte for byte what JSONEncoder writes (`AuditReportJSONTests`).
extension AuditReport {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(policy, forKey: .policy)
        try container.encode(rules, forKey: .rules)
        try container.encode(input, forKey: .input)
        try container.encode(output, forKey: .output)
        if let hiddenCellsMarker {
            try container.encode(hiddenCellsMarker, forKey: .hiddenCells)
        } else {
            try container.encode(hiddenCells, forKey: .hiddenCells)
        }
        try container.encode(summary, forKey: .summary)
        try container.encode(release, forKey: .release)
        try container.encode(footnotes, forKey: .footnotes)
        try container.encode(safeHarbor, forKey: .safeHarbor)
        try container.encodeIfPresent(assessment, forKey: .assessment)
        try container.encodeIfPresent(recodings, forKey: .recodings)
        try container.encodeIfPresent(percentagesOnly, forKey: .percentagesOnly)
        try container.encodeIfPresent(survey, forKey: .survey)
    }

    /// The whole document, ending in a newline, handed to `output` piece by piece.
    func writeJSON(to output: (String) -> Void) {
        var marked = self
        marked.hiddenCellsMarker = JSONSplice.marker(0)
        let cells = JSONSplice.Array(key: "hidden_cells", marker: JSONSplice.marker(0), count: hiddenCells.count) {
            hiddenCells[$0].json
        }
        JSONSplice.write(JSONOutput.encode(marked) + "\n", splicing: [cells], to: output)
    }
}

extension AuditReport.HiddenCell {
    /// The members JSONEncoder writes for this cell (absent optionals left out).
    var json: PrettyJSON.Value {
        var members: [(key: String, value: PrettyJSON.Value)] = [
            ("cell", .array(cell.map { .object([("dimension", .string($0.dimension)), ("value", .string($0.value))]) })),
            ("reason", .string(reason.rawValue)),
        ]
        if let line { members.append(("line", .int(line))) }
        if let annotation { members.append(("annotation", .string(annotation))) }
        if let interval {
            var bounds: [(key: String, value: PrettyJSON.Value)] = [("lower", .int(interval.lower))]
            if let upper = interval.upper { bounds.append(("upper", .int(upper))) }
            if let width = interval.width { bounds.append(("width", .int(width))) }
            if let exact = interval.exact { bounds.append(("exact", .bool(exact))) }
            members.append(("interval", .object(bounds)))
        }
        return .object(members)
    }
}
