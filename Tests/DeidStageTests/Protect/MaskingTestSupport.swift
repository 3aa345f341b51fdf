import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidEmit
@testable import DeidPipeline

/// Helpers for the masking fixtures (Tests/Fixtures/ddg); `FixtureRun` runs them through the pipeline.
enum Masking {
    static let fixtures = Repo.fixtures + "/ddg"

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
