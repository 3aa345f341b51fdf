import DeidSupport
import DeidRead
import DeidModel
import DeidAssess
import DeidAudit
import DeidProtect
import DeidEmit
import DeidDescription

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
        let screened = try ScreenedTable(request)
        let system = screened.table.cellSystem
        let audit = try Self.audit(system, policy: screened.context.policy) { pattern in
            if screened.assessment.requiresMasking {
                screened.table.hideSmallRemainders(in: &pattern, isSmall: screened.context.policy.numerator.isSmall)
            }
        }
        return screened.report(auditFindings: audit?.findings ?? [], audit: audit?.summary)
    }

    /// `deid check --linked`: tables published together, each screened on its own, then one disclosure audit
    /// over all of them (`LinkedTables`): a cell one table hides must not be recomputable from what any of them
    /// shows. Each audit finding is reported in the first table that has the cell. Every table must be readable
    /// and under one policy, or nothing is reported.
    public static func checkLinked(_ requests: [CheckRequest]) throws -> [CheckReport] {
        let screened = try requests.map(ScreenedTable.init)
        guard let first = screened.first else { return [] }
        for other in screened.dropFirst() where other.context.policy.file != first.context.policy.file {
            throw DescriptionError.invalidTable(
                SourceLocation(file: other.context.descriptionFile),
                problem: "the policy '\(other.context.policy.name)' is not that of \(first.request.displayName) "
                    + "('\(first.context.policy.name)'); tables checked together are audited under one policy")
        }
        let linked = try StageTrace.measure("link") { try LinkedTables.link(screened.map(\.table)) }
        let audit = try Self.audit(linked.system, policy: first.context.policy) { pattern in
            for (t, table) in screened.enumerated() where table.assessment.requiresMasking {
                table.table.hideSmallRemainders(in: &pattern, isSmall: first.context.policy.numerator.isSmall) {
                    Int(linked.cellMaps[t][$0])
                }
            }
        }
        let files = screened.map(\.request.displayName)
        return screened.map { table in
            let mine = (audit?.findings ?? []).filter { $0.location.file == table.table.file }
            var summary = audit?.summary
            summary?.underProtected = mine.count
            summary?.verdict = Verdict(passed: mine.isEmpty)
            var report = table.report(auditFindings: mine, audit: summary)
            report.summary.linkedWith = files.filter { $0 != table.request.displayName }
            return report
        }
    }

    /// The disclosure audit of the system's blank cells and of the cells `hide` adds (remainders of incomplete
    /// totals, which no row publishes), if there are any.
    private static func audit(
        _ system: CellSystem, policy: Policy, hide: (inout Pattern) -> Void
    ) throws -> (findings: [Finding], summary: AuditSummary)? {
        var pattern = PrimarySuppression.blanks(in: system)
        hide(&pattern)
        guard pattern.hiddenCount > 0 else { return nil }
        let problem = AuditProblems.forRelease(system: system, pattern: pattern, policy: policy)
        let result = try DisclosureAudit.run(problem)
        return (
            AuditFindings.findings(for: result, system: system, policy: policy),
            AuditSummary(checked: result, policy: policy)
        )
    }
}

/// A table read and screened on its own (small counts, derived values, reliability), before any audit.
struct ScreenedTable {
    let request: CheckRequest
    let context: DescriptionContext
    let table: Table
    let assessment: Assessment
    private var findings: [Finding]
    private var omitted: [FindingCode: Int]
    private var omittedErrors: Int
    private let visibleSmallCounts: Int

    init(_ request: CheckRequest) throws {
        self.request = request
        context = try DescriptionContext.load(
            source: request.source, descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        let context = context
        // A named pipe or device is read once into a temporary file: the reader may open its input twice.
        let spool = try InputSpool(request.source, displayName: request.displayName, keepStandardInput: true)
        let loaded = try StageTrace.measure("read and model") {
            try TableLoader.load(
                spool.source, displayName: request.displayName, description: context.description, policy: context.policy,
                purpose: .check)
        }
        let table = loaded.table
        self.table = table
        // DDG Steps 1–3: a table that may be released without masking may show small counts (notes, not errors).
        assessment = try StageTrace.measure("assess") {
            try Assessor.assess(
                table: table, description: context.description, policy: context.policy,
                referenceDirectory: context.referenceDirectory)
        }
        let small = SmallCountScreen.visibleSmallCells(in: table, policy: context.policy)
        let listed = request.findingLimit.map { Array(small.prefix($0)) } ?? small
        var findings = SmallCountScreen.smallCountFindings(
            for: listed, in: table, policy: context.policy, countColumn: context.description.countColumn)
        if !assessment.requiresMasking { findings = SmallCountScreen.allowed(findings) }
        // Small counts a release without masking may show are notes, not findings: the tallies leave them out.
        omitted = assessment.requiresMasking ? [FindingCode.smallCount: small.count - listed.count] : [:]
        omittedErrors = assessment.requiresMasking ? small.count - listed.count : 0
        findings += SmallCountScreen.derivedFindings(
            in: table, description: context.description, policy: context.policy, masked: assessment.requiresMasking)
        findings += ReliabilityScreen.findings(in: table, description: context.description, policy: context.policy)
        self.findings = findings
        visibleSmallCounts = small.count
    }

    /// The table's report with the audit's findings about its cells.
    func report(auditFindings: [Finding], audit: AuditSummary?) -> CheckReport {
        var findings = self.findings + auditFindings
        var omitted = self.omitted
        var omittedErrors = self.omittedErrors
        // Each screen lists its findings in cell order; put them in line order across screens. Sorting indices
        // keeps the (large) findings themselves from being moved around.
        let order = findings.indices.sorted {
            (findings[$0].location.line ?? 0, findings[$0].code.rawValue, $0)
                < (findings[$1].location.line ?? 0, findings[$1].code.rawValue, $1)
        }
        if order != Array(findings.indices) { findings = order.map { findings[$0] } }
        if let limit = request.findingLimit, findings.count > limit {
            for finding in findings[limit...] where finding.severity != .note {
                omitted[finding.code, default: 0] += 1
                if finding.severity == .error { omittedErrors += 1 }
            }
            findings.removeSubrange(limit...)
        }
        let hidden = table.counts[..<(table.rowCells ?? table.cellCount)].reduce(0) { $0 + ($1 == Table.blank ? 1 : 0) }
        let summary = CheckSummary(
            cells: table.cellCount, hiddenCells: hidden, visibleSmallCounts: visibleSmallCounts, audit: audit)
        var report = CheckReport(
            file: request.displayName, policy: context.policy.name, findings: findings,
            omittedFindings: omitted.filter { $0.value > 0 }, omittedErrors: omittedErrors, summary: summary,
            assessment: assessment)
        report.inputs = context.inputFiles(table: request.source)
        return report
    }
}
