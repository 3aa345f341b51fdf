import Foundation
import Testing

/// The documented GitHub Actions workflow (`docs/examples/deid-check.yml`): its `deid check` step, run as the
/// runner would in a data repository, writes a SARIF log that code scanning accepts.
@Suite struct CIRecipeTests {
    /// The workflow's `run:` line that calls `deid check`.
    static func checkStep() throws -> String {
        let workflow = try String(contentsOfFile: Repo.root + "/docs/examples/deid-check.yml", encoding: .utf8)
        let line = try #require(workflow.split(separator: "\n").first { $0.contains("run: deid check") })
        return String(line.split(separator: "run: ", maxSplits: 1)[1])
    }

    @Test func theWorkflowsCheckStepWritesSARIFForEveryTable() throws {
        let scratch = try Scratch(prefix: "deid-ci")
        defer { scratch.remove() }
        for name in ["county-age-sex.csv", "county-age-sex.deid.yaml"] {
            try scratch.write("tables/" + name, String(contentsOfFile: Repo.root + "/Samples/" + name, encoding: .utf8))
        }
        let deidFolder = try #require(Deid.executable.map { ($0 as NSString).deletingLastPathComponent })
        let script = "git init -q . && git add -A && \(try Self.checkStep())"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = deidFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "--exit-zero: the upload step always runs")

        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(scratch.read("deid.sarif").utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let uris = results.compactMap {
            ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
                as? [String: Any])?["uri"] as? String
        }
        #expect(Set(uris) == ["tables/county-age-sex.csv"], "paths relative to the repository, as code scanning needs")
    }
}
