import Foundation
import DeidSupport
import DeidRead
import DeidModel
import DeidRecode
import DeidAssess
import DeidProtect
import DeidVerify
import DeidEmit

/// One table to release.
public struct ReleaseRequest: Sendable {
    public var source: InputSource
    public var displayName: String
    public var descriptionFile: String?
    public var output: String
    public var report: String
    /// Where to write the HTML report a reviewer signs (`--report-html`), if anywhere.
    public var reportHTML: String?
    public var presetsDirectory: String?
    /// Components of up to this many non-zero cells are protected exactly (`OptimalSuppression`); tests set 0
    /// to run the greedy path on small tables.
    public var exactUpTo = OptimalSuppression.maximumCells

    public init(
        source: InputSource, displayName: String, descriptionFile: String?, output: String, report: String,
        reportHTML: String? = nil, presetsDirectory: String? = nil
    ) {
        self.source = source
        self.displayName = displayName
        self.descriptionFile = descriptionFile
        self.output = output
        self.report = report
        self.reportHTML = reportHTML
        self.presetsDirectory = presetsDirectory
    }
}

extension ReleaseRequest {
    /// The outputs in the order they are committed: the release last, so that a release never stands on disk
    /// without its audit report.
    var plannedOutputs: [PlannedOutput] {
        [PlannedOutput(path: report, option: "--report")]
            + (reportHTML.map { [PlannedOutput(path: $0, option: "--report-html")] } ?? [])
            + [PlannedOutput(path: output, option: "--output")]
    }
}

extension StagedOutputs {
    /// The files of a release's plan (`ReleaseRequest.plannedOutputs`), by what they hold.
    var report: StagedFile { files[0] }
    var htmlReport: StagedFile? { files.count == 3 ? files[1] : nil }
    var release: StagedFile { files[files.count - 1] }
}

extension ReleaseRequest {
    /// The release of the one table `table` names (`table.paths` holds one path).
    public init(table: TableArguments, output: String, report: String, reportHTML: String?) {
        let (source, name) = table.tables.first ?? (.standardInput, InputSource.standardInput.defaultDisplayName)
        self.init(
            source: source, displayName: name, descriptionFile: table.descriptionFile, output: output, report: report,
            reportHTML: reportHTML, presetsDirectory: table.presetsDirectory)
    }
}

/// What a successful release did, in words and counts that reveal no value.
public struct ReleaseOutcome: Sendable {
    public var report: AuditReport
    public var summary: String
}

