/// A disclosure-control policy: every threshold deid applies, loaded from a preset in `Presets/` or a file.
/// No threshold lives in code; see Presets/calhhs-ddg-2.0.yaml for the documented values and their DDG sources.
public struct Policy: Sendable, Hashable {
    /// Preset name, e.g. `calhhs-ddg-2.0`.
    public var name: String
    /// Human title, e.g. "CalHHS Data De-Identification Guidelines, Edition 2.0 (2025)".
    public var title: String
    /// DDG edition the preset follows, e.g. "2.0" or "1.0".
    public var edition: String
    /// Where the policy was loaded from (for provenance and hashing).
    public var file: String
    public var numerator: NumeratorRule
    public var denominator: DenominatorRule
    public var derived: DerivedRule
    public var complementary: ComplementaryRule
    public var audit: AuditRule
    public var labels: LabelRule
    /// DDG Step 3 (optional section): without it deid cannot score, and every table with personal
    /// characteristics is masked, the conservative reading.
    public var scoring: ScoringPolicy?
    public var threeCategory: ThreeCategoryRule
    public var survey: SurveyRule
    /// The footnotes published with a release, in the edition's wording.
    public var footnotes: FootnoteRule

    public init(
        name: String, title: String, edition: String, file: String, numerator: NumeratorRule,
        denominator: DenominatorRule, derived: DerivedRule, complementary: ComplementaryRule, audit: AuditRule,
        labels: LabelRule, threeCategory: ThreeCategoryRule, survey: SurveyRule, footnotes: FootnoteRule,
        scoring: ScoringPolicy? = nil
    ) {
        self.name = name
        self.title = title
        self.edition = edition
        self.file = file
        self.numerator = numerator
        self.denominator = denominator
        self.derived = derived
        self.complementary = complementary
        self.audit = audit
        self.labels = labels
        self.scoring = scoring
        self.threeCategory = threeCategory
        self.survey = survey
        self.footnotes = footnotes
    }
}

/// DDG T1/T2/T6: counts from fewer than `minimum` people are small; zero is not (zeros are shown).
public struct NumeratorRule: Sendable, Hashable {
    /// Smallest count that may be published, e.g. 11: counts 1…10 are hidden.
    public var minimum: Int
    /// Whether a zero count is hidden too (false under both DDG editions).
    public var hideZero: Bool

    public init(minimum: Int, hideZero: Bool) {
        self.minimum = minimum
        self.hideZero = hideZero
    }

    /// Whether a count must be hidden as a primary (small-number) cell.
    public func isSmall(_ count: Int) -> Bool {
        count < minimum && (count != 0 || hideZero)
    }
}

/// DDG T3 (Step 2): denominators below `minimum` need assessment; Q1 decides the boundary.
public struct DenominatorRule: Sendable, Hashable {
    public var minimum: Int
    /// True: a denominator exactly at `minimum` fails too (the conservative reading of Q1).
    public var failAtMinimum: Bool

    public init(minimum: Int, failAtMinimum: Bool) {
        self.minimum = minimum
        self.failAtMinimum = failAtMinimum
    }

    public func isSmall(_ denominator: Double) -> Bool {
        failAtMinimum ? denominator <= Double(minimum) : denominator < Double(minimum)
    }
}

/// DDG Ed. 2.0 rule 5: statistics derived from a hidden count are hidden with it.
public struct DerivedRule: Sendable, Hashable {
    public var hideWithCount: Bool
    public init(hideWithCount: Bool) { self.hideWithCount = hideWithCount }
}

/// How complementary cells are chosen (ddg-rules §6.2).
public struct ComplementaryRule: Sendable, Hashable {
    /// DDG Ed. 2.0 rule 6; nil where the edition has no such rule.
    public var rule6: Rule6?
    /// Whether totals and subtotals may be hidden as complementary cells (Q10).
    public var allowTotals: Bool
    /// Cost multiplier for a candidate per dimension in which it is a total or subtotal, so inner cells are
    /// preferred to margins of similar size.
    public var totalCostFactor: Double

    public init(rule6: Rule6?, allowTotals: Bool, totalCostFactor: Double) {
        self.rule6 = rule6
        self.allowTotals = allowTotals
        self.totalCostFactor = totalCostFactor
    }
}

/// In a relation whose hidden values are all ≤ `allAtMost`, or sum to < `sumBelow`, hide one more cell.
public struct Rule6: Sendable, Hashable {
    public var allAtMost: Int
    public var sumBelow: Int
    public init(allAtMost: Int, sumBelow: Int) {
        self.allAtMost = allAtMost
        self.sumBelow = sumBelow
    }
}

/// The disclosure audit's protection standard (Q11: the DDG gives no number; this is deid's own choice).
public struct AuditRule: Sendable, Hashable {
    /// A hidden cell that could be small is protected when an attacker's interval is at least this wide.
    public var minIntervalWidth: Int
    public init(minIntervalWidth: Int) { self.minIntervalWidth = minIntervalWidth }
}

/// Open Data Portal annotation codes, and whether hidden cells say why they are hidden (Q12).
public struct LabelRule: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Distinct codes when the label-aware audit passes, one generic code otherwise.
        case auto
        /// Always distinct codes; the release fails when labels would leak.
        case distinct
        /// Always the generic code.
        case generic
    }

    public var mode: Mode
    public var primaryCode: String
    public var complementaryCode: String
    public var genericCode: String
    public var unreliableCode: String

    public init(mode: Mode, primaryCode: String, complementaryCode: String, genericCode: String, unreliableCode: String) {
        self.mode = mode
        self.primaryCode = primaryCode
        self.complementaryCode = complementaryCode
        self.genericCode = genericCode
        self.unreliableCode = unreliableCode
    }
}
