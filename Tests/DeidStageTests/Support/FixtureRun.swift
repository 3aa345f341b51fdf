import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidProtect
@testable import DeidEmit
@testable import DeidPipeline

/// The one harness for "release (or check) this table in a temporary folder" through the library: a table and
/// its description (and optionally a local policy) from text or from a fixture folder; `release.csv`,
/// `audit.json` and, when asked, `report.html` out.
struct FixtureRun {
    let folder: TemporaryFolder
    var tablePath: String { folder.path + "/table.csv" }
    var descriptionPath: String { folder.path + "/table.deid.yaml" }
    var outputPath: String { folder.path + "/release.csv" }
    var reportPath: String { folder.path + "/audit.json" }
    var htmlPath: String { folder.path + "/report.html" }

    /// What a release wrote: the table's text, the report as the pipeline returned it and as written (parsed and
    /// as text), the HTML report when asked for, and the terminal line.
    struct Released {
        var csv: String
        var report: AuditReport
        var json: [String: Any]
        var jsonText: String
        var html: String?
        var summary: String
    }

    /// `policy`: the text of a local policy, `policy.yaml`, which the description then names.
    init(csv: String, description: String, policy: String? = nil) throws {
        // A description naming another policy would quietly run under it instead of the one given.
        guard policy == nil || description.contains("policy: calhhs-ddg-2.0") else {
            throw FixtureRunError.descriptionNamesAnotherPolicy
        }
        folder = try TemporaryFolder()
        try folder.write("table.csv", csv)
        try folder.write(
            "table.deid.yaml",
            policy == nil ? description : description.replacingOccurrences(of: "policy: calhhs-ddg-2.0", with: "policy: policy.yaml"))
        if let policy { try folder.write("policy.yaml", policy) }
    }

    /// A copy of a fixture folder's `table.csv` and `table.deid.yaml`: `fixture` is a path below
    /// `Tests/Fixtures` (`ddg/example3`) or an absolute one.
    init(fixture: String, policy: String? = nil) throws {
        let source = fixture.hasPrefix("/") ? fixture : Repo.fixtures + "/" + fixture
        try self.init(
            csv: String(contentsOfFile: source + "/table.csv", encoding: .utf8),
            description: String(contentsOfFile: source + "/table.deid.yaml", encoding: .utf8), policy: policy)
    }

    /// The description and the policy it names.
    func rules() throws -> (description: TableDescription, policy: Policy) {
        let description = try TableDescription.load(path: descriptionPath)
        return (description, try Policy.load(for: description, presetsDirectory: Repo.presets))
    }

    var description: TableDescription { get throws { try rules().description } }
    var policy: Policy { get throws { try rules().policy } }

    /// The table as `release` reads it, with its description and policy.
    func load() throws -> (table: Table, description: TableDescription, policy: Policy) {
        let (description, policy) = try rules()
        let loaded = try TableLoader.load(
            .file(tablePath), displayName: "table.csv", description: description, policy: policy, purpose: .release)
        return (loaded.table, description, policy)
    }

    func table() throws -> Table { try load().table }

    /// The modelled table of `csv` described by `description`; the temporary folder is gone when it returns.
    static func table(_ csv: String, _ description: String) throws -> Table {
        let run = try FixtureRun(csv: csv, description: description)
        defer { run.remove() }
        return try run.table()
    }

    /// `limits` lowered run the large-table paths (`exactUpTo: 0` greedy suppression everywhere, `cubesAbove: 0`
    /// cubes first, `hintsSettleFrom: 1` the audit settling cells by verified moves); `html` writes the HTML
    /// report too.
    @discardableResult
    func release(
        limits: ProtectionLimits = ProtectionLimits(), html: Bool = false
    ) throws -> Released {
        var request = ReleaseRequest(
            source: .file(tablePath), displayName: "table.csv", descriptionFile: descriptionPath, output: outputPath,
            report: reportPath, reportHTML: html ? htmlPath : nil, presetsDirectory: Repo.presets)
        request.limits = limits
        let outcome = try Releaser.release(request)
        let jsonText = try String(contentsOfFile: reportPath, encoding: .utf8)
        return Released(
            csv: try String(contentsOfFile: outputPath, encoding: .utf8), report: outcome.report,
            json: (try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any]) ?? [:],
            jsonText: jsonText, html: html ? try String(contentsOfFile: htmlPath, encoding: .utf8) : nil,
            summary: outcome.summary)
    }

    /// `deid check` on a file of the folder (the table by default) with this table's description.
    func check(_ path: String? = nil) throws -> CheckReport {
        try Checker.check(
            CheckRequest(
                source: .file(path ?? tablePath), displayName: ((path ?? tablePath) as NSString).lastPathComponent,
                descriptionFile: descriptionPath, presetsDirectory: Repo.presets))
    }

    var wroteNothing: Bool {
        !FileManager.default.fileExists(atPath: outputPath) && !FileManager.default.fileExists(atPath: reportPath)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func remove() { folder.remove() }
}

enum FixtureRunError: Error {
    /// A local policy was given, but the description does not say `policy: calhhs-ddg-2.0` for it to replace.
    case descriptionNamesAnotherPolicy
}
