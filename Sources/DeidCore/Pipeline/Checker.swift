/// One table to check.
public struct CheckRequest: Sendable {
    public var source: InputSource
    public var displayName: String
    public var rulesFile: String?
    public var presetsDirectory: String?

    public init(source: InputSource, displayName: String, rulesFile: String?, presetsDirectory: String? = nil) {
        self.source = source
        self.displayName = displayName
        self.rulesFile = rulesFile
        self.presetsDirectory = presetsDirectory
    }
}

/// `deid check`: Read → Model → Assess → Audit, stopping before anything is written.
public enum Checker {
    public static func check(_ request: CheckRequest) throws -> CheckReport {
        let rules = try RulesContext.load(
            source: request.source, rulesFile: request.rulesFile, presetsDirectory: request.presetsDirectory)
        let loaded = try TableLoader.load(
            request.source, displayName: request.displayName, description: rules.description, policy: rules.policy,
            purpose: .check)
        let table = loaded.table
        var findings = SmallCountScreen.smallCountFindings(
            in: table, policy: rules.policy, countColumn: rules.description.countColumn)
        findings += SmallCountScreen.derivedFindings(in: table, description: rules.description, policy: rules.policy)
        findings += ReliabilityScreen.findings(in: table, description: rules.description, policy: rules.policy)

        let pattern = PrimarySuppression.blanks(in: table)
        var auditSummary: AuditSummary?
        if pattern.hiddenCount > 0 {
            let problem = AuditProblems.forRelease(table: table, pattern: pattern, policy: rules.policy)
            let result = try DisclosureAudit.run(problem)
            findings += AuditFindings.findings(for: result, table: table, policy: rules.policy)
            auditSummary = AuditSummary(result, policy: rules.policy)
        }
        findings.sort { ($0.location.line ?? 0, $0.rule.rawValue) < ($1.location.line ?? 0, $1.rule.rawValue) }
        let summary = CheckSummary(
            cells: table.cellCount, hiddenCells: pattern.hiddenCount,
            visibleSmallCounts: findings.filter { $0.rule == .smallCount }.count, audit: auditSummary)
        return CheckReport(file: request.displayName, policy: rules.policy.name, findings: findings, summary: summary)
    }
}
