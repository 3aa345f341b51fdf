import DeidSupport
import DeidRead

/// Problems with a table's contents measured against its description. None of the messages print a count,
/// denominator or derived value: they name columns, labels, coordinates and lines only.
public enum ModelError: DiagnosticError {
    case missingColumn(column: String, purpose: String, header: [String], declared: SourceLocation)
    case annotationColumnExists(column: String, location: SourceLocation)
    case emptyTable(file: String)
    case invalidCount(column: String, at: SourceLocation)
    case countTooLarge(column: String, at: SourceLocation)
    case blankCount(column: String, at: SourceLocation)
    case invalidNumber(column: String, at: SourceLocation)
    case duplicateCell(cell: [Coordinate], at: SourceLocation, firstLine: Int)
    case labelNotInHierarchy(label: String, column: String, at: SourceLocation, declared: SourceLocation)
    case hierarchyLabelNeverAppears(label: String, column: String, declared: SourceLocation)
    case totalNeverAppears(label: String, column: String, declared: SourceLocation)
    case recordAtTotal(label: String, column: String, at: SourceLocation)
    /// `variant`: a label of the same column that differs from the missing part's only in case.
    case missingChild(total: [Coordinate], child: [Coordinate], at: SourceLocation, variant: String? = nil)
    case totalMismatch(total: [Coordinate], dimension: String, at: SourceLocation)
    case hiddenCellsInconsistent(total: [Coordinate], dimension: String, at: SourceLocation)
    case tooManyCells(limit: Int, file: String)
    case invalidSampleSize(column: String, at: SourceLocation)
    case linkedCountsDisagree(cell: [Coordinate], at: SourceLocation, other: SourceLocation)
    case remainderIsARow(label: String, column: String, at: SourceLocation)
    case remainderNegative(total: [Coordinate], dimension: String, at: SourceLocation)
    case linkedHierarchiesDisagree(label: String, column: String, file: String, other: String)
    case linkedDimensionWithoutTotal(column: String, file: String, missingIn: String)
    case unknownStratum(type: String, part: String, column: String, whole: String, at: SourceLocation)
    case stratumValueParts(value: String, type: String, parts: Int, separator: String, at: SourceLocation)
    case stratumColumnInTable(column: String, declared: SourceLocation)
    case strataCycle(strata: [String], file: String)
    case publishedTableInconsistent(file: String)
    case cumulativeMismatch(column: String, at: SourceLocation)
    case countBoundBroken(count: String, atMost: String, at: SourceLocation)
    case cumulativeSliceWithoutStart(slice: [Coordinate], first: String, at: SourceLocation)
    case measureDimensionTaken(column: String, at: SourceLocation)
    case undeclaredNumericColumn(column: String, at: SourceLocation)

    /// A blank count or an existing annotation column: the input may be a published table, which `release`
    /// protects again when it has blank counts.
    public var suggestsAPublishedTable: Bool {
        switch self {
        case .blankCount, .annotationColumnExists: true
        default: false
        }
    }

    public var location: SourceLocation? {
        switch self {
        case .missingColumn(_, _, _, let at), .annotationColumnExists(_, let at), .invalidCount(_, let at), .countTooLarge(_, let at),
            .blankCount(_, let at), .invalidNumber(_, let at), .duplicateCell(_, let at, _),
            .labelNotInHierarchy(_, _, let at, _), .hierarchyLabelNeverAppears(_, _, let at),
            .totalNeverAppears(_, _, let at), .recordAtTotal(_, _, let at), .missingChild(_, _, let at, _),
            .totalMismatch(_, _, let at), .hiddenCellsInconsistent(_, _, let at), .invalidSampleSize(_, let at),
            .linkedCountsDisagree(_, let at, _), .remainderIsARow(_, _, let at), .remainderNegative(_, _, let at),
            .unknownStratum(_, _, _, _, let at), .stratumValueParts(_, _, _, _, let at), .stratumColumnInTable(_, let at),
            .cumulativeMismatch(_, let at), .cumulativeSliceWithoutStart(_, _, let at), .measureDimensionTaken(_, let at),
            .undeclaredNumericColumn(_, let at), .countBoundBroken(_, _, let at):
            at
        case .emptyTable(let file), .tooManyCells(_, let file), .linkedHierarchiesDisagree(_, _, let file, _),
            .linkedDimensionWithoutTotal(_, _, let file), .strataCycle(_, let file),
            .publishedTableInconsistent(let file):
            SourceLocation(file: file)
        }
    }

