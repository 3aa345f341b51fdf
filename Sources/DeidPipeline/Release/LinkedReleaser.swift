import Foundation
import DeidSupport
import DeidModel
import DeidAudit
import DeidProtect
import DeidVerify
import DeidEmit
import DeidDescription

/// `deid release --linked`: tables from the same data released as one. Each table is described, read, recoded
/// and assessed on its own; protection and the disclosure audit run once over all of them (`LinkedTables`), so
/// a cell one table hides is hidden in every table that shows it and no table's totals give back what another
/// hides. Then each table is labelled, verified and written with its own report. Nothing is written unless every
/// table's release is ready: all files are staged first and renamed into place at the end.
public enum LinkedReleaser {
    /// `setReport`: one JSON report (and HTML report) for the whole set, besides each table's own.
    public static func release(
        _ requests: [ReleaseRequest], setReport: LinkedSetReport? = nil, limits: ProtectionLimits = ProtectionLimits()
    ) throws -> [ReleaseOutcome] {
        let described = try requests.map(ReleaseSteps.describe)
        let setPlan = try checkOutputsApart(described, setReport: setReport)
        try requireListedTables(described)
        let assessed = try described.map { try ReleaseSteps.assess(ReleaseSteps.recode(ReleaseSteps.read($0))) }
        let policy = try commonPolicy(assessed)
        try requireLinkable(assessed)
        try requireOneMaskingDecision(assessed)
        let linked = try StageTrace.measure("link") { try LinkedTables.link(assessed.map(\.recoded.table)) }

        var pattern = Pattern(cellCount: linked.system.cellCount)
        if assessed[0].assessment.requiresMasking {
            PrimarySuppression.apply(to: linked.system, policy: policy, pattern: &pattern)
        }
        let protection = try StageTrace.measure("protect") {
            try ReleaseSteps.protectUntilTheAuditPasses(
                system: linked.system, policy: policy, pattern: &pattern, limits: limits)
        }
        let annotated = assessed.contains { $0.recoded.read.described.context.description.annotation != nil }
        let labels = try ReleaseSteps.labelOutcome(
            system: linked.system, pattern: pattern, policy: policy, annotated: annotated, hints: protection.cubeMoves)

        let names = requests.map(\.displayName)
        let staged = try assessed.indices.map { t in
            let projection = LinkedProjection(cellMap: linked.cellMaps[t])
            let others = names.enumerated().filter { $0.offset != t }.map(\.element)
            let protected = ProtectedTable(
                assessed: assessed[t], system: assessed[t].recoded.table.cellSystem,
                pattern: projection.pattern(pattern), percentages: nil,
                protection: projection.protection(protection, note: .linkedRelease(with: others)))
            let labelled = LabelledTable(protected: protected, labels: projection.labels(labels))
            return try ReleaseSteps.stage(try ReleaseSteps.verify(labelled))
        }
        var setFiles: StagedOutputs?
        if let setPlan, let setReport { setFiles = try setReport.stage(setPlan, reports: staged.map(\.outcome.report)) }
        // The reports first, the releases last: a release never stands on disk without its report.
        try setFiles?.commit()
        for release in staged { try release.outputs.commit() }
        return staged.map(\.outcome)
    }

    /// Every table a description lists under `released_together:` must be in the set.
    private static func requireListedTables(_ described: [Described]) throws {
        let here = FileManager.default.currentDirectoryPath
        let given = Set(described.compactMap { table -> String? in
            guard case .file(let path) = table.request.source else { return nil }
            return DescriptionFiles.absolute(path, base: here)
        })
        for table in described {
            let folder = DescriptionFiles.folder(of: table.context.descriptionFile)
            for listed in table.context.description.releasedTogether
            where !given.contains(DescriptionFiles.absolute(DescriptionFiles.join(folder, listed), base: here)) {
                throw DescriptionError.invalidTable(
                    SourceLocation(file: table.context.descriptionFile),
                    problem: "\(table.request.displayName) is published together with \(listed) "
                        + "(`released_together:`), which is not among the tables to release; add it")
            }
        }
    }

    /// No table's output may replace another table's input, and no two tables' outputs may be one file; the
    /// set's reports are checked with them. Returns the plan of the set's reports.
    private static func checkOutputsApart(_ described: [Described], setReport: LinkedSetReport?) throws -> OutputPlan? {
        let outputs = described.flatMap(\.request.plannedOutputs)
        let inputs = described.flatMap { $0.context.inputFiles(table: $0.request.source) }
        _ = try OutputPlan(outputs: outputs + (setReport?.plannedOutputs ?? []), inputs: inputs)
        return try setReport.map { report throws(EmitError) in try OutputPlan(outputs: report.plannedOutputs, inputs: inputs) }
    }

    /// Tables released together are protected and audited under one policy.
    private static func commonPolicy(_ assessed: [AssessedTable]) throws -> Policy {
        let contexts = assessed.map(\.recoded.read.described.context)
        guard let first = contexts.first else { throw DescriptionError.invalidTable(SourceLocation(file: "-"), problem: "no table to release") }
        for (t, context) in contexts.enumerated().dropFirst() where context.policy.file != first.policy.file {
            throw DescriptionError.invalidTable(
                SourceLocation(file: context.descriptionFile),
                problem: "the policy '\(context.policy.name)' is not that of \(assessed[0].recoded.read.described.request.displayName) "
                    + "('\(first.policy.name)'); tables released together are protected under one policy (table \(t + 1))")
        }
        return first.policy
    }

    /// A set is masked or released without masking as a whole: the tables share cells, so one that may show its
    /// small counts would show the others'.
    private static func requireOneMaskingDecision(_ assessed: [AssessedTable]) throws {
        guard let masked = assessed.first(where: \.assessment.requiresMasking),
            let unmasked = assessed.first(where: { !$0.assessment.requiresMasking })
        else { return }
        let name = { (table: AssessedTable) in table.recoded.read.described.request.displayName }
        throw DescriptionError.invalidTable(
            SourceLocation(file: unmasked.recoded.read.described.context.descriptionFile),
            problem: "\(name(unmasked)) may be released without masking (DDG Steps 1–3) but \(name(masked)) needs "
                + "masking; tables released together share cells, so declare them alike (`personal_characteristics:`, "
                + "`high_risk:`) or release them apart")
    }

    /// Rounded percentages and survey reliability are protected per table, and a published table is protected
    /// again only on its own; linking them is not supported yet.
    private static func requireLinkable(_ assessed: [AssessedTable]) throws {
        for table in assessed {
            let context = table.recoded.read.described.context
            let unsupported: String? =
                if table.recoded.read.republished != nil { "blank counts (a published table)" }
                else if context.description.masking.percentages != nil { "rounded percentages (`percentages:`)" }
                else if context.description.masking.sampleSize != nil { "survey estimates (`sample_size:`)" }
                else { nil }
            if let unsupported {
                throw DescriptionError.invalidTable(
                    SourceLocation(file: context.descriptionFile),
                    problem: "a table with \(unsupported) cannot be released together with others yet; release it alone")
            }
        }
    }
}
