import DeidDescription

/// Why a cell is hidden. The raw values appear in the JSON report; `inputBlank` marks cells that an earlier
/// release had already hidden (seen by `check`).
public enum HiddenReason: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// A count of 1 up to the numerator minimum − 1 (DDG T1, T6).
    case primary
    /// Hidden so that a primary cell cannot be recomputed from totals (ddg-rules §6.2).
    case complementary
    /// Hidden by DDG Ed. 2.0 rule 6: the other hidden values in a relation were all tiny or summed below 11.
    case rule6 = "rule-6"
    /// A survey estimate on too few sample cases (DDG Ed. 2.0 §5.2; annotation code 4).
    case unreliable
    /// Blank in the input: hidden by an earlier release.
    case inputBlank = "hidden-in-input"
    /// The count is withheld because the dimension is published as rounded percentages (three-category method,
    /// DDG Ed. 2.0 §4.4.4). Its protection is the percentages audit's, not complementary suppression's.
    case percentagesOnly = "percentages-only"
    /// Hidden in the previous release of the table (`--previous`): shown now, it could give the old value away.
    case hiddenBefore = "hidden-in-previous-release"
}

/// Which cells are hidden and why: the output of the Protect stage and the input of the audit.
public struct Pattern: Sendable, Hashable {
    public private(set) var reasons: [HiddenReason?]

    public init(cellCount: Int) {
        reasons = Array(repeating: nil, count: cellCount)
    }

    public func isHidden(_ cell: Int) -> Bool { reasons[cell] != nil }

    /// Hides a cell; a cell keeps the first reason it was hidden for.
    public mutating func hide(_ cell: Int, _ reason: HiddenReason) {
        if reasons[cell] == nil { reasons[cell] = reason }
    }

    /// Hidden cells in cell order.
    public var hiddenCells: [Int] { reasons.indices.filter { reasons[$0] != nil } }

    public var hiddenCount: Int { reasons.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    public func cells(hiddenFor reason: HiddenReason) -> [Int] { reasons.indices.filter { reasons[$0] == reason } }

    /// Whether the cell counts as a small-number cell for labelling (primary, or blank input labelled so).
    public func isPrimary(_ cell: Int) -> Bool { reasons[cell] == .primary }

    /// Whether the disclosure audit of published counts must prove the hidden cell protected. Cells withheld
    /// for the rounded-percentages method are audited by the percentages audit instead; cells hidden as
    /// unreliable are audited only when the policy says so (`survey.protect_unreliable`): otherwise the audit
    /// treats them as published, which is the stricter assumption for every other cell.
    public func isAudited(_ cell: Int, policy: Policy) -> Bool {
        switch reasons[cell] {
        case nil, .percentagesOnly: false
        case .unreliable: policy.survey.protectUnreliable
        default: true
        }
    }
}
