import DeidSupport
import DeidAssess

/// The words of a finding, written here and nowhere else: its message and its machine-readable properties.
enum FindingText {
    /// `assessment`: the table's DDG Steps 1–3, which say why a small count noted as allowed may be published.
    static func message(_ finding: Finding, assessment: Assessment?) -> String {
        finding.cell.label + ": " + body(finding, assessment: assessment)
    }

    private static func body(_ finding: Finding, assessment: Assessment?) -> String {
        switch finding.detail {
        case .smallCount(let column, let minimum):
            let small = "the count in '\(column)' is below the numerator minimum of \(minimum) and is not zero; "
            guard finding.severity == .note else { return small + "it must be hidden (DDG T1)" }
            let why = assessment.map {
                $0.decision.summary(threshold: $0.score?.threshold, total: $0.score?.total)
            }
            return small + "it may be published: " + (why ?? "the assessment allows release without masking")
        case .roundedZeroPercent(let columns, let countHidden):
            let state = countHidden ? "hidden" : "below the numerator minimum and not zero"
            return "a derived value (\(columns)) reads as zero while the count is \(state); a rounded zero beside a "
                + "non-zero count tells the reader the count is small, so it must be hidden with the count "
                + "(DDG Ed. 2.0 §4.4.3 Example 3)"
        case .derivedWithHiddenCount(let columns):
            return "the count is hidden but a derived value (\(columns)) is published; derived statistics must be "
                + "hidden with their count (DDG Ed. 2.0 §4.4.1 rule 5)"
        case .underProtected(let width, let minimum):
            let problem =
                switch width {
                case 0: "is exactly determined by the published numbers"
                case let width?: "can be narrowed by an attacker to an interval of width \(width)"
                case nil: "can be bounded from below by an attacker more tightly than the policy allows"
                }
            return "the hidden cell \(problem); the policy requires a width of at least \(minimum) for a cell that "
                + "could be small, and more than 0 for any hidden cell. Hide more cells (deid release does this) or "
                + "publish a coarser table"
        case .unreliableEstimate(let column, let minimum, let code):
            return "the estimate rests on fewer than \(minimum) sample cases (column '\(column)'); hide it as "
                + "statistically unreliable with annotation code \(code) (DDG Ed. 2.0 §5.2)"
        }
    }

    /// The parameters behind the message, as JSON and SARIF carry them.
    static func properties(_ finding: Finding) -> [String: String] {
        switch finding.detail {
        case .smallCount(let column, let minimum): ["column": column, "numerator_minimum": String(minimum)]
        case .roundedZeroPercent(let columns, _), .derivedWithHiddenCount(let columns): ["columns": columns]
        case .underProtected(let width, let minimum):
            ["interval_width": width.map(String.init) ?? "unbounded", "min_interval_width": String(minimum)]
        case .unreliableEstimate(let column, let minimum, _): ["column": column, "min_sample_cases": String(minimum)]
        }
    }
}

extension CheckReport {
    /// The message of one of this report's findings.
    public func message(of finding: Finding) -> String { FindingText.message(finding, assessment: assessment) }

    /// The machine-readable parameters of one of this report's findings.
    public func properties(of finding: Finding) -> [String: String] { FindingText.properties(finding) }
}
