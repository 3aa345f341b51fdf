import DeidCore

/// The closing line of a text-format check, on stderr: how many tables, how many findings of which rule.
enum CheckSummaryLine {
    static func text(_ reports: [CheckReport], failedFiles: Bool) -> String {
        let findings = reports.flatMap(\.findings).filter { $0.severity != .note }
        let tables = reports.count == 1 ? "1 table" : "\(reports.count) tables"
        var line = "deid: checked \(tables)"
        if findings.isEmpty {
            line += ": no findings"
        } else {
            var byRule: [String: Int] = [:]
            for finding in findings { byRule[finding.rule.rawValue, default: 0] += 1 }
            let detail = byRule.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let failing = reports.filter(\.hasErrors).count
            line += ": \(findings.count) findings (\(detail)) in \(failing == 1 ? "1 table" : "\(failing) tables")"
        }
        if failedFiles { line += "; some tables could not be checked (see the errors above)" }
        return line
    }
}
