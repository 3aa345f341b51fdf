import DeidDescription

/// What `deid release --bundle DIR` writes beside the release for the Open Data Portal: a Frictionless Data
/// Package descriptor and a data dictionary (Markdown and CSV). It is built from the release as written and from
/// the policy's publication texts, so it holds what a portal reader needs (each column, each annotation code the
/// release uses, the footnotes, the method) and nothing a reviewer-only report holds: no hidden cell, no
/// interval, no count beyond what the release itself shows.
public struct PortalBundle: Sendable {
    /// A column of the release, as the package schema and the dictionary describe it.
    public struct Column: Sendable, Hashable {
        public var name: String
        /// The Table Schema type every non-empty value of the column conforms to.
        public var type: FieldType
        /// What the column is to deid (`dimension`, `count`, `annotation`, …).
        public var role: String
        public var description: String
    }

    /// Table Schema field types deid assigns: the narrowest every value of the column reads as.
    public enum FieldType: String, Sendable, Hashable {
        case integer, number, string
    }

    /// An annotation code the release uses, with the footnote that explains it.
    public struct Code: Sendable, Hashable {
        public var code: String
        public var meaning: String
    }

    /// Package and resource name: the release's file name, lowercased, with anything but `a-z 0-9 . _ -` as `-`
    /// (the Data Package name pattern).
    public var name: String
    /// The release's file name inside the bundle folder.
    public var releaseFile: String
    public var bytes: Int
    public var sha256: String
    public var columns: [Column]
    public var codes: [Code]
    /// Footnotes about the whole table (released without masking), published as they are.
    public var tableNotes: [String]
    /// How the table was protected, in one paragraph for the portal's description.
    public var method: String
    public var policyTitle: String
    public var toolVersion: String

    public static let descriptorFile = "datapackage.json"
    public static let dictionaryMarkdownFile = "data-dictionary.md"
    public static let dictionaryCSVFile = "data-dictionary.csv"
    /// The bundle's own documents, in the order they are written (the release itself comes last, separately).
    public static let documentFiles = [descriptorFile, dictionaryMarkdownFile, dictionaryCSVFile]

    /// The value the release leaves in a hidden cell, declared as the schema's missing value.
    public static let hiddenValue = ""
}

extension PortalBundle {
    /// The bundle of a release written to `releasePath` (its name in the bundle `releaseFile`), protected under
    /// `policy` as `report` says.
    public static func make(
        releasePath: String, releaseFile: String, report: AuditReport, description: TableDescription,
        policy: Policy, dimensionLabels: [String: [String]]
    ) throws -> PortalBundle {
        let scan = try ReleaseColumnScan.scan(path: releasePath, displayName: releaseFile)
        let roles = ColumnRoles(description: description, percentagesColumn: report.percentagesOnly?.column)
        let columns = zip(scan.header, scan.types).map { name, type in
            let role = roles.role(of: name)
            return Column(
                name: name, type: role.isLabel ? .string : type, role: role.name,
                description: role.text(labels: dimensionLabels[name] ?? []))
        }
        var codes = report.footnotes.compactMap { note in note.annotation.map { Code(code: $0, meaning: note.text) } }
        // A source's own "no data" codes stay on their rows in the release.
        for code in description.noDataCodes where !codes.contains(where: { $0.code == code }) {
            codes.append(Code(code: code, meaning: "No data: a code of the source, kept as it was published."))
        }
        return PortalBundle(
            name: packageName(releaseFile), releaseFile: releaseFile, bytes: scan.bytes, sha256: scan.sha256,
            columns: columns, codes: codes,
            tableNotes: report.footnotes.filter { $0.annotation == nil }.map(\.text),
            method: methodText(report: report, policy: policy, annotated: description.annotation != nil),
            policyTitle: policy.title,
            toolVersion: report.tool.version)
    }

    static func packageName(_ file: String) -> String {
        let stem = file.lastIndex(of: ".").map { String(file[..<$0]) } ?? file
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        let name = String(stem.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return name.isEmpty ? "release" : name
    }

    /// The protection method, stated from the policy's thresholds: what a reader of the portal is told.
    static func methodText(report: AuditReport, policy: Policy, annotated: Bool) -> String {
        let made = "Prepared with deid \(report.tool.version) under the \(policy.title)."
        guard report.summary.hiddenCells > 0 else {
            return made + " No value is hidden: the guidelines' assessment let this table be published without masking."
        }
        return made + " Counts from 1 to \(policy.numerator.minimum - 1) are hidden (primary suppression), and further "
            + "values are hidden (complementary suppression) so that no hidden value can be recalculated from the "
            + "published values and totals to within a range narrower than \(policy.audit.minIntervalWidth). A hidden "
            + "value is an empty field" + (annotated ? "; the annotation column's code says why it is empty." : ".")
    }
}
