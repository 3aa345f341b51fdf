/// What `deid check` found in one table.
public struct CheckReport: Sendable, Encodable {
    public var file: String
    public var policy: String
    public var findings: [Finding]
    /// Findings not listed because of the finding limit, by rule id (every screen's findings are errors).
    public var omittedFindings: [String: Int]
    public var summary: CheckSummary

    public init(
        file: String, policy: String, findings: [Finding], omittedFindings: [String: Int] = [:], summary: CheckSummary
    ) {
        self.file = file
        self.policy = policy
        self.findings = findings
        self.omittedFindings = omittedFindings
        self.summary = summary
    }

    public var hasErrors: Bool {
        findings.contains { $0.severity == .error } || omittedFindings.values.contains { $0 > 0 }
    }
    public var status: String { hasErrors ? "fail" : "pass" }

    enum CodingKeys: String, CodingKey {
        case file, policy, findings, summary, status
        case omittedFindings = "omitted_findings"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(policy, forKey: .policy)
        try container.encode(findings, forKey: .findings)
        if !omittedFindings.isEmpty { try container.encode(omittedFindings, forKey: .omittedFindings) }
        try container.encode(summary, forKey: .summary)
        try container.encode(status, forKey: .status)
    }
}

/// Counts that describe the check without revealing any value.
public struct CheckSummary: Sendable, Codable, Hashable {
    public var cells: Int
    public var hiddenCells: Int
    public var visibleSmallCounts: Int
    /// The audit of the hidden cells, when the table has any.
    public var audit: AuditSummary?

    enum CodingKeys: String, CodingKey {
        case cells, hiddenCells = "hidden_cells", visibleSmallCounts = "visible_small_counts", audit
    }
}

/// The audit's verdict in a form reports can carry.
public struct AuditSummary: Sendable, Codable, Hashable {
    public var verdict: String
    public var underProtected: Int
    /// The narrowest interval width among hidden cells (nil when every interval is unbounded).
    public var narrowestWidth: Int?
    public var minIntervalWidth: Int
    public var solver: String
    public var components: Int
    public var linearPrograms: Int

    enum CodingKeys: String, CodingKey {
        case verdict, underProtected = "under_protected", narrowestWidth = "narrowest_width",
            minIntervalWidth = "min_interval_width", solver, components, linearPrograms = "linear_programs"
    }
}
