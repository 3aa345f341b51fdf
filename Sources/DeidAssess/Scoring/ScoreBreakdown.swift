/// One line of the publication score: the criterion, the DDG category that decided it, the evidence, the
/// points. Evidence names labels, bands and public reference populations; never a count from the table
/// (the events criterion names the band of the smallest count, not the count).
public struct CriterionScore: Sendable, Hashable, Encodable {
    /// The DDG criterion: `events`, `age`, `time`, `residence_geography`, `interactions`, `other`, …
    public var criterion: String
    /// The dimension column scored, or nil for events, interactions and table-level declarations.
    public var dimension: String?
    /// The DDG's wording of the band or category that applies.
    public var category: String
    /// Why this category, e.g. "smallest range 12–14 = 3 years".
    public var evidence: String
    public var points: Int
    /// False when a competing criterion decides instead (insurance vs geography, a repeated role); the
    /// line is kept so a reviewer sees both.
    public var counted: Bool
    /// The DDG source of the criterion's table, e.g. "V2-S4.3".
    public var source: String
    /// Whether the band bounds counts below the numerator minimum from below (the interactions band of a
    /// table of only events, time and population); such a band must not be reported once those counts are
    /// hidden. Not encoded.
    var boundsSmallCounts = false

    enum CodingKeys: String, CodingKey { case criterion, dimension, category, evidence, points, counted, source }

    public init(
        criterion: String, dimension: String? = nil, category: String, evidence: String, points: Int,
        counted: Bool = true, source: String
    ) {
        self.criterion = criterion
        self.dimension = dimension
        self.category = category
        self.evidence = evidence
        self.points = points
        self.counted = counted
        self.source = source
    }

    /// `age: smallest range 12–14 = 3 years → +5` (with the column when it adds information).
    public var line: String {
        let name = dimension.map { "\(criterion) (\($0))" } ?? criterion
        let suffix = counted ? "" : " (not counted)"
        return "\(name): \(evidence) → \(points.signedPoints)\(suffix)"
    }
}

/// DDG Step 3: the Publication Scoring Criteria applied to one table (ddg-rules §5, R1–R11).
public struct ScoreBreakdown: Sendable, Hashable, Encodable {
    /// DDG edition of the policy's scoring tables ("1.0" or "2.0").
    public var edition: String
    public var policy: String
    public var criteria: [CriterionScore]
    public var total: Int
    /// T5: totals at or below it allow release without masking.
    public var threshold: Int
    /// Q5: how the riskiest category is found; deid scores the whole table by its riskiest category.
    public var mode: String
    /// Criteria that cannot be scored and send the table to masking (detailed immigration status, ddg-rules §4).
    public var highRiskCriteria: [String]
    /// Things a statistical expert must review (Q8, Q16, Q17, criteria missing from the edition, …).
    public var warnings: [String]
    /// Reference files whose figures were used, with their SHA-256.
    public var references: [ReferenceFile]

    public var isAtMostThreshold: Bool { total <= threshold }

    enum CodingKeys: String, CodingKey {
        case edition, policy, criteria, total, threshold, mode, warnings, references
        case highRiskCriteria = "high_risk_criteria", isAtMostThreshold = "at_most_threshold"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(edition, forKey: .edition)
        try c.encode(policy, forKey: .policy)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(total, forKey: .total)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(mode, forKey: .mode)
        try c.encode(highRiskCriteria, forKey: .highRiskCriteria)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(references, forKey: .references)
        try c.encode(isAtMostThreshold, forKey: .isAtMostThreshold)
    }

    /// The points one criterion contributes (0 when absent), for tests and renderers.
    public func points(_ criterion: String) -> Int {
        criteria.filter { $0.criterion == criterion && $0.counted }.reduce(0) { $0 + $1.points }
    }
}
