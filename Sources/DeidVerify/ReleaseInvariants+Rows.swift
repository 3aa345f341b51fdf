import DeidSupport
import DeidModel

extension ReleaseInvariants {
    /// Checks every row of the in-memory release against the table and the pattern: a hidden count is never
    /// shown, derived values of hidden rows are hidden when the policy says so, and no derived value that reads
    /// as zero sits beside a hidden or small non-zero count (DDG Ed. 2.0 Example 3; with
    /// `derived.hide_with_count: true` that cannot happen, and this proves it row by row).
    public static func verifyRows(_ release: Release) throws(VerifyError) {
        let (table, pattern, description, policy) = (release.table, release.pattern, release.description, release.policy)
        func violated(_ what: String) -> VerifyError { .invariantViolated(what, file: table.file) }
        guard !release.columnsKeptWhenHidden.contains(description.countColumn) else {
            throw violated("a hidden count would be published")
        }
        if let percentages = release.layout.percentages, percentages.texts.count != table.cellCount {
            throw violated("the percent column does not cover every row")
        }
        for cell in 0..<table.cellCount {
            let hidden = pattern.isHidden(cell)
            let value = table.counts[cell]
            for (k, column) in description.derived.enumerated() {
                let shown = !hidden || release.columnsKeptWhenHidden.contains(column)
                if hidden && policy.derived.hideWithCount && shown {
                    throw violated("a derived value of a hidden count would be published")
                }
                let small = release.masked && policy.numerator.isSmall(value)
                if shown, value > 0, hidden || small, release.derivedReadsZero(cell, column: k) {
                    throw .roundedZeroWouldBePublished(
                        cell: table.coordinates(of: cell), column: column, at: table.location(of: cell))
                }
            }
        }
    }
}
