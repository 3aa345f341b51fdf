/// Whether a table, a release or an audit passed: the one word every report uses for it.
public enum Verdict: String, Sendable, Hashable, Codable {
    case pass, fail

    public init(passed: Bool) { self = passed ? .pass : .fail }
}
