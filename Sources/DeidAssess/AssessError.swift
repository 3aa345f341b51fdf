import DeidSupport

/// Why a table could not be assessed (DDG Steps 1–3). Messages name labels, columns, reference files and
/// policy keys; never a count or denominator from the table.
public enum AssessError: DiagnosticError, Equatable {
    /// A reference file named by a policy or description does not exist.
    case referenceNotFound(name: String, path: String, declaredAt: SourceLocation?, available: [String])
    /// A reference file is malformed (header, numbers, duplicate labels).
    case invalidReference(SourceLocation, problem: String)
    /// A dimension value the scoring cannot place: an unknown race label, an age or time label deid cannot
    /// read, a geography without a population. `problem` says what to declare.
    case unscorableLabel(SourceLocation, column: String, label: String, problem: String)
    /// The policy has no `scoring:` section, so no score can be computed.
    case noScoringSection(policy: String, file: String)

    public var location: SourceLocation? {
        switch self {
        case .referenceNotFound(_, let path, let declared, _): declared ?? SourceLocation(file: path)
        case .invalidReference(let location, _), .unscorableLabel(let location, _, _, _): location
        case .noScoringSection(_, let file): SourceLocation(file: file)
        }
    }

    public var message: String {
        switch self {
        case .referenceNotFound(let name, let path, _, let available):
            "reference data '\(name)' not found (looked for \(path)); available in Presets/reference: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
                + "; or give a path to a CSV file of the same format (Presets/reference/README.md)"
        case .invalidReference(_, let problem):
            "invalid reference data: \(problem) (format: Presets/reference/README.md)"
        case .unscorableLabel(_, let column, let label, let problem):
            "cannot score '\(label)' in dimension '\(column)': \(problem)"
        case .noScoringSection(let policy, _):
            "policy '\(policy)' has no `scoring:` section, so deid cannot compute the DDG publication score; "
                + "copy the section from Presets/calhhs-ddg-2.0.yaml (without it every table with personal "
                + "characteristics is masked)"
        }
    }
}
