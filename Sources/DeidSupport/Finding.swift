/// One thing `deid check` (or the audit inside `release`) found wrong with a table.
///
/// A finding names the rule, the policy parameter and the cell's coordinates. It never carries the cell's
/// value: findings go to terminals, CI logs and SARIF uploads, which are public places. The only numbers a
/// finding may hold are policy parameters and feasibility intervals, which anyone holding the release can
/// derive themselves.
public struct Finding: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public var rule: RuleID
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The cell's coordinates in dimension order, e.g. `County=Alpine, Sex=Female, Year=2021`.
    public var cell: [Coordinate]
    /// Machine-readable parameters (threshold, interval width, column name, …).
    public var properties: [String: String]

    public init(
        rule: RuleID, severity: Severity = .error, location: SourceLocation, message: String,
        cell: [Coordinate] = [], properties: [String: String] = [:]
    ) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.cell = cell
        self.properties = properties
    }
}

/// A dimension and one of its values: how findings and reports name a cell.
public struct Coordinate: Sendable, Hashable, Codable, CustomStringConvertible {
    public var dimension: String
    public var value: String

    public init(dimension: String, value: String) {
        self.dimension = dimension
        self.value = value
    }

    public var description: String { "\(dimension)=\(value)" }
}

extension Array where Element == Coordinate {
    /// `County=Alpine, Sex=Female`: the human form used in messages.
    public var label: String { map(\.description).joined(separator: ", ") }
}
