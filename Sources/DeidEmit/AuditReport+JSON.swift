/// The report as JSON: every field encoded by `JSONStream`, the hidden cells (tens of thousands on a large
/// table) one at a time as they are written.
extension AuditReport {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(policy, forKey: .policy)
        try container.encode(descriptionFile, forKey: .descriptionFile)
        try container.encode(input, forKey: .input)
        try container.encode(output, forKey: .output)
        try container.encode(JSONArrayStream(count: hiddenCells.count) { hiddenCells[$0] }, forKey: .hiddenCells)
        try container.encode(summary, forKey: .summary)
        try container.encode(release, forKey: .release)
        try container.encode(footnotes, forKey: .footnotes)
        try container.encode(safeHarbor, forKey: .safeHarbor)
        try container.encodeIfPresent(assessment, forKey: .assessment)
        try container.encodeIfPresent(recodings, forKey: .recodings)
        try container.encodeIfPresent(percentagesOnly, forKey: .percentagesOnly)
        try container.encodeIfPresent(survey, forKey: .survey)
        try container.encodeIfPresent(update, forKey: .update)
    }

    /// The whole document, ending in a newline, handed to `output` piece by piece.
    package func writeJSON(to output: (String) -> Void) {
        JSONStream.write(self, to: output)
        output("\n")
    }
}
