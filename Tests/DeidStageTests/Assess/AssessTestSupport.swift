import Foundation
import Testing
@testable import DeidDescription
@testable import DeidModel
@testable import DeidAssess

extension Repo {
    static let references = presets + "/reference"
    static let ddg = fixtures + "/ddg"
}

/// One DDG example from Tests/Fixtures/ddg/<folder>: a description and the table it describes (the CSV named
/// like the description, else table.csv), optionally under the other edition's preset.
struct DDGCase {
    var table: Table
    var description: TableDescription
    var policy: Policy

    init(_ folder: String, _ descriptionName: String = "table.deid.yaml", edition preset: String? = nil) throws {
        let dir = Repo.ddg + "/" + folder
        var description = try TableDescription.load(path: dir + "/" + descriptionName)
        if let preset { description.policy = .preset(preset) }
        let policy = try Policy.load(for: description, presetsDirectory: Repo.presets)
        let stem = String(descriptionName.dropLast(".deid.yaml".count))
        let csv = FileManager.default.fileExists(atPath: "\(dir)/\(stem).csv") ? "\(dir)/\(stem).csv" : "\(dir)/table.csv"
        table = try TableLoader.load(
            .file(csv), displayName: csv, description: description, policy: policy, purpose: .check
        ).table
        self.description = description
        self.policy = policy
    }

    func score() throws -> ScoreBreakdown {
        try Scorer.score(table: table, description: description, policy: policy, referenceDirectory: Repo.references)
    }

    func assess() throws -> Assessment {
        try Assessor.assess(table: table, description: description, policy: policy, referenceDirectory: Repo.references)
    }
}

/// Asserts the total and the points of every counted criterion (and that no other criterion counts).
func expectScore(
    _ score: ScoreBreakdown, total: Int, _ points: [String: Int], sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    var counted: [String: Int] = [:]
    for line in score.criteria where line.counted { counted[line.criterion, default: 0] += line.points }
    let lines = score.criteria.map(\.line).joined(separator: "\n")
    #expect(counted == points, "criteria:\n\(lines)", sourceLocation: sourceLocation)
    #expect(score.total == total, "criteria:\n\(lines)", sourceLocation: sourceLocation)
}

extension ScoreBreakdown {
    func line(_ criterion: String) -> CriterionScore? { criteria.first { $0.criterion == criterion } }
}

/// A small table and description written to a temporary folder, for edge cases too small to deserve a fixture.
struct InlineCase {
    let folder: TemporaryFolder
    let ddg: DDGCase

    /// `table` holds the keys under `table:` (without `input` and `count`, which are `aggregate`/`Cases`).
    init(policy: String = "calhhs-ddg-2.0", table: String, csv: String, edit: ((inout Policy) -> Void)? = nil) throws {
        folder = try TemporaryFolder()
        let yaml = "version: 1\npolicy: \(policy)\ntable:\n  input: aggregate\n  count: Cases\n" + table
        try folder.write("t.deid.yaml", yaml)
        try folder.write("t.csv", csv)
        var description = try TableDescription.load(path: folder.path + "/t.deid.yaml")
        var loadedPolicy = try Policy.load(for: description, presetsDirectory: Repo.presets)
        edit?(&loadedPolicy)
        description.file = folder.path + "/t.deid.yaml"
        ddg = try DDGCase(description: description, policy: loadedPolicy, csv: folder.path + "/t.csv")
    }

    func score() throws -> ScoreBreakdown { try ddg.score() }
    func assess() throws -> Assessment { try ddg.assess() }
    func remove() { folder.remove() }
}

extension DDGCase {
    init(description: TableDescription, policy: Policy, csv: String) throws {
        self.description = description
        self.policy = policy
        table = try TableLoader.load(.file(csv), displayName: csv, description: description, policy: policy, purpose: .check).table
    }
}

/// The AssessError a call throws (nil, with a recorded issue, if it throws none or another error).
func assessError(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> AssessError? {
    do {
        try body()
        Issue.record("expected an AssessError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as AssessError {
        return error
    } catch {
        Issue.record("expected an AssessError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