    public var message: String {
        switch self {
        case .missingColumn(let column, let purpose, let header, _):
            "the \(purpose) column '\(Printable.excerpt(column))' is not in the table; its columns are: "
                + HeaderSummary(header).names + HeaderSummary(header).hints
        case .annotationColumnExists(let column, _):
            "the table already has a column '\(column)', which deid release adds for annotation codes; "
                + "is this table already released? Run `deid check` on it, or name another column in `annotation:`"
        case .emptyTable:
            "the table has a header but no data rows"
        case .invalidCount(let column, _):
            "the count in column '\(column)' is not a whole number of people (digits only, 0 or more; a table that "
                + "writes counts as `3,922` or `3.0` says so with `number_format:` in its description)"
        case .countTooLarge(let column, _):
            "the count in column '\(column)' is larger than deid can audit exactly: the solver works in doubles, "
                + "which hold whole numbers exactly only up to 9,007,199,254,740,991; is this column a count of people?"
        case .blankCount(let column, _):
            "the count in column '\(column)' is blank; `deid release` needs every count. A table whose hidden "
                + "cells are already blank is a release: check it with `deid check`"
        case .invalidNumber(let column, _):
            "the value in column '\(column)' is not a number"
        case .duplicateCell(let cell, _, let firstLine):
            "the cell \(cell.label) appears twice (first on line \(firstLine)); each combination of dimension values must be one row"
        case .labelNotInHierarchy(let label, let column, _, let declared):
            "'\(Printable.excerpt(label))' in column '\(column)' is not in the hierarchy declared at \(declared); add it or fix the label"
        case .hierarchyLabelNeverAppears(let label, let column, let declared):
            "the hierarchy of '\(column)' (\(declared)) names '\(Printable.excerpt(label))', which never appears in the table"
        case .totalNeverAppears(let label, let column, let declared):
            "the total '\(Printable.excerpt(label))' of column '\(column)' (\(declared)) never appears in the table"
        case .recordAtTotal(let label, let column, _):
            "a person's record has '\(Printable.excerpt(label))' in column '\(column)', which is a total or subtotal; "
                + "records must carry the most detailed value (a table deid released from records is checked by "
                + "its file path, not from standard input)"
        case .missingChild(let total, let child, _, let variant?):
            "the total \(total.label) has no row for its part \(child.label), and the column also has the label "
                + "'\(Printable.excerpt(variant))', which differs from it only in case: if they are one category, "
                + "declare `aliases: {\"\(Printable.excerpt(variant))\": "
                + "\"\(Printable.excerpt(child.first { $0.value.lowercased() == variant.lowercased() }?.value ?? ""))\"}` "
                + "on that dimension"
        case .missingChild(let total, let child, _, nil):
            "the total \(total.label) has no row for its part \(child.label); every part of a total must be in the table "
                + "(a file that stacks several breakdowns in a stratum-type and a stratum-value column is described "
                + "with `strata:` and one dimension per breakdown variable declared with `stratum:`; a total that also "
                + "counts people no row shows takes `remainder:`)"
        case .totalMismatch(let total, let dimension, _):
            "the count of \(total.label) is not the sum of its parts along '\(dimension)'; fix the total or the parts, "
                + "or, if the total also counts people in no listed part (unknown, other), declare `remainder: "
                + "Unknown` on '\(dimension)' beside its `total:`"
        case .hiddenCellsInconsistent(let total, let dimension, _):
            "the published parts of \(total.label) along '\(dimension)' add up to more than the total allows "
                + "(each blank cell counts at least 1)"
        case .tooManyCells(let limit, _):
            "the table has more than \(limit) cells; split it or reduce its dimensions"
        case .invalidSampleSize(let column, _):
            "the sample size in column '\(column)' must be a whole number of respondents (digits only, 0 or more); "
                + "deid release needs it on every row to judge the estimate's reliability"
        case .remainderIsARow(let label, let column, _):
            "the remainder '\(Printable.excerpt(label))' of column '\(column)' is a row of the table, so the total "
                + "is complete: remove `remainder:`, or name the remainder something no row uses"
        case .remainderNegative(let total, let dimension, _):
            "the listed parts of \(total.label) along '\(dimension)' add up to more than the total, so its remainder "
                + "would be negative; fix the total or the parts"
        case .linkedCountsDisagree(let cell, _, let other):
            "the count of \(cell.label) differs from the same cell at \(other); tables released together must agree "
                + "on every cell they share (the same labels once dimensions at their total are left out)"
        case .linkedHierarchiesDisagree(let label, let column, _, let other):
            "'\(Printable.excerpt(label))' in column '\(column)' adds up into a different total here than in "
                + "\(other); tables released together need one hierarchy per column"
        case .linkedDimensionWithoutTotal(let column, _, let missingIn):
            "'\(column)' has no total here, and \(missingIn) has no '\(column)' column: its rows stand at that "
                + "column's total, so declare one (`total:` or a hierarchy) to release the tables together"
        case .unknownStratum(let type, let part, let column, let whole, _):
            "the stratum '\(Printable.excerpt(type))' in column '\(column)' is not the whole population ('\(whole)') "
                + "and '\(Printable.excerpt(part))' is no dimension's `stratum:`; declare a dimension for it "
                + "(`- column: \(Printable.excerpt(part))`, `stratum: \(Printable.excerpt(part))`) or leave its rows out"
        case .stratumValueParts(let value, let type, let parts, let separator, _):
            "the stratum value '\(Printable.excerpt(value))' does not have the \(parts) part(s) of its stratum "
                + "'\(Printable.excerpt(type))', separated by '\(separator)'"
        case .countBoundBroken(let count, let atMost, _):
            "'\(count)' is larger than '\(atMost)' on this row, but `count_bounds:` declares it at most '\(atMost)'; "
                + "fix the values, or remove the bound"
        case .cumulativeMismatch(let column, _):
            "'\(column)' on this row is not the running total it is declared to be: the previous row's '\(column)' "
                + "(along the same slice) plus this row's count, or at least this row's count on the first row; fix "
                + "the values, or do not declare the column cumulative"
        case .cumulativeSliceWithoutStart(let slice, let first, _):
            "the running total of \(slice.label) has no row at '\(Printable.excerpt(first))', the label before it; a "
                + "cumulative column needs every slice to have a row at every label of the dimension it runs along"
        case .undeclaredNumericColumn(let column, _):
            "column '\(Printable.excerpt(column))' holds numbers but the description gives it no role, and deid does "
                + "not publish what it does not understand: declare it `derived:` (computed from the count: hidden with "
                + "it), `cumulative:` (a running total), `denominator:`, or `descriptive:` (describes the row's labels, "
                + "published as it is)"
        case .measureDimensionTaken(let column, _):
            "a cumulative column adds a dimension named '\(column)', which the table already has; rename that dimension"
        case .publishedTableInconsistent:
            "the table's blank counts make it a published table to protect again, but no table of whole numbers "
                + "agrees with its published counts, its totals and its annotation codes (a cell coded as a small "
                + "number whose totals make it larger, for example); fix the counts or the codes"
        case .strataCycle(let strata, _):
            "the crossed strata \(strata.map { "'\($0)'" }.joined(separator: ", ")) form a cycle: together they "
                + "constrain a crossed table no row shows, which deid's audit does not model; publish the stratum that "
                + "crosses all their variables, or leave one crossed stratum out"
        case .stratumColumnInTable(let column, _):
            "'\(column)' is a stratum dimension, read from the strata columns, but the table also has a column of "
                + "that name; rename the dimension"
        }
    }
}
