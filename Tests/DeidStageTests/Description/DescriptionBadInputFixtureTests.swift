import Foundation
import Testing
@testable import DeidDescription

/// The folders `Tests/Fixtures/bad-input/description-*` that mark a YAML line `# <- error` hold a bad description
/// (`table.deid.yaml`, and possibly a policy file it names), a valid `table.csv`, and `expected-error.txt` with
/// the exact line `deid` prints. Loaded here without the executable, the error must carry the same message and
/// point at the marked line. (The CLI's corpus test runs `deid` on every folder, with its `setup.sh`.)
@Suite struct DescriptionBadInputFixtureTests {
    static let folder = Repo.fixtures + "/bad-input"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            let path = folder + "/" + name
            return name.hasPrefix("description-") && !FileManager.default.fileExists(atPath: path + "/setup.sh")
                && (try? FileManager.default.subpathsOfDirectory(atPath: path))?.contains { file in
                    file.hasSuffix(".yaml")
                        && ((try? String(contentsOfFile: path + "/" + file, encoding: .utf8)) ?? "").contains("# <- error")
                } == true
        }.sorted()
    }()

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func reportsTheMarkedLineAndTheExpectedPhrase(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let line = try String(contentsOfFile: folder + "/expected-error.txt", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "{presets}", with: Repo.presets)
        let expected = try #require(line.firstRange(of: ": error: ").map { String(line[$0.upperBound...]) })
        #expect(FileManager.default.fileExists(atPath: folder + "/table.csv"))
        let marked = try markedLine(in: folder)

        let error = descriptionError { () throws(DescriptionError) in
            let description = try TableDescription.load(path: folder + "/table.deid.yaml")
            // The built-in presets, as the CLI uses them (their files are Repo.presets', byte for byte).
            let builtIn = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("DEID_") }
            return try Policy.load(for: description, presetsDirectory: try PresetLocator(environment: builtIn).locate())
        }
        guard let error else { return }
        // The CLI runs in the fixture's folder and names files relative to it.
        #expect(error.message.replacingOccurrences(of: folder + "/", with: "") == expected, "\(error.description)")
        #expect(error.location?.file.hasSuffix("/" + marked.file) == true, "\(error.description)")
        #expect(error.location?.line == marked.line, "\(error.description)")
    }

    /// The one `# <- error` marker among the folder's YAML files.
    private func markedLine(in folder: String) throws -> (file: String, line: Int) {
        var found: [(String, Int)] = []
        for file in try FileManager.default.subpathsOfDirectory(atPath: folder) where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("# <- error") {
                found.append((file, index + 1))
            }
        }
        try #require(found.count == 1, "each fixture marks exactly one line with '# <- error'")
        return found[0]
    }
}
