import DeidSupport
import DeidDescription
import DeidModel

/// DDG Step 2's numerator condition applied to what a table publishes: which visible counts are small, and which
/// derived values are published for hidden counts.
public enum SmallCountScreen {
    /// Cells whose published count the policy requires hidden (1–10 under the DDG presets).
    public static func visibleSmallCells(in table: Table, policy: Policy) -> [Int] {
        // A remainder of an incomplete total is no row: it is never visible.
        (0..<(table.rowCells ?? table.cellCount)).filter { cell in
            let count = table.counts[cell]
            return count != Table.blank && policy.numerator.isSmall(count)
        }
    }

    public static func smallCountFindings(in table: Table, policy: Policy, countColumn: String) -> [Finding] {
        smallCountFindings(
            for: visibleSmallCells(in: table, policy: policy), in: table, policy: policy, countColumn: countColumn)
    }

    /// Findings for the given small cells.
    public static func smallCountFindings(for cells: [Int], in table: Table, policy: Policy, countColumn: String)
        -> [Finding]
    {
        let detail = Finding.Detail.smallCount(column: countColumn, numeratorMinimum: policy.numerator.minimum)
        return cells.map { cell in
            Finding(detail, location: table.location(of: cell), cell: table.coordinates(of: cell))
        }
    }

    /// Small-count findings turned into notes, for a table the assessment allows to be released without
    /// masking (Step 1 "no", Step 2 passes, or a score at or below the threshold): the DDG publishes its small
    /// counts (Q6); the reporters say why, from the assessment.
    public static func allowed(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            guard finding.code == .smallCount else { return finding }
            var note = finding
            note.severity = .note
            return note
        }
    }

    /// Rows that publish a derived value they must not: a count that is blank (hidden by an earlier release)
    /// with any derived value (rule 5), or a derived value that reads as zero beside a hidden or small non-zero
    /// count (Example 3: 0.0% of 7,500 people means 1–3). One finding per row, the more specific one.
    /// `masked`: whether DDG Step 4 masking applies; without it small counts are shown by design, and a derived
    /// value reading zero beside one reveals nothing more.
    public static func derivedFindings(
        in table: Table, description: TableDescription, policy: Policy, masked: Bool = true
    ) -> [Finding] {
        guard let marks = table.marks, !description.derived.isEmpty else { return [] }
        let columns = description.derived.joined(separator: ", ")
        return (0..<table.cellCount).compactMap { cell -> Finding? in
            let count = table.counts[cell]
            // A hidden cell is never zero (zeros are always shown), so a blank count stands for a non-zero one.
            let hiddenOrSmall = table.isBlank(cell) || (masked && count > 0 && policy.numerator.isSmall(count))
            if hiddenOrSmall && marks.derivedReadsZero(cell) {
                return Finding(
                    .roundedZeroPercent(columns: columns, countHidden: table.isBlank(cell)),
                    location: table.location(of: cell), cell: table.coordinates(of: cell))
            }
            guard table.isBlank(cell) && marks.derivedPublished[cell] else { return nil }
            return Finding(
                .derivedWithHiddenCount(columns: columns), location: table.location(of: cell),
                cell: table.coordinates(of: cell))
        }
    }
}
