import DeidSupport
import DeidSolver

/// Why the disclosure audit could not reach a verdict.
///
/// Messages never contain a value from the table (see `DiagnosticError`): they name cell indices, which the
/// caller maps to coordinates, and policy parameters only. An inconsistent table is reported as such rather than
/// as "under-protected", because no interval can be derived from numbers that contradict each other.
public enum AuditError: DiagnosticError, Equatable {
    /// The published numbers contradict the relations: no non-negative integer completion with every hidden
    /// cell ≥ 1 (and within its label's bounds) exists. `cells` are indices of cells involved, when known.
    case inconsistent(detail: String, cells: [Int])
    /// The problem itself is malformed (an index outside the table, a duplicate hidden cell, a value so large
    /// that sums overflow). This is a bug in the stage that built the problem, not in the user's table.
    case invalidProblem(detail: String)
    /// GLPK reported a failure the audit cannot recover from (numerical trouble, iteration limit).
    case solverFailed(detail: String)

    public var location: SourceLocation? { nil }

    public var message: String {
        switch self {
        case .inconsistent(let detail, _):
            "the published numbers contradict the table's totals, so the disclosure audit cannot run: \(detail); "
                + "check that every total and subtotal is the sum of its parts"
        case .invalidProblem(let detail):
            "internal error: malformed disclosure-audit problem: \(detail)"
        case .solverFailed(let detail):
            "the linear-programming solver (GLPK) failed during the disclosure audit: \(detail)"
        }
    }
}

/// Runs a solver call, reporting its failure as the audit's.
func solving<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(AuditError) -> T {
    try callingSolver(body, orThrow: AuditError.solverFailed)
}
