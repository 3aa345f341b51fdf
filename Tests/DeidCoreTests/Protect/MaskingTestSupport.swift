import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidEmit
@testable import DeidPipeline

/// Runs the masking fixtures (Tests/Fixtures/ddg) and small inline tables through the real pipeline.
enum Masking {
    static let fixtures = Repo.fixtures + "/ddg"

    /// What a release wrote: the table's text, the report as the pipeline returned it, and the report's JSON as
    /// written to disk.
    struct Released {
        var csv: String
        var report: AuditReport
        var json: [String: Any]
        var summary: String
    }

    /// A folder with a table, its description and optionally a local policy, built from text.
    struct Case {
        let folder: TemporaryFolder
        var table: String { folder.path + "/table.csv" }
        var rules: String { folder.path + "/table.deid.yaml" }
        var output: String { folder.path + "/release.csv" }
        var reportFile: String { folder.path + "/audit.json" }

        init(csv: String, description: String, policy: String? = nil) throws {
            folder = try TemporaryFolder()
            try folder.write("table.csv", csv)
            try folder.write("table.deid.yaml", description)
            if let policy { try folder.write("policy.yaml", policy) }
        }

        /// A copy of a fixture folder's table and description.
        init(fixture name: String, policy: String? = nil) throws {
            try self.init(
                csv: String(contentsOfFile: Masking.fixtures + "/\(name)/table.csv", encoding: .utf8),
                description: String(contentsOfFile: Masking.fixtures + "/\(name)/table.deid.yaml", encoding: .utf8)
                    .replacingOccurrences(
                        of: "policy: calhhs-ddg-2.0",
                        with: policy == nil ? "policy: calhhs-ddg-2.0" : "policy: policy.yaml"),
                policy: policy)
        }

        func release() throws -> Released {
            let request = ReleaseRequest(
                source: .file(table), displayName: "table.csv", descriptionFile: rules, output: output, report: reportFile,
                presetsDirectory: Repo.presets)
            let outcome = try Releaser.release(request)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportFile)))
            return Released(
                csv: try String(contentsOfFile: output, encoding: .utf8), report: outcome.report,
                json: json as? [String: Any] ?? [:], summary: outcome.summary)
        }

        func check(_ path: String? = nil) throws -> CheckReport {
            try Checker.check(
                CheckRequest(
                    source: .file(path ?? table), displayName: "table.csv", descriptionFile: rules,
                    presetsDirectory: Repo.presets))
        }

        var wroteNothing: Bool {
            !FileManager.default.fileExists(atPath: output) && !FileManager.default.fileExists(atPath: reportFile)
        }

        /// The table as the release reads it, with its description and policy.
        func load() throws -> (table: Table, description: TableDescription, policy: Policy) {
            let description = try TableDescription.load(path: rules)
            let policy = try Policy.load(for: description, presetsDirectory: Repo.presets)
            let loaded = try TableLoader.load(
                .file(table), displayName: "table.csv", description: description, policy: policy, purpose: .release)
            return (loaded.table, description, policy)
        }

        func remove() { folder.remove() }
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + "/\(name)/expected-release.csv", encoding: .utf8)
    }

    /// The 2.0 preset with one line replaced, for a local policy.
    static func preset(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: Repo.presets + "/calhhs-ddg-2.0.yaml", encoding: .utf8)
        #expect(text.contains(old), "the preset no longer contains \(old)")
        return text.replacingOccurrences(of: "name: calhhs-ddg-2.0", with: "name: local-test")
            .replacingOccurrences(of: old, with: new)
    }

    /// Rows of a CSV text as fields (no quoting in these fixtures).
    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}

extension Table {
    /// The cell with these labels, in dimension order (tests only).
    func cell(_ labels: String...) -> Int? {
        var key: [Int32] = []
        for (d, label) in labels.enumerated() {
            guard let v = dimensions[d].labels.firstIndex(of: label) else { return nil }
            key.append(Int32(v))
        }
        return cell(at: key)
    }

    /// Whether every relation's published total equals the sum of its parts.
    var relationsHold: Bool {
        relations.allSatisfy { relation in
            counts[relation.total] == relation.parts.reduce(0) { $0 + counts[Int($1)] }
        }
    }
}

/// Runs `body`, which must throw an error of type `E`, and returns it.
func expectError<E: Error>(_ type: E.Type, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> E? {
    do {
        try body()
        Issue.record("expected \(E.self), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected \(E.self), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
