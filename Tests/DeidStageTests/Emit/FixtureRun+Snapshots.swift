@testable import DeidEmit

/// Reports made independent of where the checkout and the temporary folder are, for golden files: paths lose
/// those prefixes, and the digests of the shipped policy and reference files (which change whenever a preset's
/// comment does) become named placeholders. Those digests are checked against the files in
/// `ReportSnapshotTests` instead.
extension FixtureRun {
    /// The shipped files the report hashes: the policy preset and every reference file used.
    static func shippedFiles(of report: AuditReport) -> [(path: String, sha256: String)] {
        [(report.policy.file, report.policy.sha256)]
            + (report.assessment?.references ?? []).map { ($0.file, $0.sha256) }
    }

    /// `text` with the folder and checkout prefixes removed and shipped digests replaced by `SHA256(path)`.
    func normalized(_ text: String, of report: AuditReport) -> String {
        var text = text.replacingOccurrences(of: folder.path + "/", with: "")
        for file in Self.shippedFiles(of: report) {
            text = text.replacingOccurrences(of: file.sha256, with: "SHA256(\(Self.relative(file.path)))")
        }
        return text.replacingOccurrences(of: Repo.root + "/", with: "")
    }

    static func relative(_ path: String) -> String {
        path.hasPrefix(Repo.root + "/") ? String(path.dropFirst(Repo.root.count + 1)) : path
    }
}
