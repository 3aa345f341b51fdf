import DeidSupport
import DeidRead
import DeidModel
import DeidAssess
import DeidAudit
import DeidProtect
import DeidEmit

/// One table to check.
public struct CheckRequest: Sendable {
    public var source: InputSource
    public var displayName: String
    public var descriptionFile: String?
    public var presetsDirectory: String?
    /// At most this many findings are kept per table (in line order); the rest are only counted. nil keeps all.
    public var findingLimit: Int?

    public init(
        source: InputSource, displayName: String, descriptionFile: String?, presetsDirectory: String? = nil,
        findingLimit: Int? = nil
    ) {
        self.source = source
        self.displayName = displayName
        self.descriptionFile = descriptionFile
        self.presetsDirectory = presetsDirectory
        self.findingLimit = findingLimit
    }
}

/// `deid check`: Read → Model → Assess → Audit, stopping before anything is written.
public enum Checker {
    public static func check(_ request: CheckRequest) throws -> CheckReport {
        let context = try DescriptionContext.load(
            source: request.source, descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        // A named pipe or device is read once into a temporary file: the reader may open its input twice.
        let spool = try InputSpool(request.source, displayName: request.displayName, keepStandardInput: true)
        let loaded = try StageTrace.measure("read and model") {
            try TableLoader.load(
                spool.source, displayName: request.displayName, description: context.description, policy: context.policy,
                purpose: .check)
        }
        let table = loaded.table
        // DDG Steps 1–3: a table that may be released without masking may show small counts (notes, not errors).
        let assessment = try StageTrace.measure("assess") {
            try Assessor.assess(
                table: table, description: context.description, policy: context.policy,
                referenceDirectory: context.referenceDirectory)
        }
        let small = SmallCountScreen.visibleSmallCells(in: table, policy: context.policy)
        let listed = request.findingLimit.map { Array(small.prefix($0)) } ?? small
        var findings = SmallCountScreen.smallCountFindings(
            for: listed, in: table, policy: context.policy, countColumn: context.description.countColumn)
        if !assessment.requiresMasking { findings = SmallCountScreen.allowed(findings) }
        var omitted = [FindingCode.smallCount: small.count - listed.count]
        var omittedErrors = assessment.requiresMasking ? small.count - listed.count : 0
        findings += SmallCountScreen.derivedFindings(in: table, description: context.description, policy: context.policy)
        findings += ReliabilityScreen.findings(in: table, description: context.description, policy: context.policy)

        let system = table.cellSystem
        let pattern = PrimarySuppression.blanks(in: system)
        var auditSummary: AuditSummary?
        if pattern.hiddenCount > 0 {
            let problem = AuditProblems.forRelease(system: system, pattern: pattern, policy: context.policy)
            let result = try DisclosureAudit.run(problem)
            findings += AuditFindings.findings(for: result, system: system, policy: context.policy)
            auditSummary = AuditSummary(checked: result, policy: context.policy)
        }
        // Each screen lists its findings in cell order; put them in line order across screens. Sorting indices
        // keeps the (large) findings themselves from being moved around.
        let order = findings.indices.sorted {
            (findings[$0].location.line ?? 0, findings[$0].code.rawValue, $0)
                < (findings[$1].location.line ?? 0, findings[$1].code.rawValue, $1)
        }
        if order != Array(findings.indices) { findings = order.map { findings[$0] } }
        if let limit = request.findingLimit, findings.count > limit {
            for finding in findings[limit...] {
                omitted[finding.code, default: 0] += 1
                if finding.severity == .error { omittedErrors += 1 }
            }
            findings.removeSubrange(limit...)
        }
        let summary = CheckSummary(
            cells: table.cellCount, hiddenCells: pattern.hiddenCount, visibleSmallCounts: small.count,
            audit: auditSummary)
        var report = CheckReport(
            file: request.displayName, policy: context.policy.name, findings: findings,
            omittedFindings: omitted.filter { $0.value > 0 }, omittedErrors: omittedErrors, summary: summary,
            assessment: assessment)
        report.inputs = context.inputFiles(table: request.source)
        return report
    }
}
