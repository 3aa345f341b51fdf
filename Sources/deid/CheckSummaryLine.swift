import DeidEmit

/// The closing line of a text-format check, on stderr: how many tables, how many findings of which rule.
enum CheckSummaryLine {
    static func text(_ reports: [CheckReport], failedFiles: Bool) -> String {
        // Counted in place: a table can have hundreds of thousands of findings.
        var byRule: [String: Int] = [:]
        var total = 0
        for report in reports {
            for finding in report.findings where finding.severity != .note {
                byRule[finding.code.rawValue, default: 0] += 1
                total += 1
            }
            for (code, count) in report.omittedFindings {
                byRule[code.rawValue, default: 0] += count
                total += count
            }
        }
        let tables = reports.count == 1 ? "1 table" : "\(reports.count) tables"
        var line = "deid: checked \(tables)"
        if total == 0 {
            line += ": no findings"
        } else {
            let detail = byRule.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let failing = reports.filter(\.hasErrors).count
            line += ": \(total) findings (\(detail)) in \(failing == 1 ? "1 table" : "\(failing) tables")"
        }
        if failedFiles { line += "; some tables could not be checked (see the errors above)" }
        return line
    }
}
