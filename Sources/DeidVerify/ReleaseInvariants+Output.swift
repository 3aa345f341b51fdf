import DeidRead
import DeidDescription
import DeidModel

extension ReleaseInvariants {
    /// Reads the written release back before it is committed and checks every row against the table and the
    /// pattern: release row k is cell k (recoding writes each group once, in first-member order). Hidden counts
    /// are empty, visible counts are the table's, derived values of hidden rows are empty when the policy says so,
    /// and no derived value that reads as zero sits beside a hidden or small non-zero count (DDG Ed. 2.0
    /// Example 3; with `derived.hide_with_count: true` that cannot happen, and this proves it on the bytes).
    public static func verifyWritten(
        path: String, table: Table, pattern: Pattern, description: TableDescription, policy: Policy,
        layout: ReleaseLayout
    ) throws {
        let reader = try CSVReader(source: .file(path), displayName: table.file)
        var count: Int?
        var derived: [(field: Int, column: String)] = []
        var percent: Int?
        var dimensions: [(field: Int, dimension: Int)] = []
        var cell = 0
        func violated(_ what: String) -> VerifyError { .invariantViolated(what, file: table.file) }
        try reader.read(
            header: { fields in
                let position = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                count = position[description.countColumn]
                derived = description.derived.compactMap { column in position[column].map { ($0, column) } }
                percent = layout.percentages.flatMap { position[$0.column] }
                dimensions = table.dimensions.enumerated().compactMap { d, dimension in
                    position[dimension.column].map { ($0, d) }
                }
                guard count != nil, dimensions.count == table.dimensions.count else {
                    throw violated("the release lacks a count or dimension column")
                }
            },
            row: { row in
                guard cell < table.cellCount, let count else { throw violated("the release has more rows than cells") }
                for (field, d) in dimensions {
                    let label = table.dimensions[d].labels[Int(table.value(of: cell, in: d))]
                    if row.string(field) != label { throw violated("a release row does not carry its cell's labels") }
                }
                let value = table.counts[cell]
                let hidden = pattern.isHidden(cell)
                if hidden {
                    guard row.isEmpty(count) else { throw violated("a hidden count would be published") }
                } else if NumberParser.wholeNumber(row[count]) != value {
                    throw violated("a published count differs from the table")
                }
                for (field, column) in derived {
                    if hidden && policy.derived.hideWithCount && !row.isEmpty(field) {
                        throw violated("a derived value of a hidden count would be published")
                    }
                    if value > 0, hidden || policy.numerator.isSmall(value), NumberParser.readsAsZero(row[field]) {
                        throw VerifyError.roundedZeroWouldBePublished(
                            cell: table.coordinates(of: cell), column: column, at: table.location(of: cell))
                    }
                }
                if let percentages = layout.percentages, let percent, row.string(percent) != percentages.texts[cell] {
                    throw violated("a published percentage differs from the computed one")
                }
                cell += 1
            })
        guard cell == table.cellCount else { throw violated("the release has fewer rows than cells") }
    }
}
