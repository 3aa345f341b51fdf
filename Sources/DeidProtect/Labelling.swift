import DeidDescription
import DeidModel
import DeidAudit

/// Decides how hidden cells are labelled in the annotation column (Q12). Distinct codes (small number vs
/// complementary) are used only when an attacker who reads them still cannot narrow any hidden cell; otherwise
/// every hidden cell gets the generic code and the report says why (DDG Ed. 2.0 Examples 1, 2 and 4).
public struct LabelDecision: Sendable {
    public enum Mode: String, Sendable, Codable { case distinct, generic }

    public var mode: Mode
    public var reason: String
    /// Annotation code per hidden cell.
    public var annotations: [Int: String]
    /// The label-aware audit, when one was run.
    public var labelAudit: AuditResult?
}

public enum Labelling {
    /// `annotated`: whether the release has an annotation column. Without one no code is published, so no
    /// label-aware audit is needed (it can cost as much as the whole protection audit; measurements:
    /// Benchmarks/README.md, "Design measurements").
    public static func decide(table: Table, pattern: Pattern, policy: Policy, annotated: Bool) throws -> LabelDecision {
        let codes = policy.labels
        let hidden = pattern.hiddenCells
        if !annotated {
            return LabelDecision(
                mode: .generic,
                reason: "the release has no annotation column, so no code is published: a reader learns only that "
                    + "a blank count is hidden",
                annotations: [:], labelAudit: nil)
        }
        func generic(_ reason: String, _ audit: AuditResult?) -> LabelDecision {
            var annotations: [Int: String] = [:]
            for cell in hidden {
                annotations[cell] =
                    switch pattern.reasons[cell] {
                    case .unreliable: codes.unreliableCode
                    case .percentagesOnly: policy.threeCategory.code
                    default: codes.genericCode
                    }
            }
            return LabelDecision(mode: .generic, reason: reason, annotations: annotations, labelAudit: audit)
        }
        if codes.mode == .generic {
            return generic("the policy asks for one generic code for every hidden cell", nil)
        }
        if hidden.isEmpty {
            return LabelDecision(mode: .distinct, reason: "no cell is hidden", annotations: [:], labelAudit: nil)
        }
        if hidden.allSatisfy({ pattern.reasons[$0] == .percentagesOnly }) {
            return LabelDecision(
                mode: .generic,
                reason: "every count is withheld because the table is published as rounded percentages; each row "
                    + "carries the code \(policy.threeCategory.code)",
                annotations: Dictionary(uniqueKeysWithValues: hidden.map { ($0, policy.threeCategory.code) }),
                labelAudit: nil)
        }
        if let leak = LabelLeakScan.firstLeak(table: table, pattern: pattern, smallMax: policy.numerator.minimum - 1) {
            if codes.mode == .distinct { throw ProtectError.labelsWouldLeak(cells: 1, file: table.file) }
            let relation = table.relations[leak]
            let total = table.coordinates(of: relation.total).label
            let dimension = table.dimensions[relation.dimension].column
            return generic(
                "distinct codes would let an attacker narrow hidden cells: among the parts of \(total) along "
                    + "'\(dimension)', a small-number label bounds each cell to 1–\(policy.numerator.minimum - 1) "
                    + "and the published total then pins them down (DDG Ed. 2.0 Examples 1, 2, 4); every hidden "
                    + "cell carries the generic code \(codes.genericCode)", nil)
        }
        var labels: [Int: HiddenLabel] = [:]
        for cell in hidden {
            switch pattern.reasons[cell] {
            case .primary: labels[cell] = .smallNumber
            case .complementary, .rule6: labels[cell] = .complementary
            default: break
            }
        }
        let problem = AuditProblems.forRelease(table: table, pattern: pattern, policy: policy, labels: labels)
        let audit = try DisclosureAudit.run(problem)
        if audit.passed {
            var annotations: [Int: String] = [:]
            for cell in hidden {
                switch pattern.reasons[cell] {
                case .primary: annotations[cell] = codes.primaryCode
                case .unreliable: annotations[cell] = codes.unreliableCode
                case .percentagesOnly: annotations[cell] = policy.threeCategory.code
                default: annotations[cell] = codes.complementaryCode
                }
            }
            return LabelDecision(
                mode: .distinct,
                reason: "the label-aware audit passed: knowing which cells are small numbers (\(codes.primaryCode)) "
                    + "and which are complementary (\(codes.complementaryCode)) narrows no hidden cell below the policy",
                annotations: annotations, labelAudit: audit)
        }
        if codes.mode == .distinct {
            throw ProtectError.labelsWouldLeak(cells: audit.underProtected.count, file: table.file)
        }
        return generic(
            "distinct codes would let an attacker narrow \(audit.underProtected.count) hidden cells (a small-number "
                + "label bounds a cell to 1–\(policy.numerator.minimum - 1), a complementary label to "
                + "\(policy.numerator.minimum) or more; DDG Ed. 2.0 Examples 1, 2, 4), so every hidden cell carries "
                + "the generic code \(codes.genericCode)", audit)
    }
}
