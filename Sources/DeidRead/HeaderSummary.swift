import DeidSupport

/// A table's header as messages show it: the column names, each cut to an excerpt, at most `listed` of them,
/// never a field that reads as a number (which would be a count if the file has no header row); with hints
/// when the header looks like a file without a header row or one separated by something other than commas.
package struct HeaderSummary {
    static let listed = 12
    let header: [String]

    package init(_ header: [String]) { self.header = header }

    /// `A, B, C, … (20 columns in all)`, names only.
    package var names: String {
        let names = header.filter { !Self.readsAsNumber($0) }
        if names.isEmpty { return "no column names" }
        var text = names.prefix(Self.listed).map(Printable.excerpt).joined(separator: ", ")
        if names.count > Self.listed || names.count < header.count { text += ", … (\(header.count) columns in all)" }
        return text
    }

    /// What the header suggests is wrong with the file, as "; …" clauses (empty when nothing stands out).
    package var hints: String {
        var text = ""
        if header.contains(where: Self.readsAsNumber) {
            text += "; the first row has numbers where column names belong: does the file lack a header row?"
        }
        if header.count == 1, let separator = Self.otherSeparator(in: header[0]) {
            text += "; the header is a single column containing \(separator): deid reads comma-separated files, "
                + "so save the table as CSV (comma-separated) first"
        }
        return text
    }

    static func readsAsNumber(_ field: String) -> Bool {
        !field.isEmpty && Array(field.utf8).withUnsafeBytes { NumberParser.decimal($0) != nil }
    }

    /// The name of a common non-comma separator found in a one-column header.
    static func otherSeparator(in field: String) -> String? {
        if field.contains(";") { return "semicolons" }
        if field.contains("\t") { return "tabs" }
        if field.contains("|") { return "vertical bars" }
        return nil
    }
}
