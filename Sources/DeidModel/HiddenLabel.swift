/// What the release tells a reader about why a cell is hidden.
///
/// A label is knowledge the attacker has, so the audit turns it into a bound on the hidden value: the Open Data
/// Portal codes "small number" (code 1) and "complementary" (code 2) disclose that the value is ≤ smallMax or
/// > smallMax respectively (DDG Ed. 2.0 Examples 1, 2 and 4; ddg-rules Q12). A generic code discloses only that
/// the cell is hidden, and since zeros are never hidden, that it is ≥ 1.
public enum HiddenLabel: Sendable, Hashable {
    /// Generic suppression code: the attacker learns x ≥ 1.
    case unlabelled
    /// "Small number" (< threshold): the attacker learns 1 ≤ x ≤ smallMax.
    case smallNumber
    /// "Complementary": the attacker learns x ≥ smallMax + 1.
    case complementary
    /// A whole-number percentage of a known total (three-category method, DDG Ed. 2.0 §4.4.4): the attacker
    /// learns lower ≤ x ≤ upper, e.g. "< 1%" of 1,100 people means 1 ≤ x ≤ 10.
    case roundedShare(lower: Int, upper: Int)
    /// A cell no row publishes (an incomplete total's remainder) whose value the table does not give: the
    /// attacker learns only x ≥ 0, since such a cell may be zero; if the published numbers force it to zero, it
    /// is a known zero, not a small count.
    case unpublished
}
