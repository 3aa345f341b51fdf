import Foundation

/// One table to release.
public struct ReleaseRequest: Sendable {
    public var source: InputSource
    public var displayName: String
    public var rulesFile: String?
    public var output: String
    public var report: String
    public var presetsDirectory: String?

    public init(
        source: InputSource, displayName: String, rulesFile: String?, output: String, report: String,
        presetsDirectory: String? = nil
    ) {
        self.source = source
        self.displayName = displayName
        self.rulesFile = rulesFile
        self.output = output
        self.report = report
        self.presetsDirectory = presetsDirectory
    }
}

/// What a successful release did, in words and counts that reveal no value.
public struct ReleaseOutcome: Sendable {
    public var report: AuditReport
    public var summary: String
}

/// `deid release`: Read → Model → Assess → Protect → Audit → Emit. Nothing is written unless every step
/// succeeds and the audit passes; any doubt is an error (exit 2).
public enum Releaser {
    public static func release(_ request: ReleaseRequest) throws -> ReleaseOutcome {
        let rules = try RulesContext.load(
            source: request.source, rulesFile: request.rulesFile, presetsDirectory: request.presetsDirectory)
        // The release is written by a second pass over the input, so standard input is kept in a temporary file.
        let spool = try InputSpool(request.source)
        defer { spool.remove() }
        try OutputPaths.ensureDistinct(input: spool.source, outputs: [request.output, request.report])

        let loaded = try StageTrace.measure("read and model") {
            try TableLoader.load(
                spool.source, displayName: request.displayName, description: rules.description, policy: rules.policy,
                purpose: .release, digest: true)
        }
        let table = loaded.table
        // DDG Steps 1–3 decide whether Step 4 (masking) applies; without it the release hides nothing.
        let assessment = try Assessor.assess(
            table: table, description: rules.description, policy: rules.policy, referenceDirectory: rules.referenceDirectory)

        var pattern = Pattern(cellCount: table.cellCount)
        if assessment.requiresMasking { PrimarySuppression.apply(to: table, policy: rules.policy, pattern: &pattern) }
        let protection = try StageTrace.measure("protect") {
            try ComplementarySuppression.protect(table: table, policy: rules.policy, pattern: &pattern)
        }
        let labelling = try StageTrace.measure("labels") {
            try Labelling.decide(table: table, pattern: pattern, policy: rules.policy)
        }
        try ReleaseInvariants.verify(
            table: table, pattern: pattern, policy: rules.policy, audit: protection.audit, assessment: assessment)

        var output = try AtomicFile(destination: request.output)
        switch table.kind {
        case .aggregate:
            try ReleaseWriter.writeAggregate(
                input: spool.source, displayName: request.displayName, table: table, pattern: pattern,
                description: rules.description, annotations: labelling.annotations,
                hideDerived: rules.policy.derived.hideWithCount, to: output.fileDescriptor)
        case .records:
            try ReleaseWriter.writeAggregated(
                table: table, pattern: pattern, description: rules.description, annotations: labelling.annotations,
                to: output.fileDescriptor)
        }
        try output.close()
        let outputDigest = try FileDigest.sha256(ofFile: output.temporaryPath)

        let report = try AuditReport(
            table: table, pattern: pattern, rules: rules, inputName: request.displayName,
            inputDigest: loaded.sha256 ?? "", output: request.output, outputDigest: outputDigest,
            protection: protection, labelling: labelling, assessment: assessment)
        var reportFile = try AtomicFile(destination: request.report)
        try reportFile.write(Array((JSONOutput.encode(report) + "\n").utf8))
        try reportFile.close()
        try output.commit()
        try reportFile.commit()
        return ReleaseOutcome(report: report, summary: report.summaryLine)
    }
}
