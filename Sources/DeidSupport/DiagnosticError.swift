/// Every stage reports failures through its own error enum (`ReadError`, `DescriptionError`, `ModelError`, …);
/// all of them conform to this protocol so the front end can print one uniform message and exit 2.
///
/// Messages must be actionable and must never contain a count, denominator or derived value taken from the
/// table: they name files, lines, columns, labels and policy parameters only.
public protocol DiagnosticError: Error, CustomStringConvertible, Sendable {
    /// Where the problem is, when it has a place in a file.
    var location: SourceLocation? { get }
    /// What is wrong and what to do about it, without the location prefix.
    var message: String { get }
}

extension DiagnosticError {
    /// `file:line:column: error: message`, in the form swift-format and compilers use, on one line: control
    /// characters in a file name or a quoted label are escaped, so nothing from the input can start a line that
    /// reads as another diagnostic.
    public var description: String {
        let text = location.map { "\($0): error: \(message)" } ?? "error: \(message)"
        return Printable.escaped(text)
    }
}
