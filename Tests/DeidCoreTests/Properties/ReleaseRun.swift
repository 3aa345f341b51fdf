import Foundation
@testable import DeidDescription
@testable import DeidModel
@testable import DeidProtect
@testable import DeidEmit
@testable import DeidPipeline

/// One `deid release` through the library, in a temporary folder: `table.csv` and `table.deid.yaml` in,
/// `out.csv` and `out.json` out.
struct ReleaseRun {
    let folder: TemporaryFolder
    let description: TableDescription
    let policy: Policy
    let input: PlainCSV

    var tablePath: String { folder.path + "/table.csv" }
    var rulesPath: String { folder.path + "/table.deid.yaml" }
    var outputPath: String { folder.path + "/out.csv" }
    var reportPath: String { folder.path + "/out.json" }

    init(csv: String, yaml: String) throws {
        folder = try TemporaryFolder()
        try folder.write("table.csv", csv)
        try folder.write("table.deid.yaml", yaml)
        description = try TableDescription.load(path: folder.path + "/table.deid.yaml")
        policy = try Policy.load(for: description, presetsDirectory: Repo.presets)
        input = try PlainCSV(text: csv)
    }

    /// Copies a fixture folder's `table.csv` and `table.deid.yaml`.
    init(fixture: String) throws {
        try self.init(
            csv: String(contentsOfFile: fixture + "/table.csv", encoding: .utf8),
            yaml: String(contentsOfFile: fixture + "/table.deid.yaml", encoding: .utf8))
    }

    /// The table as `release` models it.
    func table() throws -> Table {
        try TableLoader.load(
            .file(tablePath), displayName: "table.csv", description: description, policy: policy, purpose: .release
        ).table
    }

    /// The modelled table of `csv` described by `yaml`; the temporary folder is gone when it returns.
    static func table(_ csv: String, _ yaml: String) throws -> Table {
        let run = try ReleaseRun(csv: csv, yaml: yaml)
        defer { run.remove() }
        return try run.table()
    }

    /// `exactUpTo: 0` protects every component greedily.
    @discardableResult
    func release(exactUpTo: Int = OptimalSuppression.maximumCells) throws -> ReleaseOutcome {
        var request = ReleaseRequest(
            source: .file(tablePath), displayName: "table.csv", descriptionFile: rulesPath, output: outputPath,
            report: reportPath, presetsDirectory: Repo.presets)
        request.exactUpTo = exactUpTo
        return try Releaser.release(request)
    }

    func released() throws -> PlainCSV { try PlainCSV(file: outputPath) }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// `deid check` on a file in the folder with this table's description.
    func check(_ path: String) throws -> CheckReport {
        try Checker.check(
            CheckRequest(source: .file(path), displayName: (path as NSString).lastPathComponent, descriptionFile: rulesPath,
                         presetsDirectory: Repo.presets))
    }

    func verifier(nodeBudget: Int = 200_000) -> ReleaseVerifier {
        var verifier = ReleaseVerifier(description: description, policy: policy)
        verifier.nodeBudget = nodeBudget
        return verifier
    }

    /// The report's hidden cells: data row (0-based) → audited interval (upper nil: unbounded), label mode.
    func reportedIntervals() throws -> (intervals: [Int: (lower: Int, upper: Int?)], labels: String?) {
        let object = try JSONSerialization.jsonObject(with: bytes(reportPath)) as? [String: Any]
        let cells = object?["hidden_cells"] as? [[String: Any]] ?? []
        var intervals: [Int: (lower: Int, upper: Int?)] = [:]
        let dims = description.dimensions.compactMap { input.column($0.column) }
        let rowOf = Dictionary(input.rows.enumerated().map { r, row in (dims.map { row[$0] }, r) }, uniquingKeysWith: { a, _ in a })
        for cell in cells {
            let key = (cell["cell"] as? [[String: String]] ?? []).compactMap { $0["value"] }
            let interval = cell["interval"] as? [String: Any]
            guard let row = rowOf[key], let lower = interval?["lower"] as? Int else { continue }
            intervals[row] = (lower, interval?["upper"] as? Int)
        }
        let labels = ((object?["summary"] as? [String: Any])?["labels"] as? [String: Any])?["mode"] as? String
        return (intervals, labels)
    }

    func remove() { folder.remove() }
}
