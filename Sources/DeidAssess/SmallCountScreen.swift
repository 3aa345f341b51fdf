import DeidSupport
import DeidDescription
import DeidModel

/// DDG Step 2's numerator condition applied to what a table publishes: which visible counts are small, and which
/// derived values are published for hidden counts.
public enum SmallCountScreen {
    /// Cells whose published count the policy requires hidden (1–10 under the DDG presets).
    public static func visibleSmallCells(in table: Table, policy: Policy) -> [Int] {
        (0..<table.cellCount).filter { cell in
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
        // One dictionary shared by every finding (copy on write), not one per finding.
        let properties = ["column": countColumn, "numerator_minimum": String(policy.numerator.minimum)]
        let rule = "the count in '\(countColumn)' is below the numerator minimum of \(policy.numerator.minimum) and "
            + "is not zero; it must be hidden (DDG T1)"
        return cells.map { cell in
            let coordinates = table.coordinates(of: cell)
            return Finding(
                rule: .smallCount, location: table.location(of: cell),
                message: coordinates.label + ": " + rule, cell: coordinates, properties: properties)
        }
    }

    /// Small-count findings turned into notes, for a table the assessment allows to be released without
    /// masking (Step 1 "no", Step 2 passes, or a score at or below the threshold): the DDG publishes its small
    /// counts (Q6), and the note says why.
    public static func allowed(_ findings: [Finding], by assessment: Assessment) -> [Finding] {
        let why = assessment.decision.summary(threshold: assessment.score?.threshold, total: assessment.score?.total)
        return findings.map { finding in
            guard finding.rule == .smallCount else { return finding }
            var note = finding
            note.severity = .note
            note.message = "\(finding.cell.label): the count in '\(finding.properties["column"] ?? "")' is below the "
                + "numerator minimum of \(finding.properties["numerator_minimum"] ?? "") and is not zero; it may be "
                + "published: \(why)"
            return note
        }
    }

    /// Rows that publish a derived value they must not: a count that is blank (hidden by an earlier release)
    /// with any derived value (rule 5), or a derived value that reads as zero beside a hidden or small non-zero
    /// count (Example 3: 0.0% of 7,500 people means 1–3). One finding per row, the more specific one.
    public static func derivedFindings(in table: Table, description: TableDescription, policy: Policy) -> [Finding] {
        guard let marks = table.marks, !description.derived.isEmpty else { return [] }
        let columns = description.derived.joined(separator: ", ")
        return (0..<table.cellCount).compactMap { cell -> Finding? in
            let count = table.counts[cell]
            // A hidden cell is never zero (zeros are always shown), so a blank count stands for a non-zero one.
            let hiddenOrSmall = table.isBlank(cell) || (count > 0 && policy.numerator.isSmall(count))
            if hiddenOrSmall && marks.derivedReadsZero[safe: cell] == true {
                let coordinates = table.coordinates(of: cell)
                let state = table.isBlank(cell) ? "hidden" : "below the numerator minimum and not zero"
                return Finding(
                    rule: .roundedZeroPercent, location: table.location(of: cell),
                    message: "\(coordinates.label): a derived value (\(columns)) reads as zero while the count is "
                        + "\(state); a rounded zero beside a non-zero count tells the reader the count is small, so "
                        + "it must be hidden with the count (DDG Ed. 2.0 §4.4.3 Example 3)",
                    cell: coordinates, properties: ["columns": columns])
            }
            guard table.isBlank(cell) && marks.derivedPublished[cell] else { return nil }
            let coordinates = table.coordinates(of: cell)
            return Finding(
                rule: .derivedWithHiddenCount, location: table.location(of: cell),
                message: "\(coordinates.label): the count is hidden but a derived value (\(columns)) is published; "
                    + "derived statistics must be hidden with their count (DDG Ed. 2.0 §4.4.1 rule 5)",
                cell: coordinates, properties: ["columns": columns])
        }
    }
}
