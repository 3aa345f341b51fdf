import DeidSupport

/// A guarantee of the release does not hold when it is re-derived before anything is written. Either is a stop:
/// the release is not written.
public enum VerifyError: DiagnosticError {
    /// A post-condition of the release was violated. This is a bug in deid.
    case invariantViolated(String, file: String)
    /// A derived value that reads as zero would be published for a hidden or small non-zero count (Example 3).
    case roundedZeroWouldBePublished(cell: [Coordinate], column: String, at: SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .invariantViolated(_, let file): SourceLocation(file: file)
        case .roundedZeroWouldBePublished(_, _, let at): at
        }
    }

    public var message: String {
        switch self {
        case .invariantViolated(let detail, _):
            "internal check failed (\(detail)); nothing was written. Please report this as a bug in deid"
        case .roundedZeroWouldBePublished(let cell, let column, _):
            "\(cell.label): '\(column)' reads as zero but the count is hidden or small and not zero, so it would "
                + "reveal a small count (DDG Ed. 2.0 Example 3); publish the derived values with more decimals, or, "
                + "if the policy keeps derived values of hidden counts (derived.hide_with_count: false), set it to true"
        }
    }
}
