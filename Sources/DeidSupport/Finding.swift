/// One thing `deid check` (or the audit inside `release`) found wrong with a table.
///
/// A finding names the check, the policy parameter and the cell's coordinates, as typed values; the reporters
/// (Emit) write the prose. It never carries the cell's value: findings go to terminals, CI logs and SARIF
/// uploads, which are public places. The only numbers a finding may hold are policy parameters and interval
/// widths, which anyone holding the release can derive themselves.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    /// What was found, with the parameters the message and the machine-readable properties are made of.
    public enum Detail: Sendable, Hashable {
        /// A visible count of 1 up to the numerator minimum − 1 in `column`.
        case smallCount(column: String, numeratorMinimum: Int)
        /// A derived value (in `columns`) reads as zero beside a count that is hidden (`countHidden`) or small.
        case roundedZeroPercent(columns: String, countHidden: Bool)
        /// A derived value (in `columns`) is published on a row whose count is hidden.
        case derivedWithHiddenCount(columns: String)
        /// A hidden cell an attacker can narrow to an interval of `width` (0: exactly determined).
        case underProtected(width: Int?, minIntervalWidth: Int)
        /// A survey estimate resting on fewer than `minSampleCases` sample cases (column `column`); it is to be
        /// hidden with `annotationCode`.
        case unreliableEstimate(column: String, minSampleCases: Int, annotationCode: String)
    }

    public var detail: Detail
    /// `.note` for a small count the assessment allows to be published (the table needs no masking).
    public var severity: Severity
    public var location: SourceLocation
    /// The cell's coordinates in dimension order, e.g. `County=Alpine, Sex=Female, Year=2021`.
    public var cell: [Coordinate]

    public init(_ detail: Detail, severity: Severity = .error, location: SourceLocation, cell: [Coordinate] = []) {
        self.detail = detail
        self.severity = severity
        self.location = location
        self.cell = cell
    }

    /// The stable identifier of the check that found it.
    public var code: FindingCode {
        switch detail {
        case .smallCount: .smallCount
        case .roundedZeroPercent: .roundedZeroPercent
        case .derivedWithHiddenCount: .derivedWithHiddenCount
        case .underProtected: .underProtected
        case .unreliableEstimate: .unreliableEstimate
        }
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

    /// Control characters escaped: a label read from a table must not start a new line of a message.
    public var description: String { "\(Printable.escaped(dimension))=\(Printable.escaped(value))" }
}

extension Array where Element == Coordinate {
    /// `County=Alpine, Sex=Female`: the human form used in messages.
    public var label: String { map(\.description).joined(separator: ", ") }
}
