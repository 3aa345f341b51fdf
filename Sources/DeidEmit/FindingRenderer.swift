import DeidSupport

/// The forms `deid check` can print its findings in.
public enum FindingFormat: String, Sendable, CaseIterable {
    /// `file:line: rule-id: message`, one finding per line.
    case text
    /// One JSON document with every file's findings and summary.
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    case github

    /// Whether a person reads this format (text, GitHub annotations), so a long list of findings is cut short;
    /// JSON and SARIF are read by programs and list every finding.
    public var isForPeople: Bool { self == .text || self == .github }
}

/// Renders check reports. Every renderer is a different encoding of the same `Finding` values, none of which
/// holds a table value.
public enum FindingRenderer {
    public static func render(_ reports: [CheckReport], as format: FindingFormat) -> String {
        var text = ""
        write(reports, as: format) { text += $0 }
        return text
    }

    /// Streams the rendering piece by piece (one finding per call for text and github).
    public static func write(_ reports: [CheckReport], as format: FindingFormat, to output: (String) -> Void) {
        switch format {
        case .text:
            for report in reports {
                for finding in report.findings { output(textLine(finding, in: report) + "\n") }
                let omitted = report.omittedFindings.values.reduce(0, +)
                if omitted > 0 {
                    output("\(Printable.escaped(report.file)): … and \(omitted) more findings not listed (--max-findings 0 lists all)\n")
                }
            }
        case .json:
            writeJSON(reports, to: output)
            output("\n")
        case .sarif:
            SARIFRenderer.write(reports, to: output)
            output("\n")
        case .github:
            for report in reports {
                for finding in report.findings { output(githubLine(finding, in: report) + "\n") }
            }
        }
    }

    static func textLine(_ finding: Finding, in report: CheckReport) -> String {
        let line = finding.location.line.map { ":\($0)" } ?? ""
        // Errors keep the plain form; notes and warnings say so, since they do not fail the check.
        let severity = finding.severity == .error ? "" : "\(finding.severity.rawValue): "
        // One finding, one line: a file name or label with a line break in it must not start a second one.
        return Printable.escaped("\(finding.location.file)\(line): \(severity)\(finding.code): \(report.message(of: finding))")
    }

    /// The JSON document; each file's findings are encoded one by one as they are written.
    static func writeJSON(_ reports: [CheckReport], to output: (String) -> Void) {
        struct Document: Encodable {
            let schemaVersion = 1
            let tool = ToolInfo()
            let files: [CheckReport]
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", tool, files }
        }
        JSONStream.write(Document(files: reports), to: output)
    }

    static func githubLine(_ finding: Finding, in report: CheckReport) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var properties = ["file=\(escapeProperty(finding.location.file))"]
        if let line = finding.location.line { properties.append("line=\(line)") }
        properties.append("title=\(escapeProperty("deid \(finding.code)"))")
        let level = finding.severity == .note ? "notice" : finding.severity.rawValue
        return "::\(level) \(properties.joined(separator: ","))::\(escapeData(report.message(of: finding)))"
    }
}

/// The tool block every JSON document starts with.
public struct ToolInfo: Encodable, Sendable {
    public let name = "deid"
    public let version = DeidVersion.current
    public init() {}
}
