import Foundation
import DeidRead
import DeidProtect
import DeidAudit
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
    /// Where protection and the audit switch methods; tests lower them to run the large-table paths on small
    /// tables.
    public var limits = ProtectionLimits()
    /// The table's previous release (`--previous`), whose hidden cells stay hidden.
    public var previous: String?
    /// The Open Data Portal folder (`--bundle`): `output` is in it, and the package descriptor and data
    /// dictionary are written beside it.
    public var bundle: String?

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
            + (bundle.map { folder in
                PortalBundle.documentFiles.map { PlannedOutput(path: folder + "/" + $0, option: "--bundle") }
            } ?? [])
            + [PlannedOutput(path: output, option: "--output")]
    }
}

extension StagedOutputs {
    /// The files of a release's plan (`ReleaseRequest.plannedOutputs`), by what they hold.
    var report: StagedFile { files[0] }
    var htmlReport: StagedFile? { files.first { $0.option == "--report-html" } }
    /// The bundle's descriptor and dictionaries, in `PortalBundle.documentFiles` order; empty without `--bundle`.
    var bundleDocuments: [StagedFile] { files.filter { $0.option == "--bundle" } }
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

/// Where protection and the audit switch from the methods of small components to those of large ones.
public struct ProtectionLimits: Sendable {
    /// Components of up to this many non-zero cells are protected exactly (`OptimalSuppression`).
    public var exactUpTo = OptimalSuppression.maximumCells
    /// Components whose primary cells × cells exceed this are protected by cubes first.
    public var cubesAbove = ComplementarySuppression.cubesAbove
    /// Components with at least this many hidden cells let the audit settle cells by protection's verified
    /// moves (`AuditProblem.hintsSettleFrom`).
    public var hintsSettleFrom = AuditProblem.defaultHintsSettleFrom

    public init(
        exactUpTo: Int = OptimalSuppression.maximumCells, cubesAbove: Int = ComplementarySuppression.cubesAbove,
        hintsSettleFrom: Int = AuditProblem.defaultHintsSettleFrom
    ) {
        self.exactUpTo = exactUpTo
        self.cubesAbove = cubesAbove
        self.hintsSettleFrom = hintsSettleFrom
    }
}
