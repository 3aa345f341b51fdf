import Foundation
import Testing

@testable import DeidEmit
@testable import DeidPipeline

/// One fixture of `Tests/Fixtures/reports/` released in a temporary folder, with both reports read back and
/// made independent of where the checkout and the folder are: paths lose those prefixes, and the digests of the
/// shipped policy and reference files (which change whenever a preset's comment does) become named placeholders.
/// Those digests are checked against the files in `ReportSnapshotTests` instead.
struct ReportRun {
    static let fixtures = Repo.fixtures + "/reports"

    let folder: TemporaryFolder
    let report: AuditReport
    let json: String
    let html: String

    init(_ fixture: String) throws {
        folder = try TemporaryFolder()
        let source = Self.fixtures + "/" + fixture
        try folder.write("table.csv", String(contentsOfFile: source + "/table.csv", encoding: .utf8))
        try folder.write("table.deid.yaml", String(contentsOfFile: source + "/table.deid.yaml", encoding: .utf8))
        let request = ReleaseRequest(
            source: .file(folder.path + "/table.csv"), displayName: "table.csv",
            descriptionFile: folder.path + "/table.deid.yaml", output: folder.path + "/release.csv",
            report: folder.path + "/audit.json", reportHTML: folder.path + "/report.html", presetsDirectory: Repo.presets)
        report = try Releaser.release(request).report
        json = try String(contentsOfFile: folder.path + "/audit.json", encoding: .utf8)
        html = try String(contentsOfFile: folder.path + "/report.html", encoding: .utf8)
    }

    /// The shipped files the report hashes: the policy preset and every reference file used.
    var shippedFiles: [(path: String, sha256: String)] {
        [(report.policy.file, report.policy.sha256)]
            + (report.assessment?.references ?? []).map { ($0.file, $0.sha256) }
    }

    /// `text` with the folder and checkout prefixes removed and shipped digests replaced by `SHA256(path)`.
    func normalized(_ text: String) -> String {
        var text = text.replacingOccurrences(of: folder.path + "/", with: "")
        for file in shippedFiles {
            text = text.replacingOccurrences(of: file.sha256, with: "SHA256(\(Self.relative(file.path)))")
        }
        return text.replacingOccurrences(of: Repo.root + "/", with: "")
    }

    static func relative(_ path: String) -> String {
        path.hasPrefix(Repo.root + "/") ? String(path.dropFirst(Repo.root.count + 1)) : path
    }

    func remove() { folder.remove() }
}
