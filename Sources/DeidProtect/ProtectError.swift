import DeidSupport
import DeidSolver

/// Why a table could not be protected. `release` stops and writes nothing; the message says what to change.
public enum ProtectError: DiagnosticError {
    /// No set of non-zero cells can widen this cell's interval enough.
    case cannotProtect(cell: [Coordinate], at: SourceLocation, requiredWidth: Int)
    /// The repair loop did not converge (a safety net; it should not happen).
    case auditStillFailing(cells: Int, rounds: Int, file: String)
    /// GLPK failed on a protection problem (numerical trouble, an iteration limit).
    case solverFailed(detail: String)
    /// The policy demands distinct primary/complementary codes, but they would disclose values.
    case labelsWouldLeak(cells: Int, file: String)
    /// Something protection relies on does not hold; nothing is written. This is a bug in deid.
    case invariantViolated(String, file: String)
    /// The dimension published as rounded percentages does not have exactly three categories under its total.
    case threeCategoryShape(column: String, categories: Int, declared: SourceLocation)
    /// A total of the rounded-percentages dimension is below the policy's `three_category.min_total`.
    case threeCategoryTotalTooSmall(slice: [Coordinate], column: String, minTotal: Int, at: SourceLocation)
    /// The rounded percentages would let an attacker narrow a small category below the policy's standard.
    case percentagesNarrowSmallCells(cells: Int, column: String, file: String)

    public var location: SourceLocation? {
        switch self {
        case .solverFailed: nil
        case .cannotProtect(_, let at, _): at
        case .auditStillFailing(_, _, let file), .labelsWouldLeak(_, let file), .invariantViolated(_, let file),
            .percentagesNarrowSmallCells(_, _, let file):
            SourceLocation(file: file)
        case .threeCategoryShape(_, _, let at), .threeCategoryTotalTooSmall(_, _, _, let at):
            at
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
        case .solverFailed(let detail):
            "the linear-programming solver (GLPK) failed while choosing complementary cells: \(detail)"
        case .invariantViolated(let detail, _):
            "internal check failed (\(detail)); nothing was written. Please report this as a bug in deid"
        case .threeCategoryShape(let column, let categories, _):
            "rounded percentages (the DDG's three-category method, Ed. 2.0 §4.4.4) need exactly three categories "
                + "under the total of '\(column)'; the table has \(categories). Publish counts with suppression instead"
        case .threeCategoryTotalTooSmall(let slice, let column, let minTotal, _):
            "the total of '\(column)' for \(slice.isEmpty ? "the table" : slice.label) is below \(minTotal), the "
                + "smallest total whose rounded percentages hide a small count (T11, three_category.min_total); "
                + "aggregate the other dimensions (e.g. counties into regions) or publish counts with suppression"
        case .percentagesNarrowSmallCells(let cells, let column, _):
            "the rounded percentages of '\(column)' would let an attacker who knows the totals narrow \(cells) "
                + "small \(cells == 1 ? "category" : "categories") below the policy's interval width and the range 1 to "
                + "the numerator minimum − 1; nothing was written. Aggregate "
                + "the other dimensions for larger totals, or publish counts with suppression"
        }
    }
}

/// Runs a solver call, reporting its failure as protection's.
func solving<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(ProtectError) -> T {
    try callingSolver(body, orThrow: ProtectError.solverFailed)
}
