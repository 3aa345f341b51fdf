import Foundation
import Testing
@testable import DeidCore

/// Every folder `Tests/Fixtures/bad-input/rules-*` holds a bad description (`table.deid.yaml`, and possibly a
/// policy file it names), a valid `table.csv`, and `expected-error.txt` with a phrase of the expected message.
/// The line that must be reported is marked `# <- error` in whichever YAML file the error is in.
/// The CLI's end-to-end test runs `deid` on the same folders and expects exit 2 and the same phrase.
@Suite struct RulesBadInputFixtureTests {
    static let folder = Repo.fixtures + "/bad-input"
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix("rules-") }.sorted()
    }()

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func reportsTheMarkedLineAndTheExpectedPhrase(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let phrase = try String(contentsOfFile: folder + "/expected-error.txt", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!phrase.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder + "/table.csv"))
        let marked = try markedLine(in: folder)

        let error = rulesError { () throws(RulesError) in
            let description = try TableDescription.load(path: folder + "/table.deid.yaml")
            return try Policy.load(for: description, presetsDirectory: Repo.presets)
        }
        guard let error else { return }
        #expect(error.description.contains(phrase), "\(error.description)")
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
