import DeidRead
import DeidSupport

/// Why `deid inventory` could not list a file.
public enum InventoryError: DiagnosticError {
    /// The rules file declares a status for a column the file does not have.
    case unknownColumn(SourceLocation?, column: String, available: [String])
    /// The file has a header but no records.
    case noRecords(file: String)

    public var location: SourceLocation? {
        switch self {
        case .unknownColumn(let location, _, _): location
        case .noRecords(let file): SourceLocation(file: file)
        }
    }

    public var message: String {
        switch self {
        case .unknownColumn(_, let column, let available):
            "the rules declare '\(column)', which the file does not have; its columns are "
                + available.map { "'\($0)'" }.joined(separator: ", ")
        case .noRecords:
            "the file has a header but no records: there is nothing to inventory"
        }
    }
}
