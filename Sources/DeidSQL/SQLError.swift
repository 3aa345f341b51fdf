import DeidSupport

/// Why `deid sql` wrote no query: the description asks for what the query cannot build, or a file around it
/// could not be read or written.
public enum SQLError: DiagnosticError, Equatable {
    /// The description reads an aggregate table, and the query builds one from person records.
    case notRecords(at: SourceLocation)
    /// The description declares `feature`, which the query does not build; `hint` says what to do instead.
    case unsupported(feature: String, at: SourceLocation, hint: String)
    /// `--from` names a file, which the dialect's engine does not read from a query.
    case fileSource(path: String, dialect: String, hint: String)
    /// The description file could not be read again to write the aggregate table's description.
    case unreadableDescription(path: String, reason: String)
    /// The aggregate table's description could not be written.
    case unwritable(path: String, reason: String)

    public var location: SourceLocation? {
        switch self {
        case .notRecords(let at), .unsupported(_, let at, _): at
        case .unreadableDescription(let path, _), .unwritable(let path, _): SourceLocation(file: path)
        case .fileSource: nil
        }
    }

    public var message: String {
        switch self {
        case .notRecords:
            "deid sql builds the cell table from person records, and this description reads an aggregate table; "
                + "give it the description of the records (`input: records`)"
        case .unsupported(let feature, _, let hint): "deid sql cannot build \(feature) in SQL; \(hint)"
        case .fileSource(let path, let dialect, let hint):
            "--from '\(path)' names a file, and \(dialect) reads records from a table in a query; \(hint)"
        case .unreadableDescription(_, let reason): "cannot read the description to rewrite it for the aggregate: \(reason)"
        case .unwritable(_, let reason): "cannot write the aggregate table's description: \(reason)"
        }
    }
}
