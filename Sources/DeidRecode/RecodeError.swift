import DeidSupport

/// Why the description's `aggregate:` rules cannot be applied to the table. `release` stops and writes nothing.
public enum RecodeError: DiagnosticError {
    /// An `aggregate:` rule cannot be applied to the data (unknown member, mixed parents, taken label, …).
    case recodeImpossible(column: String, problem: String, rule: SourceLocation)
    /// `population_below` needs a value's population, and neither `populations:` nor the denominator gives it.
    case populationUnknown(label: String, column: String, rule: SourceLocation)

    public var location: SourceLocation? {
        switch self {
        case .recodeImpossible(_, _, let at), .populationUnknown(_, _, let at): at
        }
    }

    public var message: String {
        switch self {
        case .recodeImpossible(let column, let problem, _):
            "the aggregate rule for '\(column)' cannot be applied: \(problem)"
        case .populationUnknown(let label, let column, _):
            "the population of '\(label)' in '\(column)' is unknown: list it under the rule's `populations:` "
                + "(public figures) or fill the denominator of its total row"
        }
    }
}
