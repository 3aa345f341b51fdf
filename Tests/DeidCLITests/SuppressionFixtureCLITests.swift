import Foundation
import Testing

/// The suppression fixtures (`Tests/Fixtures/suppression/`, described in DeidStageTests'
/// SuppressionFixtureTests) through the built `deid`: hand-made releases fail `check` with exit 1, naming
/// exactly the expected cells; `release` of the raw table writes a release that `check` passes with exit 0.
@Suite struct SuppressionFixtureCLITests {
    static let folder = Repo.fixtures + "/suppression"
    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test(arguments: cases)
    func handMadeReleasesFailAndDeidsReleasePasses(_ name: String) throws {
        let scratch = try Scratch(prefix: "deid-suppression-\(name)")
        defer { scratch.remove() }
        try scratch.copyContents(of: Self.folder + "/" + name)
        let expected = try JSONSerialization.jsonObject(with: Data(try scratch.bytes("expected.json"))) as? [String: Any]
        let dimensions = dimensionColumns(try scratch.read("table.deid.yaml"))

        for hand in expected?["check"] as? [[String: Any]] ?? [] {
            let file = try #require(hand["file"] as? String)
            let run = try Deid.run(["check", "--format", "json", "--description", "table.deid.yaml", file], in: scratch.path)
            #expect(Int(run.status) == hand["exit"] as? Int, "\(run)")
            let document = try JSONSerialization.jsonObject(with: Data(run.stdoutBytes)) as? [String: Any]
            let findings = (document?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
            let named = findings.map { finding in
                (finding["cell"] as? [[String: String]] ?? []).map { "\($0["dimension"] ?? "")=\($0["value"] ?? "")" }
            }
            let wanted = (hand["under_protected"] as? [[String]] ?? []).map { cell in
                zip(dimensions, cell).map { "\($0)=\($1)" }
            }
            #expect(Set(named) == Set(wanted), "\(run)")
            #expect(findings.allSatisfy { $0["rule"] as? String == "under-protected" }, "\(run)")
        }

        let release = try Deid.run(["release", "table.csv", "-o", "out.csv", "--report", "out.json"], in: scratch.path)
        #expect(release.status == 0, "\(release)")
        let recheck = try Deid.run(["check", "--description", "table.deid.yaml", "out.csv"], in: scratch.path)
        #expect(recheck.status == 0 && recheck.stdout.isEmpty, "\(recheck)")
    }

    /// The `- column:` names of a description, in order (enough YAML for these fixtures).
    private func dimensionColumns(_ yaml: String) -> [String] {
        yaml.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            return text.hasPrefix("- column: ") ? String(text.dropFirst("- column: ".count)) : nil
        }
    }
}
