/// Why a table could not be protected. `release` stops and writes nothing; the message says what to change.
public enum ProtectError: DiagnosticError {
    /// No set of non-zero cells can widen this cell's interval enough.
    case cannotProtect(cell: [Coordinate], at: SourceLocation, requiredWidth: Int)
    /// The repair loop did not converge (a safety net; it should not happen).
    case auditStillFailing(cells: Int, rounds: Int, file: String)
    /// The policy demands distinct primary/complementary codes, but they would disclose values.
    case labelsWouldLeak(cells: Int, file: String)
    /// A post-condition of the release was violated; nothing is written. This is a bug in deid.
    case invariantViolated(String, file: String)

    public var location: SourceLocation? {
        switch self {
        case .cannotProtect(_, let at, _): at
        case .auditStillFailing(_, _, let file), .labelsWouldLeak(_, let file), .invariantViolated(_, let file):
            SourceLocation(file: file)
        }
    }

    public var message: String {
        switch self {
        case .cannotProtect(let cell, _, let width):
            "cannot protect the hidden cell \(cell.label): no combination of other non-zero cells gives it an "
                + "interval of width \(width). Aggregate its categories (e.g. counties into regions, narrow age "
                + "groups into wider ones), or allow totals to be hidden (complementary.allow_totals in the policy)"
        case .auditStillFailing(let cells, let rounds, _):
            "the disclosure audit still finds \(cells) under-protected cells after \(rounds) rounds of "
                + "complementary suppression; nothing was written. Aggregate categories and try again"
        case .labelsWouldLeak(let cells, _):
            "the policy requires distinct annotation codes for small-number and complementary cells, but with them "
                + "\(cells) hidden cells could be narrowed (DDG Ed. 2.0 Examples 1, 2, 4); set labels.mode to auto or "
                + "generic"
        case .invariantViolated(let detail, _):
            "internal check failed (\(detail)); nothing was written. Please report this as a bug in deid"
        }
    }
}
