import DeidSupport

/// What a table description declares for DDG Steps 1–3 (ddg-rules §2): facts deid cannot see in the counts.
/// Every key is optional so descriptions written before scoring keep working; what is missing is read the
/// conservative way, and the report says it was assumed.
public struct AssessmentDeclarations: Sendable, Hashable {
    /// Step 1 (V2-S4.1): whether the table gives personal characteristics. Nil: not declared (assumed yes).
    public var personalCharacteristics: Bool?
    /// Step 1 / §5.6.2: the high-risk population the data concern. Nil: not declared (masking required).
    public var highRisk: HighRiskDeclaration?
    /// The geography of a table without a geography dimension (statewide, one county: Q8).
    public var geography: ImplicitPopulation?
    /// The reporting period of a table without a time dimension (annual: Q8).
    public var period: ReportingPeriod?
    /// The means-tested program a table is about when no dimension names it (DDG Ed. 2.0 Appendix I).
    public var program: ImplicitPopulation?
    /// The health plan a table is about when no dimension names it (DDG Ed. 2.0 Appendix I).
    public var insurance: ImplicitPopulation?
    /// Where Step 2 takes each cell's denominator from (Q2). Nil: the `denominator` column if one is
    /// declared, otherwise the population of the cell's geography.
    public var denominatorFrom: DenominatorSource?

    public init(
        personalCharacteristics: Bool? = nil, highRisk: HighRiskDeclaration? = nil,
        geography: ImplicitPopulation? = nil, period: ReportingPeriod? = nil, program: ImplicitPopulation? = nil,
        insurance: ImplicitPopulation? = nil, denominatorFrom: DenominatorSource? = nil
    ) {
        self.personalCharacteristics = personalCharacteristics
        self.highRisk = highRisk
        self.geography = geography
        self.period = period
        self.program = program
        self.insurance = insurance
        self.denominatorFrom = denominatorFrom
    }
}

/// `high_risk: none`, or the populations of DDG Ed. 2.0 §5.6.2 (ddg-rules §4) the data concern.
public enum HighRiskDeclaration: Sendable, Hashable {
    case none
    case populations([HighRiskCategory])
}

/// The high-risk populations of DDG Ed. 2.0 §5.6.2 (ddg-rules §4): counts under 11 are always suppressed.
public enum HighRiskCategory: String, Sendable, Hashable, CaseIterable {
    case substanceUseDisorder = "substance_use_disorder"
    case seriousMentalIllness = "serious_mental_illness"
    case trauma = "psychological_or_emotional_trauma"
    case developmentalDisability = "developmental_disability"
    case childWelfare = "child_welfare"
    case housingInstability = "housing_instability_or_homelessness"
    case crimeOrAbuseVictims = "victims_of_crime_or_abuse"
    case justiceInvolved = "justice_involved"
    case nonCitizens = "without_us_citizenship"
    case emergencyTransport = "emergency_transport_claims"
    case reproductiveHealth = "termination_of_pregnancy"
    case genderAffirmingCare = "gender_affirming_care"
}

/// A population the table is about without showing it as a dimension: `{population: 39538223}`, or a label
/// looked up in a reference file (`{label: California}`).
public struct ImplicitPopulation: Sendable, Hashable {
    /// For `geography:` only: residence or service geography.
    public var role: DimensionRole?
    /// The name shown in the report, and the label looked up when no population is given.
    public var label: String?
    public var population: Int?
    /// A reference file name (in `Presets/reference/`) or path; nil: the policy's default for the criterion.
    public var reference: String?
    /// For service geography reported by provider address (DDG service-geography address bands).
    public var address: AddressKind?
    public var location: SourceLocation

    public init(
        role: DimensionRole? = nil, label: String? = nil, population: Int? = nil, reference: String? = nil,
        address: AddressKind? = nil, location: SourceLocation
    ) {
        self.role = role
        self.label = label
        self.population = population
        self.reference = reference
        self.address = address
        self.location = location
    }
}

/// How finely provider addresses locate a service (DDG service geography; rural and frontier are Ed. 2.0).
public enum AddressKind: String, Sendable, Hashable, CaseIterable {
    /// A street address and ZIP (provider-level reporting).
    case street
    /// An address in a rural area (Census urban/rural definition; not hospitals).
    case rural
    /// An address in a frontier area (NRHA / USDA FAR codes; not hospitals).
    case frontier
}

/// The length of one reporting period (DDG "Time – Reporting Period").
public enum ReportingPeriod: Sendable, Hashable, CustomStringConvertible {
    case day, week, month, quarter
    /// Six months: the DDG's "Bi-Annual" (Q9).
    case halfYear
    /// One year, or several pooled (`years(5)` for five years aggregated).
    case years(Int)

    public static let year = ReportingPeriod.years(1)

    /// `year`, `half_year`, `quarter`, `month`, `week`, `day`, or `N years` for N pooled years.
    public init?(text: String) {
        switch text.trimmingWhitespace.lowercased() {
        case "day": self = .day
        case "week": self = .week
        case "month": self = .month
        case "quarter": self = .quarter
        case "half_year": self = .halfYear
        case "year": self = .year
        case let other:
            let parts = other.split(separator: " ")
            guard parts.count == 2, parts[1] == "years" || parts[1] == "year", let n = Int(parts[0]), n >= 1 else {
                return nil
            }
            self = .years(n)
        }
    }

    /// The key naming this period in a policy's `time.periods` (pooled years have none).
    public var policyKey: String? {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        case .halfYear: "half_year"
        case .years(1): "year"
        case .years: nil
        }
    }

    public var description: String {
        switch self {
        case .years(1): "year"
        case .years(let n): "\(n) years"
        default: policyKey ?? "period"
        }
    }
}

/// Where Step 2 takes each cell's denominator from (Q2).
public enum DenominatorSource: Sendable, Hashable {
    /// The description's `denominator` column.
    case column
    /// The population of the cell's geography (a geography dimension's value, or `geography:`).
    case population
    /// The cell's total along this dimension (e.g. the row total, ddg-rules Step 2 Figure 3).
    case margin(String)
}

/// Per-dimension facts the scoring needs when labels alone do not tell (all optional).
public struct DimensionScoringSpec: Sendable, Hashable {
    /// A time dimension's period; nil: read from the labels (four-digit years, `2016-2020`).
    public var period: ReportingPeriod?
    /// Age labels deid cannot parse, mapped to an inclusive range; `high` nil for an open-ended group.
    public var ages: [String: AgeRange]
    /// Label → statewide (or unit) population, for labels missing from the reference data.
    public var populations: [String: Int]
    /// A reference file name (in `Presets/reference/`) or path, replacing the policy's default.
    public var reference: String?
    /// Where `reference:` is written, so a missing file is reported at that line.
    public var referenceLocation: SourceLocation?
    /// A service geography whose values are provider addresses.
    public var address: AddressKind?
    /// `unknown_population: riskiest`: a label with no known population is scored at the riskiest band (the
    /// smallest population), with a warning, instead of being an error.
    public var unknownPopulationRiskiest = false

    public init(
        period: ReportingPeriod? = nil, ages: [String: AgeRange] = [:], populations: [String: Int] = [:],
        reference: String? = nil, address: AddressKind? = nil
    ) {
        self.period = period
        self.ages = ages
        self.populations = populations
        self.reference = reference
        self.address = address
    }

    public static let none = DimensionScoringSpec()
}

/// An inclusive age range in years; `high` nil means open-ended ("65+").
public struct AgeRange: Sendable, Hashable {
    public var low: Int
    public var high: Int?
    public init(low: Int, high: Int?) {
        self.low = low
        self.high = high
    }
}
