import Foundation
import Testing
@testable import DeidCore

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
