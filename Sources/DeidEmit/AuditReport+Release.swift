import DeidDescription
import DeidAssess

/// How DDG Steps 1–4 decided the release, in the words the report header shows (and the JSON keeps beside it).
public struct ReleaseDecisionInfo: Sendable, Encodable {
    /// Whether Step 4 masking applied, i.e. small counts were suppressed.
    public var masked: Bool
    /// `masking`, `score_at_most_threshold`, `passes_step2` or `no_personal_characteristics`.
    public var outcome: String
    /// One sentence, e.g. "release WITHOUT masking: publication score 10 ≤ 12 …".
    public var summary: String
}

/// A footnote to publish with the release (ddg-rules §7).
public struct FootnoteInfo: Sendable, Encodable, Hashable {
    /// The annotation code the footnote explains; nil for a footnote about the whole table.
    public var annotation: String?
    /// The policy key the text comes from: `footnotes.generic`, `three_category.footnote`, …
    public var source: String
    public var text: String

    /// One footnote for each annotation code the release uses (in the order of `codes`), the rounded-percentages
    /// footnote when that method is used, and the without-masking footnote when Steps 1–3 need no masking.
    static func forRelease(codes used: Set<String>, masked: Bool, percentages: Bool, policy: Policy) -> [FootnoteInfo] {
        let labels = policy.labels, texts = policy.footnotes
        var notes: [FootnoteInfo] = []
        if !masked {
            notes.append(FootnoteInfo(annotation: nil, source: "footnotes.without_masking", text: texts.withoutMasking))
        }
        let byCode: [(code: String, key: String, text: String)] = [
            (labels.primaryCode, "primary", texts.primary),
            (labels.complementaryCode, "complementary", texts.complementary),
            (labels.genericCode, "generic", texts.generic),
            (labels.unreliableCode, "unreliable", texts.unreliable),
        ]
        var explained: Set<String> = []
        for entry in byCode where used.contains(entry.code) && !explained.contains(entry.code) {
            explained.insert(entry.code)
            notes.append(FootnoteInfo(annotation: entry.code, source: "footnotes.\(entry.key)", text: entry.text))
        }
        if percentages {
            notes.append(
                FootnoteInfo(
                    annotation: policy.threeCategory.code, source: "three_category.footnote",
                    text: policy.threeCategory.footnote))
        }
        return notes
    }
}

extension ReleaseDecisionInfo {
    /// Without an assessment the release is treated as masked: it is the conservative reading.
    init(_ assessment: Assessment?) {
        masked = assessment?.requiresMasking ?? true
        outcome = assessment?.decision.outcome ?? "masking"
        summary = assessment?.decisionSummary ?? "masking applied (no assessment recorded)"
    }
}
