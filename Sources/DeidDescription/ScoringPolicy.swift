/// DDG Step 3: the Publication Scoring Criteria of one edition, as data (ddg-rules §5.3, both
/// editions). Every band, category list and threshold comes from the policy file's `scoring:` section.
public struct ScoringPolicy: Sendable, Hashable {
    /// T5, R6: a total at or below this is released without masking.
    public var threshold: Int
    /// Q6: mask every table with personal characteristics whatever its score (a department variant).
    public var maskAtAnyScore: Bool
    /// Q17: labels such as "Unknown" that add no risk and are not categories for scoring.
    public var noRiskLabels: [String]
    public var events: EventsCriterion
    /// V2-D16.2 Table 2: score by the statewide population of the smallest category. Nil in v1.0.
    public var populationScale: [ScoreBand]?
    public var age: AgeCriterion
    public var time: TimeCriterion
    public var residenceGeography: PopulationCriterion
    public var serviceGeography: ServiceGeographyCriterion
    /// Ed. 2.0 only; nil: dimensions with the role are scored as other variables.
    public var insurance: InsuranceCriterion?
    /// Ed. 2.0 only; nil: dimensions with the role are scored as other variables.
    public var program: ProgramCriterion?
    public var interactions: InteractionCriterion
    /// Race, ethnicity, language, sex, SOGI, intersex, immigration status. A role mapped to nil has no
    /// criterion in the edition and is scored as an other variable.
    public var categories: [DimensionRole: CategoryCriterion?]
    public var other: OtherCriterion

    /// The roles scored with category sets, in the order the report lists them.
    public static let categoryRoles: [DimensionRole] = [
        .race, .ethnicity, .raceEthnicity, .language, .sex, .sexualOrientation, .genderIdentity, .intersex,
        .immigrationStatus,
    ]
}

/// An inclusive range of values (`min`/`max` nil: open) and its points; `category` is the DDG's wording.
public struct ScoreBand: Sendable, Hashable {
    public var min: Int?
    public var max: Int?
    public var points: Int
    public var category: String

    public init(min: Int?, max: Int?, points: Int, category: String) {
        self.min = min
        self.max = max
        self.points = points
        self.category = category
    }

    public func contains(_ value: Int) -> Bool { (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true) }
}

extension Array where Element == ScoreBand {
    /// The band for a value; where bands overlap (v1.0's shared edges, Q14), the higher score (R1).
    public func band(for value: Int) -> ScoreBand? {
        filter { $0.contains(value) }.max { $0.points < $1.points }
    }

    /// The riskiest band, used when a criterion cannot be measured and must be assumed at its worst.
    public var riskiest: ScoreBand? { self.max { $0.points < $1.points } }
}

public struct EventsCriterion: Sendable, Hashable {
    /// Q4/Q26: the smallest non-zero count decides ("zeros are non-events").
    public var excludeZero: Bool
    public var bands: [ScoreBand]
}

public struct AgeCriterion: Sendable, Hashable {
    /// Q15: the assumed upper age of an open-ended group ("65+" is 65–this).
    public var openEndedMaxAge: Int
    /// Bands on the width in years of the narrowest age group (inclusive: 12–14 is 3).
    public var bands: [ScoreBand]
}

public struct TimeCriterion: Sendable, Hashable {
    public struct PeriodBand: Sendable, Hashable {
        /// `day`, `week`, `month`, `quarter`, `half_year` or `year`.
        public var period: String
        public var points: Int
        public var category: String
    }

    public var periods: [PeriodBand]
    /// Bands on the number of years pooled in one period (2 or more).
    public var pooled: [ScoreBand]
}

/// Geography (residence) and similar criteria scored by the population of the smallest unit shown.
public struct PopulationCriterion: Sendable, Hashable {
    /// The reference file used when a description gives no populations (e.g. `ca-county-population`).
    public var reference: String?
    public var bands: [ScoreBand]
}

public struct ServiceGeographyCriterion: Sendable, Hashable {
    public struct AddressBand: Sendable, Hashable {
        public var address: AddressKind
        public var points: Int
        public var category: String
    }

    public var reference: String?
    public var bands: [ScoreBand]
    /// Provider-level reporting by address; `street` is required, rural and frontier are Ed. 2.0 additions.
    public var addresses: [AddressBand]
}

public struct InsuranceCriterion: Sendable, Hashable {
    /// How insurance coverage and geography combine when a table has both (V2-S4.3 rule 3, Q19).
    public enum VersusGeography: String, Sendable, Hashable, CaseIterable {
        /// Insurance when the smallest plan has fewer members than the smallest area has people, else geography.
        case sizeRule = "size_rule"
        /// Always the higher of the two scores.
        case higher
    }

    public var reference: String?
    /// Bands on the member count of the smallest plan shown.
    public var bands: [ScoreBand]
    public var versusGeography: VersusGeography
}

public struct ProgramCriterion: Sendable, Hashable {
    public var reference: String?
    /// Bands on the enrollment of the smallest program shown.
    public var bands: [ScoreBand]
    /// V2-S4.3 rule 2: a program counts as an interacting variable only if its enrollment is at most this.
    public var interactionMaxEnrollment: Int
}

public struct InteractionCriterion: Sendable, Hashable {
    /// A table of only events, time and population, by its smallest non-zero count (R5).
    public struct EventsMinimumBand: Sendable, Hashable {
        public var minEvents: Int
        public var points: Int
        public var category: String
    }

    public struct VariableBand: Sendable, Hashable {
        public var variables: Int
        public var points: Int
        public var category: String
    }

    public var withoutVariables: [EventsMinimumBand]
    /// One band per number of extra variables, 1 up to the top band (Q8: more uses the top band).
    public var withVariables: [VariableBand]
    /// Whether a "minimum ≥ 5"-style band may decide between masking and release when the smallest count is
    /// below the numerator minimum. True is the DDG as written; false (deid's default) keeps the masking
    /// decision independent of how small the small counts are, so a masked release does not reveal that its
    /// smallest hidden count is below 5 (or 3).
    public var creditBelowNumeratorMinimum: Bool
}

/// A criterion scored from category lists (race, language, sex, …) and, beyond them, a detailed rule.
public struct CategoryCriterion: Sendable, Hashable {
    public struct CategorySet: Sendable, Hashable {
        public var points: Int
        public var category: String
        /// Canonical labels; table labels reach them through the reference file's aliases and categories.
        public var labels: [String]
    }

    public var reference: String?
    /// Ordered from least to most points; the first set holding every label shown decides.
    public var sets: [CategorySet]
    /// Labels outside every set; nil: such labels are errors.
    public var detailed: DetailedRule?
}

/// How categories beyond the DDG's lists are scored.
public struct DetailedRule: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// R9 (Ed. 2.0): Table 2 on the statewide population of the smallest category shown.
        case populationScale
        /// A fixed score ("Detailed Race +4" in v1.0).
        case fixed(Int)
        /// Not scored: the data concern a high-risk population (detailed immigration status, ddg-rules §4).
        case highRisk
    }

    public var method: Method
    public var category: String
    /// Whether a statistical expert must review the result (v1.0 detailed language, other sexes: Q17).
    public var review: Bool
    /// Whether labels found in no reference file and no `populations:` are accepted (Q16: error).
    public var acceptUnknownLabels: Bool
}

public struct OtherCriterion: Sendable, Hashable {
    /// Ed. 2.0 §16.2.14: with known populations, score by the population scale.
    public var usePopulationScale: Bool
    /// Bands on the number of groups (non-total, non-"unknown" values).
    public var groups: [ScoreBand]
}
