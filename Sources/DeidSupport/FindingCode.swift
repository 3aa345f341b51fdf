/// Stable identifiers of the checks deid performs. CI systems fingerprint alerts by these ids, so an id
/// never changes meaning once published; the summary and DDG source are shown in SARIF rule metadata.
public struct FindingCode: RawRepresentable, Sendable, Hashable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A count of people below the policy's numerator threshold (but not zero) is published.
    public static let smallCount = FindingCode(rawValue: "small-count")
    /// A rate, percentage or other derived value is published on a row whose count is hidden.
    public static let derivedWithHiddenCount = FindingCode(rawValue: "derived-with-hidden-count")
    /// A hidden cell can be narrowed by an attacker below the policy's protection width.
    public static let underProtected = FindingCode(rawValue: "under-protected")
    /// A published rounded percentage of 0 stands for a hidden non-zero count (DDG Ed. 2.0 Example 3).
    public static let roundedZeroPercent = FindingCode(rawValue: "rounded-zero-percent")
    /// A survey estimate rests on fewer sample cases than the policy's reliability minimum.
    public static let unreliableEstimate = FindingCode(rawValue: "unreliable-estimate")

    /// One-line summaries, also used as SARIF `shortDescription`.
    public static let summaries: [FindingCode: String] = [
        .smallCount: "A non-zero count below the numerator threshold is published (DDG T1).",
        .derivedWithHiddenCount: "A derived statistic is published for a hidden count (DDG Ed. 2.0 §4.4.1 rule 5).",
        .underProtected: "A hidden cell can be recomputed or narrowed from the published numbers (DDG §4.4).",
        .roundedZeroPercent: "A rounded 0 percent reveals a small non-zero count (DDG Ed. 2.0 Example 3).",
        .unreliableEstimate: "A survey estimate rests on too few sample cases (DDG Ed. 2.0 §5.2).",
    ]
}
