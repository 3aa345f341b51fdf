import Foundation
import Testing

/// The fuzz targets' mutation harness (`deid-fuzz`, built with the tests) on every target, from the same seeds
/// scripts/fuzz.sh gives libFuzzer: a few thousand deterministic mutants per target in every test run.
@Suite struct FuzzHarnessTests {
    static let mutants = 3_000

    @Test(arguments: ["csv", "table", "description", "number"])
    func noMutantBreaksAnInvariant(_ target: String) throws {
        let deid = try #require(Deid.executable)
        let harness = (deid as NSString).deletingLastPathComponent + "/deid-fuzz"
        try #require(FileManager.default.isExecutableFile(atPath: harness), "build the tests: deid-fuzz is missing")
        let seeds = try Scratch(prefix: "deid-fuzz-seeds")
        defer { seeds.remove() }
        try copySeeds(for: target, into: seeds.path)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: harness)
        process.arguments = [target, seeds.path, String(Self.mutants), "7"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\(Self.mutants) mutants (seed 7), no invariant broken"), "\(text)")
    }

    private func copySeeds(for target: String, into folder: String) throws {
        let manager = FileManager.default
        var sources: [String] = []
        switch target {
        case "number":
            sources = try manager.contentsOfDirectory(atPath: Repo.root + "/Tests/Fuzz/number")
                .map { Repo.root + "/Tests/Fuzz/number/" + $0 }
        case "description":
            for root in [Repo.fixtures, Repo.presets] {
                sources += (manager.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".yaml") }.map { root + "/" + $0 }
            }
        default:
            sources = (manager.subpaths(atPath: Repo.fixtures) ?? []).filter { $0.hasSuffix(".csv") }
                .map { Repo.fixtures + "/" + $0 }
                .filter { ((try? manager.attributesOfItem(atPath: $0))?[.size] as? Int ?? 0) < 4096 }
        }
        try #require(!sources.isEmpty)
        for (index, source) in sources.sorted().enumerated() {
            try manager.copyItem(atPath: source, toPath: folder + "/\(index)")
        }
    }
}
