import DeidRead
import DeidSupport

/// Why `deid init` could not write a description.
public enum InitError: DiagnosticError {
    /// The table has a header but no data rows: nothing to infer from.
    case noRows(file: String)
    /// More rows than init keeps in memory to test totals.
    case tooManyRows(file: String, limit: Int)
    /// The description would replace a file that exists (`--force` replaces it).
    case outputExists(path: String)
    case unwritable(path: String, reason: String)
    /// The draft failed the description loader: a defect in init, reported rather than written.
    case draftRejected(problem: String)
    case read(ReadError)

    public var location: SourceLocation? {
        switch self {
        case .noRows(let file), .tooManyRows(let file, _): SourceLocation(file: file)
        case .outputExists(let path), .unwritable(let path, _): SourceLocation(file: path)
        case .draftRejected: nil
        case .read(let error): error.location
        }
    }

    public var message: String {
        switch self {
        case .noRows: "the table has a header but no rows; deid init infers a description from the rows"
        case .tooManyRows(_, let limit):
            "the table has more than \(limit) rows; deid init reads aggregate tables and person records up to that "
                + "size: describe a sample of the rows, or write the description by hand (docs/table-description.md)"
        case .outputExists:
            "the description exists; pass --force to replace it, or -o to write elsewhere ('-o -' prints it)"
        case .unwritable(_, let reason): "cannot write the description: \(reason)"
        case .draftRejected(let problem):
            "the description deid init drafted is not valid (\(problem)); this is a defect in deid init, please report it"
        case .read(let error): error.message
        }
    }
}
