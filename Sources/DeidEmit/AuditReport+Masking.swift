import DeidDescription
import DeidRecode
import DeidProtect
import DeidVerify
import DeidSupport

/// What the report records about masking beyond cell suppression: recoding, rounded percentages, survey
/// reliability, and notes about derived values. Reasons cite rules, thresholds and public populations only.
public struct MaskingReport: Sendable {
    public var recodings: [RecodingRecord] = []
    public var percentages: PercentagesInfo?
    public var survey: SurveyInfo?
    public var notes: [String] = []

    public init() {}

    /// Gathers the report blocks from what the masking stages did.
    public init(
        recode: RecodeResult?, percentages: PercentagesRelease?, unreliableCells: Int, description: TableDescription,
        policy: Policy, scoreBeforeRecoding: ScoreBeforeRecoding? = nil
    ) {
        notes = scoreBeforeRecoding.map { [$0.note] } ?? []
        if let recode {
            recodings = recode.recodings
            notes += recode.notes.map(RecodeText.note)
            if !recode.recodings.isEmpty {
                let formulas = Set(description.masking.rates.map(\.column))
                for column in description.derived where !formulas.contains(column) {
                    notes.append(
                        "derived column '\(column)' has no formula in `rates:`, so it is left empty on merged rows")
                }
            }
        }
        if let percentages { self.percentages = PercentagesInfo(percentages, policy: policy) }
        if description.masking.data == .survey {
            survey = SurveyInfo(
                sampleSizeColumn: description.masking.sampleSize ?? "", minSampleCases: policy.survey.minSampleCases,
                unreliableCells: unreliableCells, protectedByAudit: policy.survey.protectUnreliable,
                audit: ProtectionText.unreliableCells(protectedByAudit: policy.survey.protectUnreliable),
                zeros: "a zero estimate is shown even on few sample cases: zeros are never suppressed (DDG rule 3)")
        }
    }
}

/// The publication score of the table as read, beside the recoded table's (ddg-rules Q7, rescoring after
/// restructuring).
public enum ScoreBeforeRecoding: Sendable {
    case score(before: Int, after: Int)
    /// The table as read could not be scored; `reason` is the scorer's message.
    case notComputed(reason: String)

    var note: String {
        switch self {
        case .score(let before, let after):
            "publication score before recoding \(before), after recoding \(after) (ddg-rules Q7)"
        case .notComputed(let reason):
            "publication score before recoding could not be computed (\(reason)); the release is scored after "
                + "recoding (ddg-rules Q7)"
        }
    }
}

/// The rounded-percentages (three-category) method as the report records it.
public struct PercentagesInfo: Sendable, Encodable {
    public var dimension: String
    public var column: String
    public var method: String
    public var minTotal: Int
    public var code: String
    public var footnote: String
    public var totals: Int
    public var audit: Audit
    public var reasoning: String
    public var reviewer: String

    public struct Audit: Sendable, Encodable {
        public var verdict: Verdict
        public var categoriesAudited: Int
        /// Categories whose percentage lets them be small ("< 1%"), each proven to still span 1…smallMax.
        public var smallCategories: Int
        public var solver: String

        enum CodingKeys: String, CodingKey {
            case verdict, solver
            case categoriesAudited = "categories_audited", smallCategories = "small_categories"
        }
    }

    enum CodingKeys: String, CodingKey {
        case dimension, column, method, code, footnote, totals, audit, reasoning, reviewer
        case minTotal = "min_total"
    }

    init(_ release: PercentagesRelease, policy: Policy) {
        dimension = release.declaration.dimension
        column = release.declaration.column
        method = "three-category rounded percentages (DDG Ed. 2.0 §4.4.4): no counts; whole-number percentages of "
            + "each total, \"< 1%\" for a share above 0 and below 1%, \"0%\" for a true zero, \"100%\" on the total"
        minTotal = policy.threeCategory.minTotal
        code = policy.threeCategory.code
        footnote = policy.threeCategory.footnote
        totals = release.slices
        audit = Audit(
            verdict: Verdict(passed: release.audit.passed), categoriesAudited: release.audit.intervals.count,
            smallCategories: release.audit.intervals.filter { $0.requirement == .smallShare }.count,
            solver: release.audit.solver)
        reasoning = "every total is at least \(policy.threeCategory.minTotal) (T11), so each percentage leaves an "
            + "interval of at least 1% of the total and any count below \(policy.numerator.minimum) reads \"< 1%\". "
            + "The percentages audit gives the attacker every total (withheld here, but possibly published "
            + "elsewhere), each category's interval from its percentage, the true zeros and every relation of the "
            + "table, and proves that each category that could be small keeps an interval at least "
            + "\(policy.audit.minIntervalWidth) wide or still spans 1 to \(policy.numerator.minimum - 1)"
        reviewer = "the DDG also requires that these counts are not published in any other table (e.g. a "
            + "cross-tabulation with the same categories); deid cannot see other tables, so the reviewer must confirm it"
    }
}

/// Survey reliability suppression as the report records it.
public struct SurveyInfo: Sendable, Encodable {
    public var sampleSizeColumn: String
    public var minSampleCases: Int
    public var unreliableCells: Int
    public var protectedByAudit: Bool
    public var audit: String
    public var zeros: String

    enum CodingKeys: String, CodingKey {
        case audit, zeros
        case sampleSizeColumn = "sample_size_column", minSampleCases = "min_sample_cases"
        case unreliableCells = "unreliable_cells", protectedByAudit = "protected_by_audit"
    }
}
