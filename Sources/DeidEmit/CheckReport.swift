import DeidSupport
import DeidDescription
import DeidAssess
import DeidAudit

/// What `deid check` found in one table.
public struct CheckReport: Sendable, Encodable {
    public var file: String
    public var policy: String
    public var findings: [Finding]
    /// Findings not listed because of the finding limit, by rule id.
    public var omittedFindings: [FindingCode: Int]
    public var summary: CheckSummary
    /// DDG Steps 1–3: whether the table needs masking at all, and why.
    public var assessment: Assessment?
    /// How many of the omitted findings are errors (they fail the check like listed ones).
    public var omittedErrors: Int
    /// The files read to check this table (table, description, policy), which no output may replace; not encoded.
    public var inputs: [PlannedInput] = []

    public init(
        file: String, policy: String, findings: [Finding], omittedFindings: [FindingCode: Int] = [:], omittedErrors: Int = 0,
        summary: CheckSummary, assessment: Assessment? = nil
    ) {
        self.file = file
        self.policy = policy
        self.findings = findings
        self.omittedFindings = omittedFindings
        self.omittedErrors = omittedErrors
        self.summary = summary
        self.assessment = assessment
    }

    public var hasErrors: Bool { omittedErrors > 0 || findings.contains { $0.severity == .error } }
    public var status: Verdict { Verdict(passed: !hasErrors) }

    enum CodingKeys: String, CodingKey {
        case file, policy, findings, summary, status, assessment
        case omittedFindings = "omitted_findings"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(policy, forKey: .policy)
        // Made and encoded one at a time: a table can have hundreds of thousands of findings.
        try container.encode(
            JSONArrayStream(count: findings.count) { EncodedFinding(findings[$0], in: self) }, forKey: .findings)
        if !omittedFindings.isEmpty { try container.encode(omittedFindings, forKey: .omittedFindings) }
        try container.encode(summary, forKey: .summary)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(assessment, forKey: .assessment)
    }
}

/// Counts that describe the check without revealing any value.
public struct CheckSummary: Sendable, Codable, Hashable {
    public var cells: Int
    public var hiddenCells: Int
    public var visibleSmallCounts: Int
    /// The audit of the hidden cells, when the table has any.
    public var audit: AuditSummary?
    /// The other tables audited together with this one (`check --linked`); nil when checked alone.
    public var linkedWith: [String]?

    enum CodingKeys: String, CodingKey {
        case cells, hiddenCells = "hidden_cells", visibleSmallCounts = "visible_small_counts", audit
        case linkedWith = "linked_with"
    }

    package init(cells: Int, hiddenCells: Int, visibleSmallCounts: Int, audit: AuditSummary?) {
        self.cells = cells
        self.hiddenCells = hiddenCells
        self.visibleSmallCounts = visibleSmallCounts
        self.audit = audit
    }
}

/// The disclosure audit as every report carries it: the verdict and the solver's work. `check` reports how many
/// cells are under-protected; a release (which only happens when none is) reports its method and rounds instead.
public struct AuditSummary: Sendable, Codable, Hashable {
    public var verdict: Verdict
    /// How the release chose its complementary cells (release reports only).
    public var method: String?
    public var solver: String
    public var components: Int
    public var linearPrograms: Int
    public var minIntervalWidth: Int
    /// The narrowest width among hidden cells' exact intervals (nil when every one is unbounded or an outer bound).
    public var narrowestWidth: Int?
    /// Audit-and-repair rounds after complementary suppression's first pass (release reports only).
    public var rounds: Int?
    /// Present only when some intervals are outer bounds (`Interval.exact`); they are left out of
    /// `narrowestWidth` (release reports only).
    public var outerBoundIntervals: Int?
    /// Hidden cells the audit found under-protected (`check` reports only).
    public var underProtected: Int?

    enum CodingKeys: String, CodingKey {
        case verdict, method, solver, components, rounds
        case linearPrograms = "linear_programs", minIntervalWidth = "min_interval_width"
        case narrowestWidth = "narrowest_width", outerBoundIntervals = "outer_bound_intervals"
        case underProtected = "under_protected"
    }
}

extension AuditSummary {
    /// The audit of a table being checked.
    public init(checked result: AuditResult, policy: Policy) {
        verdict = Verdict(passed: result.passed)
        underProtected = result.underProtected.count
        narrowestWidth = result.narrowestWidth
        minIntervalWidth = policy.audit.minIntervalWidth
        solver = result.solver
        components = result.components
        linearPrograms = result.linearProgramsSolved
    }

    /// The audit of a release, with how its complementary cells were chosen.
    init(released result: AuditResult, method: String, rounds: Int, policy: Policy) {
        verdict = Verdict(passed: result.passed)
        self.method = method
        self.rounds = rounds
        outerBoundIntervals = result.outerBoundIntervals > 0 ? result.outerBoundIntervals : nil
        narrowestWidth = result.narrowestWidth
        minIntervalWidth = policy.audit.minIntervalWidth
        solver = result.solver
        components = result.components
        linearPrograms = result.linearProgramsSolved
    }
}

/// A finding as JSON carries it: the check's code under `rule`, the message and the properties written out.
struct EncodedFinding: Encodable {
    let rule: FindingCode
    let severity: Finding.Severity
    let location: SourceLocation
    let message: String
    let cell: [Coordinate]
    let properties: [String: String]

    init(_ finding: Finding, in report: CheckReport) {
        rule = finding.code
        severity = finding.severity
        location = finding.location
        message = report.message(of: finding)
        cell = finding.cell
        properties = report.properties(of: finding)
    }
}
