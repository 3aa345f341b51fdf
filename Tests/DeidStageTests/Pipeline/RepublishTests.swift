import Foundation
import Testing

@testable import DeidDescription
@testable import DeidPipeline

/// `release` on a published table (blank counts with annotation codes): the cells it hid stay hidden with their
/// codes, deid hides what the audit over the published numbers needs, and an independent attacker finds nothing.
@Suite struct RepublishTests {
    /// The unmasked table (`Tests/Fixtures/canary`): Alder/Female = 7 and Birch/Male = 9 are small.
    static let truth = Repo.fixtureText("canary/county-sex.csv")

    /// A careless release of it: the two small counts blanked and coded small, nothing else hidden, so both
    /// follow from their county totals (the fixture also leaves Alder/Female's rate in; here it is blanked).
    static let leaky = Repo.fixtureText("canary/county-sex-careless-release.csv")
        .replacingOccurrences(of: "Alder,Female,,18233,38.39,1", with: "Alder,Female,,18233,,1")

    static let yaml = Repo.fixtureText("canary/county-sex.deid.yaml")

    static func attack(_ release: PlainCSV, run: FixtureRun) throws -> [String] {
        let truth = try PlainCSV(text: Self.truth)
        return try LinkedVerifier(parts: [
            LinkedVerifier.Part(verifier: try run.verifier(), input: truth, release: release)
        ]).violations()
    }

    @Test func theLeakyReleaseIsRepairedAndKeepsItsCodes() throws {
        let run = try FixtureRun(csv: Self.leaky, description: Self.yaml)
        defer { run.remove() }
        #expect(try !Self.attack(try PlainCSV(text: Self.leaky), run: run).isEmpty, "the input leaks")
        #expect(try run.check().hasErrors)

        let released = try run.release()
        let output = try PlainCSV(text: released.csv)
        // The input's columns, the annotation column rewritten in place, not added again.
        #expect(output.header == ["County", "Sex", "Cases", "Population", "Rate", "Annotation"])
        #expect(output.rows[0][2].isEmpty && output.rows[0][5] == "1")
        #expect(output.rows[4][2].isEmpty && output.rows[4][5] == "1")
        let hidden = output.rows.filter { $0[2].isEmpty }
        #expect(hidden.count > 2 && hidden.allSatisfy { !$0[5].isEmpty && $0[4].isEmpty })
        #expect(released.report.summary.hiddenByReason[.inputBlank] == 2)
        #expect(released.report.summary.notes.contains { $0.contains("already published with 2 hidden cells") })

        let violations = try Self.attack(output, run: run)
        #expect(violations.isEmpty, "\(violations)")
        #expect(try !run.check(run.outputPath).hasErrors)
    }

    /// A published rate beside a hidden count cannot be taken back: the report says so.
    @Test func aRatePublishedBesideAHiddenCountIsReported() throws {
        let withRate = Repo.fixtureText("canary/county-sex-careless-release.csv")
        let run = try FixtureRun(csv: withRate, description: Self.yaml)
        defer { run.remove() }
        let released = try run.release()
        #expect(released.report.summary.notes.contains { $0.contains("beside 1 of its hidden counts") })
        #expect(!released.csv.contains("38.39"))
    }

    /// A release that passes is published again as it is: nothing more to hide.
    @Test func aGoodReleaseGainsNoHiddenCell() throws {
        let first = try FixtureRun(csv: Self.truth, description: Self.yaml)
        defer { first.remove() }
        let original = try first.release()
        let again = try FixtureRun(csv: original.csv, description: Self.yaml)
        defer { again.remove() }
        let second = try again.release()
        #expect(second.csv == original.csv)
        #expect(second.report.summary.notes.contains { $0.contains("and 0 more are hidden now") })
    }

    @Test func recodingAPublishedTableIsRefused() throws {
        let yaml = Self.yaml + "  aggregate:\n    - column: County\n      groups:\n        West: [Alder, Birch]\n"
        let run = try FixtureRun(csv: Self.leaky, description: yaml)
        defer { run.remove() }
        #expect { try run.release() } throws: { error in
            (error as? DescriptionError)?.message.contains("published table to protect again") == true
        }
        #expect(run.wroteNothing)
    }
}
