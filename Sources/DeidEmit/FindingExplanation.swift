import Foundation
import DeidSupport

/// What a finding code means, where the DDG asks for it and what to do about it: the text of `deid explain CODE`
/// and of the SARIF rule's help. Prose about the check, never about a table: nothing here depends on a value.
public struct FindingExplanation: Sendable {
    public var code: FindingCode
    /// What the finding says about a published table.
    public var meaning: String
    /// The DDG passages it rests on, and the policy key that sets its parameter.
    public var source: String
    public var remedy: String

    public var summary: String { FindingCode.summaries[code] ?? "" }

    /// Every code, sorted by name (also the order `deid explain` lists them in).
    public static let all: [FindingExplanation] = [
        FindingExplanation(
            code: .derivedWithHiddenCount,
            meaning: """
                A rate, percentage, mean or other column computed from the count is published on a row whose \
                count is hidden. With its denominator (often published beside it, or known from the census) the \
                derived value gives the hidden count back.
                """,
            source: """
                DDG Ed. 2.0 §4.4.1 rule 5: every statistic tied to a suppressed cell is suppressed, complementary \
                cells included (v1.0 §6.4, Method 1, hides every cell that could be used to calculate a hidden \
                one). Policy key: derived.hide_with_count.
                """,
            remedy: """
                Declare the column under `derived:` in the table description; `deid release` then blanks it on \
                every hidden row. A numeric column deid does not know is refused by `release`, not passed through.
                """),
        FindingExplanation(
            code: .roundedZeroPercent,
            meaning: """
                A percentage or rate that reads as zero is published beside a count that is hidden or small but \
                not zero. A true zero also reads 0, so the published 0 tells a reader the count is between 1 and \
                the largest count that still rounds to zero: a small count disclosed by its rate.
                """,
            source: """
                DDG Ed. 2.0 §4.4.3 Example 3 ("When to suppress 0?") and §4.4.1 rule 5. Policy key: \
                derived.hide_with_count (true in both presets).
                """,
            remedy: """
                Hide the derived value with its count: declare the column under `derived:` and release with \
                `deid release`. A zero count keeps its 0 % (rule 3: zeros are never suppressed).
                """),
        FindingExplanation(
            code: .smallCount,
            meaning: """
                A count column publishes a value from 1 up to one less than the numerator minimum (1 to 10 under \
                both presets). So few people can be singled out, alone or with the other variables of the row. \
                Zeros are not findings. When `deid score` finds that the table needs no masking (score of 12 or \
                less, no high-risk population) small counts are reported as notes, not errors.
                """,
            source: """
                DDG T1, the numerator condition: v1.0 §4.2 and Figure 5; Ed. 2.0 §4.2 and §4.4.1 rule 1. Policy \
                key: numerator.minimum (11).
                """,
            remedy: """
                Run `deid release`: it hides the small counts (primary suppression), then the cells needed so \
                they cannot be recomputed, and writes the release only when its audit passes. To hide less, \
                merge small categories (`aggregate:` in the description, DDG Step 4 recoding) or drop a dimension.
                """),
        FindingExplanation(
            code: .underProtected,
            meaning: """
                A hidden cell can be recomputed, or narrowed to fewer possible values than the policy's \
                protection width, from the published cells and the totals they add up to. deid's disclosure \
                audit solves, for each hidden cell, the smallest and largest value consistent with everything \
                published with it (every table released together); a width of 0 means the value is recovered \
                exactly. The finding names the width, never the value.
                """,
            source: """
                DDG complementary suppression: v1.0 §4.4 and §6.4; Ed. 2.0 §4.4.1 rule 2, rule 6 and §4.4.3 \
                Examples 1, 2 and 4, which show that two hidden cells per row and column are not enough. Policy \
                key: audit.min_interval_width (11; the DDG gives no width, deid's choice is recorded in the \
                report).
                """,
            remedy: """
                Run `deid release`, which adds complementary suppressions until the audit passes. Tables published \
                together must be released together (`deid release --linked A.csv B.csv`, or \
                `released_together:` in the description): one table can give back what another hides.
                """),
        FindingExplanation(
            code: .unreliableEstimate,
            meaning: """
                A survey estimate is published although its denominator rests on fewer sample cases than the \
                policy's minimum: the estimate is statistically unreliable, and small samples are easier to \
                re-identify.
                """,
            source: """
                DDG Ed. 2.0 §5.2 (survey data) and Appendix H; v1.0 §5.2 asked for surveys to be treated \
                differently without a number. Policy key: survey.min_sample_cases (30).
                """,
            remedy: """
                Run `deid release`: it hides the estimate with the policy's annotation code and protects it like \
                a small count. Or publish a coarser breakdown (merged categories or years) whose cells have \
                enough sample cases.
                """),
    ]

    /// The explanation of `name` (case and surrounding spaces ignored), or nil for an unknown code.
    public static func named(_ name: String) -> FindingExplanation? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return all.first { $0.code.rawValue == wanted }
    }

    /// `deid explain CODE`: the code, its summary, then what it means, its source and what to do.
    public var text: String {
        """
        \(code.rawValue)
        \(Self.wrapped(summary))

        What it means
        \(Self.wrapped(meaning))

        Where the DDG asks for it
        \(Self.wrapped(source))

        What to do
        \(Self.wrapped(remedy))

        """
    }

    /// The same three parts for a SARIF rule's `help`.
    var helpText: String { "\(meaning)\n\nSource: \(source)\n\nWhat to do: \(remedy)" }

    /// Indented by two spaces and wrapped at 100 columns for a terminal.
    static func wrapped(_ paragraph: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > 98 {
                lines.append("  " + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append("  " + line) }
        return lines.joined(separator: "\n")
    }
}
