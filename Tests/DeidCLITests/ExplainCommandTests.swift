import Foundation
import Testing

/// `deid explain`: every code a finding can carry is listed and explained; an unknown code is a usage error.
@Suite struct ExplainCommandTests {
    static let codes = [
        "derived-with-hidden-count", "rounded-zero-percent", "small-count", "under-protected", "unreliable-estimate",
    ]

    @Test func withoutACodeEveryCodeIsListedWithItsSummary() throws {
        let run = try Deid.run(["explain"], in: Repo.root)
        #expect(run.status == 0, "\(run)")
        let listed = run.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(Array(listed.prefix(Self.codes.count)) == Self.codes, "\(run)")
        #expect(run.stdout.contains("small-count                A non-zero count below the numerator threshold"))
        #expect(run.stdout.contains("deid explain CODE"))
    }

    @Test(arguments: codes) func eachCodeIsExplainedWithItsSourceAndWhatToDo(code: String) throws {
        let run = try Deid.run(["explain", code], in: Repo.root)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix(code + "\n  "))
        for heading in ["What it means", "Where the DDG asks for it", "What to do"] {
            #expect(run.stdout.contains("\n\(heading)\n  "), "\(heading) in \(run)")
        }
        #expect(run.stdout.contains("DDG"))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "lines wrap at 100 columns")
    }

    @Test func caseDoesNotMatter() throws {
        let run = try Deid.run(["explain", "Small-Count"], in: Repo.root)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("small-count\n  A non-zero count"))
    }

    @Test func anUnknownCodeIsAUsageErrorNamingTheCodes() throws {
        let run = try Deid.run(["explain", "small-counts"], in: Repo.root)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no finding code 'small-counts'; the codes are: " + Self.codes.joined(separator: ", ")))
        #expect(run.stderr.contains("deid explain"))
    }

    /// The codes findings carry in SARIF are the codes `explain` knows, and each SARIF rule has its help text.
    @Test func sarifRulesCarryTheExplanations() throws {
        let run = try Deid.run(["check", "--format", "sarif", "Samples/county-age-sex.csv"], in: Repo.root)
        #expect(run.status == 1, "\(run)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == Self.codes)
        for rule in rules {
            let help = (rule["help"] as? [String: Any])?["text"] as? String
            #expect(help?.contains("What to do:") == true, "\(rule)")
        }
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { Self.codes.contains($0["ruleId"] as? String ?? "") })
    }
}
