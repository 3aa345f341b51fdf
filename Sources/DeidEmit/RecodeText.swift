import DeidDescription
import DeidRecode

/// The words of the report's recoding block: each merge's condition and reason, and the notes.
enum RecodeText {
    /// The condition as the description writes it (`population_below 20000`), or `always`.
    static func condition(_ condition: AggregateDeclaration.Condition?) -> String {
        switch condition {
        case .populationBelow(let n): "population_below \(n)"
        case .hiddenShareAbove(let share): "hidden_share_above \(share)"
        case nil: "always"
        }
    }

    static func reason(_ reason: RecodingReason) -> String {
        switch reason {
        case .declaredGroup:
            return "declared group, merged unconditionally"
        case .declaredGroupMemberFails(let condition):
            return "at least one member fails \(Self.condition(condition))"
        case .populationBelow(let threshold, let failed, let added, let source):
            let sourceText =
                switch source {
                case .listedInRule: "public populations listed in the rule"
                case .denominator(let column): "population from the denominator column '\(column)' of each value's total rows"
                }
            return "\(failed.joined(separator: ", ")) \(failed.count == 1 ? "fails" : "fail") "
                + "\(Self.condition(.populationBelow(threshold))) (\(sourceText))"
                + (added.isEmpty
                    ? "" : "; \(added.joined(separator: ", ")) added so the group has at least two members and reaches the threshold")
        case .hiddenShareAbove(let share):
            return "members fail \(Self.condition(.hiddenShareAbove(share))) or were added so the group has at least two members"
        }
    }

    static func note(_ note: RecodeNote) -> String {
        switch note {
        case .nothingMerged(let rule, let column):
            return "aggregate rule \(rule) ('\(column)'): no value failed its condition; nothing was merged"
        case .loneValueKept(let rule, let column, let value, let parent, let condition):
            let prefix = "aggregate rule \(rule) ('\(column)')"
            guard let value else {
                return "\(prefix): a value under '\(parent)' has no other value to merge with, so it is kept; its small "
                    + "cells are suppressed"
            }
            return "\(prefix): '\(value)' fails \(Self.condition(condition)) but is the only value under '\(parent)', so it is "
                + "kept; its small cells are suppressed"
        case .groupRepeatsParent(let rule, let column, let group, let parent):
            return "aggregate rule \(rule) ('\(column)'): '\(group)' takes in every value under '\(parent)', so it "
                + "repeats the '\(parent)' row"
        }
    }
}

/// A merge as the JSON report carries it, its condition and reason written out.
extension RecodingRecord: Encodable {
    enum CodingKeys: String, CodingKey {
        case column, rule, group, members, parent, condition, reason
        case groupStillFails = "group_still_fails"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(column, forKey: .column)
        try container.encode(rule, forKey: .rule)
        try container.encode(group, forKey: .group)
        try container.encode(members, forKey: .members)
        try container.encodeIfPresent(parent, forKey: .parent)
        try container.encode(RecodeText.condition(condition), forKey: .condition)
        try container.encode(RecodeText.reason(reason), forKey: .reason)
        try container.encodeIfPresent(groupStillFails, forKey: .groupStillFails)
    }
}