/// `deid release`: Read → Model → Assess → Protect → Audit → Emit. Nothing is written unless every step
/// succeeds and the audit passes; any doubt is an error (exit 2). The release, the JSON audit and the optional
/// HTML report are each written to a temporary file and renamed into place only once all of them are complete.
public enum Releaser {
    public static func release(_ request: ReleaseRequest) throws -> ReleaseOutcome {
        let rules = try DescriptionContext.load(
            source: request.source, descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        // Every output is checked before the input is read: none may replace an input, none another output.
        let plan = try OutputPlan(outputs: request.plannedOutputs, inputs: rules.inputFiles(table: request.source))
        // The release is written by a second pass over the input, so an input that cannot be read twice
        // (standard input, a named pipe) is kept in a temporary file.
        let spool = try InputSpool(request.source, displayName: request.displayName)

        let loaded = try StageTrace.measure("read and model") {
            try TableLoader.load(
                spool.source, displayName: request.displayName, description: rules.description, policy: rules.policy,
                purpose: .release, digest: true)
        }
        // Step 4 restructuring first: `aggregate:` rules merge values, and every later stage sees the recoded table.
        let recode = try Recoding.apply(
            rules.description.masking.aggregate, to: loaded.table, description: rules.description, policy: rules.policy)
        let table = recode.table
        // DDG Steps 1–3 on the table that is released (the recoded one: ddg-rules Q7, rescoring after
        // restructuring) decide whether Step 4 masking applies; without it the release hides no small count.
        let assessment = try Assessor.assess(
            table: table, description: rules.description, policy: rules.policy, referenceDirectory: rules.referenceDirectory)
        var scoreNotes: [String] = []
        if !recode.recodings.isEmpty, let after = assessment.score?.total,
            let before = try? Assessor.assess(
                table: loaded.table, description: rules.description, policy: rules.policy,
                referenceDirectory: rules.referenceDirectory
            ).score?.total
        {
            scoreNotes.append("publication score before recoding \(before), after recoding \(after) (ddg-rules Q7)")
        }

        var pattern = Pattern(cellCount: table.cellCount)
        let percentages = try rules.description.masking.percentages.map {
            try RoundedPercentages.prepare(table: table, declaration: $0, policy: rules.policy)
        }
        percentages?.hideCounts(in: &pattern)
        if assessment.requiresMasking { PrimarySuppression.apply(to: table, policy: rules.policy, pattern: &pattern) }
        let unreliable = ReliabilityScreen.unreliableCells(in: table, description: rules.description, policy: rules.policy)
        SurveyReliability.hide(unreliable, in: &pattern, at: .beforeProtection, policy: rules.policy)
        let protection = try StageTrace.measure("protect") {
            try ComplementarySuppression.protect(
                table: table, policy: rules.policy, pattern: &pattern, exactUpTo: request.exactUpTo)
        }
        SurveyReliability.hide(unreliable, in: &pattern, at: .afterProtection, policy: rules.policy)
        let labelling = try StageTrace.measure("labels") {
            try Labelling.decide(
                table: table, pattern: pattern, policy: rules.policy, annotated: rules.description.annotation != nil)
        }
        try ReleaseInvariants.verify(
            table: table, pattern: pattern, policy: rules.policy, audit: protection.audit, assessment: assessment)
        let layout = ReleaseLayout(
            rows: recode.rows.isIdentity ? nil : recode.rows, rates: rules.description.masking.rates,
            percentages: percentages.map { ($0.declaration.column, $0.texts) })

        let staged = try plan.stage()
        let output = staged.release
        switch table.kind {
        case .aggregate:
            try ReleaseWriter.writeAggregate(
                input: spool.source, displayName: request.displayName, table: table, pattern: pattern,
                description: rules.description, annotations: labelling.annotations,
                hideDerived: rules.policy.derived.hideWithCount, layout: layout, to: output.fileDescriptor)
        case .records:
            try ReleaseWriter.writeAggregated(
                table: table, pattern: pattern, description: rules.description, annotations: labelling.annotations,
                layout: layout, to: output.fileDescriptor)
        }
        try output.close()
        try ReleaseInvariants.verifyWritten(
            path: output.temporaryPath, table: table, pattern: pattern, description: rules.description,
            policy: rules.policy, layout: layout)
        let outputDigest = try FileDigest.sha256(ofFile: output.temporaryPath)

        let reportRules = AuditReport.Rules(
            description: rules.description,
            descriptionFile: AuditReport.FileInfo(
                file: rules.descriptionFile, sha256: try FileDigest.sha256(ofFile: rules.descriptionFile)),
            policy: rules.policy, policySHA256: try FileDigest.sha256(ofFile: rules.policy.file))
        let report = AuditReport(
            table: table, pattern: pattern, rules: reportRules, inputName: request.displayName,
            inputDigest: loaded.sha256 ?? "", output: request.output, outputDigest: outputDigest,
            protection: protection, labelling: labelling, assessment: assessment,
            masking: MaskingReport(
                recode: recode, percentages: percentages, unreliableCells: pattern.cells(hiddenFor: .unreliable).count,
                description: rules.description, policy: rules.policy, extraNotes: scoreNotes))
        let reportFile = staged.report
        var reportError: EmitError?
        report.writeJSON { text in
            guard reportError == nil else { return }
            do throws(EmitError) { try reportFile.write(Array(text.utf8)) } catch { reportError = error }
        }
        if let reportError { throw reportError }
        if let htmlFile = staged.htmlReport {
            let html = HTMLReport.render(report, options: HTMLReport.Options(jsonReport: request.report))
            try htmlFile.write(Array(html.utf8))
        }
        try staged.commit()
        return ReleaseOutcome(report: report, summary: report.summaryLine)
    }
}
