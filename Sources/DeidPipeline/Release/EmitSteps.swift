import DeidRead
import DeidVerify
import DeidEmit

/// The release, in memory and checked, before a byte of it is written.
struct VerifiedRelease {
    let labelled: LabelledTable
    let release: Release
}

/// What a successful release did, in words and counts that reveal no value.
public struct ReleaseOutcome: Sendable {
    public var report: AuditReport
    public var summary: String
}

extension ReleaseSteps {
    /// The release's guarantees, re-derived independently of the steps that made them, on the release as it
    /// will be written.
    static func verify(_ labelled: LabelledTable) throws -> VerifiedRelease {
        let protected = labelled.protected
        let assessed = protected.assessed
        let context = assessed.recoded.read.described.context
        let table = assessed.recoded.table
        try ReleaseInvariants.verify(
            table: table, pattern: protected.pattern, policy: context.policy, audit: protected.protection.audit,
            assessment: assessed.assessment)
        let recode = assessed.recoded.recode
        let layout = ReleaseLayout(
            rows: recode.rows.isIdentity ? nil : recode.rows,
            percentages: protected.percentages.map { ($0.declaration.column, $0.texts) })
        var release = Release(
            table: table, pattern: protected.pattern, description: context.description, policy: context.policy,
            annotations: labelled.labels.annotations, layout: layout)
        release.masked = assessed.assessment.requiresMasking
        try ReleaseInvariants.verifyRows(release)
        return VerifiedRelease(labelled: labelled, release: release)
    }

    /// The release table, the JSON report and the HTML report, each to a temporary file, then renamed into
    /// place together (the release last).
    static func emit(_ verified: VerifiedRelease) throws -> ReleaseOutcome {
        let staged = try stage(verified)
        try staged.outputs.commit()
        return staged.outcome
    }

    /// A release written to its temporary files, not yet renamed into place.
    struct StagedRelease {
        let outputs: StagedOutputs
        let outcome: ReleaseOutcome
    }

    /// Writes the release's files to temporary files beside their destinations.
    static func stage(_ verified: VerifiedRelease) throws -> StagedRelease {
        let read = verified.labelled.protected.assessed.recoded.read
        let request = read.described.request
        let table = verified.release.table
        let staged = try read.described.outputs.stage()
        let output = staged.release
        switch table.kind {
        case .aggregate:
            let digest = try ReleaseWriter.writeAggregate(
                verified.release, input: read.spool.source, displayName: request.displayName, to: output.fileDescriptor)
            // The input is read a second time to be written: it must still be the table that was protected.
            guard digest == read.loaded.sha256 else { throw EmitError.inputChanged(file: table.file) }
        case .records:
            try ReleaseWriter.writeAggregated(verified.release, to: output.fileDescriptor)
        }
        try output.close()
        let report = try auditReport(verified, outputDigest: FileDigest.sha256(ofFile: output.temporaryPath))
        var reportError: EmitError?
        report.writeJSON { text in
            guard reportError == nil else { return }
            do throws(EmitError) { try staged.report.write(Array(text.utf8)) } catch { reportError = error }
        }
        if let reportError { throw reportError }
        if let htmlFile = staged.htmlReport {
            let html = HTMLReport.render(report, options: HTMLReport.Options(jsonReport: request.report))
            try htmlFile.write(Array(html.utf8))
        }
        try writeBundle(verified, report: report, release: output, documents: staged.bundleDocuments)
        return StagedRelease(outputs: staged, outcome: ReleaseOutcome(report: report, summary: report.summaryLine))
    }

    /// The portal bundle's descriptor and dictionaries (`--bundle`), from the release written to `release`'s
    /// temporary file and its report.
    static func writeBundle(
        _ verified: VerifiedRelease, report: AuditReport, release: StagedFile, documents: [StagedFile]
    ) throws {
        guard documents.count == PortalBundle.documentFiles.count else { return }
        let context = verified.labelled.protected.assessed.recoded.read.described.context
        let table = verified.release.table
        let labels = Dictionary(
            table.dimensions.map { ($0.column, $0.labels) }, uniquingKeysWith: { first, _ in first })
        let bundle = try PortalBundle.make(
            releasePath: release.temporaryPath, releaseFile: OutputPlan.fileName(of: release.shownAs), report: report,
            description: context.description, policy: context.policy, dimensionLabels: labels)
        try documents[0].write(Array(bundle.descriptorJSON.utf8))
        try documents[1].write(Array(bundle.dictionaryMarkdown.utf8))
        try bundle.writeDictionaryCSV(to: documents[2].fileDescriptor)
    }

    /// The JSON audit report of a verified release (the HTML report is rendered from it).
    static func auditReport(_ verified: VerifiedRelease, outputDigest: String) throws -> AuditReport {
        let labelled = verified.labelled
        let protected = labelled.protected
        let assessed = protected.assessed
        let read = assessed.recoded.read
        let (request, context) = (read.described.request, read.described.context)
        let madeUnder = AuditReport.MadeUnder(
            description: context.description,
            descriptionFile: AuditReport.FileInfo(
                file: context.descriptionFile, sha256: try FileDigest.sha256(ofFile: context.descriptionFile)),
            policy: context.policy, policySHA256: try FileDigest.sha256(ofFile: context.policy.file))
        return AuditReport(
            table: assessed.recoded.table, pattern: protected.pattern, madeUnder: madeUnder,
            inputName: request.displayName, inputDigest: read.loaded.sha256 ?? "", output: request.output,
            outputDigest: outputDigest, protection: protected.protection, labelling: labelled.labels,
            assessment: assessed.assessment,
            masking: MaskingReport(
                recode: assessed.recoded.recode, percentages: protected.percentages,
                unreliableCells: protected.pattern.cells(hiddenFor: .unreliable).count,
                description: context.description, policy: context.policy,
                scoreBeforeRecoding: assessed.scoreBeforeRecoding))
    }
}
