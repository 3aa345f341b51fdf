/// An error that is not one of deid's own diagnostics (a bug: every stage throws its own error enum), reported
/// without its details, which could hold anything, and as a bug.
public struct UnexpectedError: DiagnosticError {
    public let kind: String

    public init(_ error: any Error) { kind = String(describing: type(of: error)) }

    public var location: SourceLocation? { nil }
    public var message: String {
        "internal error (\(kind)); this table was not processed. Please report this as a bug in deid"
    }
}
