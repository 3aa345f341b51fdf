import DeidDescription

/// What each column of a release is, by the table description, in the words of a data dictionary.
struct ColumnRoles {
    /// One column's role: its name in the dictionary and the sentence that describes it.
    struct Role {
        var name: String
        /// Dimension and annotation values are labels, typed `string` whatever they look like (`2022`, `1`).
        var isLabel = false
        var dimension: DimensionSpec?
        var sentence: String

        /// The description; a dimension's adds its values (listed when there are at most `listedValues`).
        func text(labels: [String]) -> String {
            guard let dimension else { return sentence }
            var text = sentence + " \(labels.count) values"
            if labels.count <= ColumnRoles.listedValues {
                text += ": " + labels.joined(separator: "; ")
            }
            text += "."
            switch dimension.structure {
            case .none: break
            case .total(let total): text += " '\(total)' is the total over the others."
            case .hierarchy(let tree):
                let parents = tree.entries.map(\.parent)
                text += " A hierarchy: '\(tree.root ?? parents.first ?? "")' is the total, and each of the \(parents.count) "
                    + "totals is the sum of the values listed under it in the description."
            }
            return text
        }
    }

    static let listedValues = 20

    let description: TableDescription
    /// The column the rounded percentages are written to, when that method is used.
    let percentagesColumn: String?

    func role(of column: String) -> Role {
        let d = description
        if let dimension = d.dimensions.first(where: { $0.column == column && $0.stratum == nil }) {
            return Role(
                name: "dimension", isLabel: true, dimension: dimension,
                sentence: "Dimension (\(dimension.role.rawValue.replacingOccurrences(of: "_", with: " "))).")
        }
        if d.countColumns.contains(column) || d.cumulative.contains(where: { $0.column == column }) {
            let running = d.cumulative.contains(where: { $0.column == column }) ? "Running total of the " : "Number of "
            return Role(
                name: "count",
                sentence: running + "people or events counted in the row. Empty where the value is hidden to "
                    + "protect confidentiality" + (d.annotation == nil ? "." : " (see the annotation column)."))
        }
        if column == d.annotation {
            return Role(
                name: "annotation", isLabel: true,
                sentence: "Annotation code: empty where the row's values are shown; otherwise the code, explained "
                    + "under Annotation codes, says why a value is hidden.")
        }
        return otherRole(of: column)
    }

    private func otherRole(of column: String) -> Role {
        let d = description
        if column == d.denominator {
            return Role(name: "denominator", sentence: "Denominator: the population the row's counts are out of, as in the source.")
        }
        if d.derived.contains(column) {
            return Role(name: "derived", sentence: "Derived from the count (a rate or a share); empty where the count is hidden.")
        }
        if column == percentagesColumn {
            return Role(name: "percentage", sentence: "Rounded percentage of the total, published instead of the counts.")
        }
        if column == d.masking.sampleSize {
            return Role(name: "sample_size", sentence: "Survey sample size, as in the source.")
        }
        if let strata = d.strata, column == strata.typeColumn || column == strata.valueColumn {
            return Role(
                name: "stratum", isLabel: true,
                sentence: column == strata.typeColumn
                    ? "Stratum type: which characteristic the row breaks the population down by."
                    : "Stratum value: the row's value of that characteristic.")
        }
        if column == d.hiddenMarker?.column {
            return Role(name: "note", isLabel: true, sentence: "Note column, as in the source; empty on hidden rows.")
        }
        if d.descriptive.contains(column) {
            return Role(name: "descriptive", isLabel: true, sentence: "Descriptive text, as in the source.")
        }
        return Role(name: "other", sentence: "As in the source; empty on rows whose count is hidden.")
    }
}
