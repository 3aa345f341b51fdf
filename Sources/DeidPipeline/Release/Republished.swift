import DeidSupport
import DeidModel
import DeidAudit
import DeidDescription

/// A published table given to `release` to protect again: its blank counts are cells an earlier release hid,
/// whose values deid never sees. They stay hidden, bounded as the table's annotation codes say; protection works
/// on one completion of the table consistent with what it publishes (`FeasibleCompletion`), and the audit that
/// decides the release runs on the table as published, values unknown, as `deid check` would.
struct Republished {
    /// The table as read: blank counts unknown.
    let published: Table
    /// Its cell system, as the completion and the deciding audit read it.
    let system: CellSystem
    /// The cells the input leaves blank (remainders of incomplete totals included).
    let blankCells: [Int]
    /// What the input's codes tell a reader about its blank cells.
    let labels: [Int: HiddenLabel]

    /// nil when the table has no blank count: a table to release as usual.
    static func of(_ table: Table) -> Republished? {
        let blank = (0..<table.cellCount).filter { table.isBlank($0) }
        guard !blank.isEmpty else { return nil }
        return Republished(published: table, system: table.cellSystem, blankCells: blank, labels: table.hiddenLabels)
    }

    /// The table with a completion in place of its blank counts.
    func completed(policy: Policy) throws -> Table {
        let problem = AuditProblem(
            cellCount: system.cellCount, relations: system.relations, values: system.values, hidden: blankCells,
            labels: labels, policy: policy)
        do {
            return published.withCounts(try FeasibleCompletion.find(problem))
        } catch .inconsistent {
            throw ModelError.publishedTableInconsistent(file: published.file)
        }
    }

    /// Blank counts whose row publishes a derived value (a rate or percentage left beside a hidden count).
    var derivedShown: Int {
        guard let marks = published.marks else { return 0 }
        return blankCells.filter { $0 < marks.derivedPublished.count && marks.derivedPublished[$0] }.count
    }

    /// The blank cells stay hidden, before anything else is hidden.
    func keepHidden(in pattern: inout Pattern) {
        for cell in blankCells { pattern.hide(cell, .inputBlank) }
    }

    /// The audit that decides the release: on the table as published (blank counts unknown), with the input's
    /// codes, as `deid check` audits it. It never reads the completion protection worked on.
    func audit(_ pattern: Pattern, policy: Policy) throws -> AuditResult {
        try DisclosureAudit.run(
            AuditProblems.forRelease(system: system, pattern: pattern, policy: policy, labels: labels))
    }

    /// The code each blank row published, as the release writes it again (an unknown code as the generic one).
    func publishedCodes(policy: Policy) -> [Int: String] {
        guard let marks = published.marks, marks.hasAnnotationColumn else { return [:] }
        var codes: [Int: String] = [:]
        for cell in blankCells where cell < marks.annotations.count {
            codes[cell] =
                switch marks.annotations[cell] {
                case .smallNumber: policy.labels.primaryCode
                case .complementary: policy.labels.complementaryCode
                case .unreliable: policy.labels.unreliableCode
                case .none, .generic, .other, .noData: policy.labels.genericCode
                }
        }
        return codes
    }

    /// Refuses what re-protection does not support yet: methods that change or read the counts themselves.
    static func requireSupported(_ description: TableDescription, descriptionFile: String) throws {
        let unsupported: String? =
            if !description.masking.aggregate.isEmpty { "`aggregate:` rules" }
            else if description.masking.percentages != nil { "rounded percentages (`percentages:`)" }
            else if description.masking.sampleSize != nil { "survey estimates (`sample_size:`)" }
            else { nil }
        if let unsupported {
            throw DescriptionError.invalidTable(
                SourceLocation(file: descriptionFile),
                problem: "the table has blank counts, so it is a published table to protect again, which deid cannot "
                    + "do yet with \(unsupported); release it from the unmasked data")
        }
    }
}
