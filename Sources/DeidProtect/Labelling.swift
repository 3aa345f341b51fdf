import DeidSupport
import DeidDescription
import DeidModel

/// How hidden cells are labelled in the annotation column (ddg-rules Q12). Distinct codes (small number vs
/// complementary) are used only when an attacker who reads them still cannot narrow any hidden cell; otherwise
/// every hidden cell gets the generic code and the report says why (DDG Ed. 2.0 Examples 1, 2 and 4).
public struct LabelDecision: Sendable {
    public enum Mode: String, Sendable, Codable { case distinct, generic }

    /// Why the labels are what they are, as data (the reports word it).
    public enum Reason: Sendable, Hashable {
        /// The release has no annotation column, so no code is published.
        case noAnnotationColumn
        /// The policy asks for one generic code.
        case policyAsksForGeneric
        case nothingHidden
        /// Every count is withheld for rounded percentages; each row carries `code`.
        case percentagesOnly(code: String)
        /// Small-number labels would pin down the parts of `total` along `axis` (found without an audit).
        case labelsPinRelation(total: [Coordinate], axis: String)
        /// The label-aware audit passed.
        case labelAuditPassed
        /// The label-aware audit found `cells` hidden cells narrowed.
        case labelAuditFailed(cells: Int)
        /// A published table protected again: its hidden cells keep the codes it published; cells hidden now
        /// carry the generic code.
        case keptPublishedCodes
    }

    public var mode: Mode
    public var reason: Reason
    /// Annotation code per hidden cell.
    public var annotations: [Int: String]
}

/// The labelling decision, in two halves around the label-aware audit that the pipeline's label step runs.
public enum Labelling {
    /// Either the decision, when it needs no audit, or the labels an attacker would read if distinct codes were
    /// published, for the audit to judge. `annotated`: whether the release has an annotation column; without one
    /// no code is published, so no label-aware audit is needed.
    public enum Plan: Sendable {
        case decided(LabelDecision)
        case auditDistinctLabels([Int: HiddenLabel])
    }

    public static func plan(system: CellSystem, pattern: Pattern, policy: Policy, annotated: Bool) throws -> Plan {
        let hidden = pattern.hiddenCells
        if !annotated {
            return .decided(LabelDecision(mode: .generic, reason: .noAnnotationColumn, annotations: [:]))
        }
        if policy.labels.mode == .generic {
            return .decided(generic(.policyAsksForGeneric, pattern: pattern, policy: policy))
        }
        if hidden.isEmpty { return .decided(LabelDecision(mode: .distinct, reason: .nothingHidden, annotations: [:])) }
        if hidden.allSatisfy({ pattern.reasons[$0] == .percentagesOnly }) {
            let code = policy.threeCategory.code
            return .decided(LabelDecision(
                mode: .generic, reason: .percentagesOnly(code: code),
                annotations: Dictionary(uniqueKeysWithValues: hidden.map { ($0, code) })))
        }
        if let leak = LabelLeakScan.firstLeak(system: system, pattern: pattern, smallMax: policy.numerator.minimum - 1) {
            if policy.labels.mode == .distinct { throw ProtectError.labelsWouldLeak(cells: 1, file: system.origins.file) }
            let relation = system.relations[leak]
            return .decided(generic(
                .labelsPinRelation(
                    total: system.origins.coordinates(of: relation.total), axis: system.origins.axisName(of: relation)),
                pattern: pattern, policy: policy))
        }
        var labels: [Int: HiddenLabel] = [:]
        for cell in hidden {
            switch pattern.reasons[cell] {
            case .primary: labels[cell] = .smallNumber
            case .complementary, .rule6: labels[cell] = .complementary
            default: break
            }
        }
        return .auditDistinctLabels(labels)
    }

    /// The decision once the label-aware audit has judged distinct labels: `narrowed` cells it found
    /// under-protected (0: it passed).
    public static func conclude(narrowed: Int, pattern: Pattern, policy: Policy, file: String) throws -> LabelDecision {
        guard narrowed == 0 else {
            if policy.labels.mode == .distinct { throw ProtectError.labelsWouldLeak(cells: narrowed, file: file) }
            return generic(.labelAuditFailed(cells: narrowed), pattern: pattern, policy: policy)
        }
        let codes = policy.labels
        var annotations: [Int: String] = [:]
        for cell in pattern.hiddenCells {
            switch pattern.reasons[cell] {
            case .primary: annotations[cell] = codes.primaryCode
            case .unreliable: annotations[cell] = codes.unreliableCode
            case .percentagesOnly: annotations[cell] = policy.threeCategory.code
            default: annotations[cell] = codes.complementaryCode
            }
        }
        return LabelDecision(mode: .distinct, reason: .labelAuditPassed, annotations: annotations)
    }

    /// Every hidden cell with the generic code (or its own code when unreliable or withheld for percentages).
    /// A published table protected again: the cells it hid keep the codes it published (`published`); the
    /// others get the generic code.
    public static func republished(pattern: Pattern, policy: Policy, published: [Int: String]) -> LabelDecision {
        var decision = generic(.keptPublishedCodes, pattern: pattern, policy: policy)
        for (cell, code) in published where pattern.isHidden(cell) { decision.annotations[cell] = code }
        return decision
    }

    static func generic(_ reason: LabelDecision.Reason, pattern: Pattern, policy: Policy) -> LabelDecision {
        var annotations: [Int: String] = [:]
        for cell in pattern.hiddenCells {
            annotations[cell] =
                switch pattern.reasons[cell] {
                case .unreliable: policy.labels.unreliableCode
                case .percentagesOnly: policy.threeCategory.code
                default: policy.labels.genericCode
                }
        }
        return LabelDecision(mode: .generic, reason: reason, annotations: annotations)
    }
}
