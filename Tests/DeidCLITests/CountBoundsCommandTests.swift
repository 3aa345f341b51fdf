import Foundation
import Testing

/// `count_bounds:` deaths ≤ cases, declared, is known to the audit: a release whose hidden deaths are safe when
/// nothing ties the counts together is under-protected once the bound is declared, and `release` protects it.
@Suite struct CountBoundsCommandTests {
    static let description = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          high_risk: none
          dimensions:
            - column: County
              role: residence_geography
              total: Total
              populations: {Alder: 40000, Birch: 50000}
          count: [cases, deaths]

        """
    static let bound = "  count_bounds:\n    - {count: deaths, at_most: cases}\n"

    /// Deaths hidden in both counties, the cases beside them published: with the total, Alder's deaths lie
    /// anywhere from 1 to 29; knowing deaths ≤ cases, from 1 to 11.
    static let careless = "County,cases,deaths\nAlder,11,\nBirch,40,\nTotal,51,30\n"

    static func folder(bound: Bool) throws -> Scratch {
        try SampleTables.folder([("careless", Self.careless, Self.description + (bound ? Self.bound : ""))])
    }

    @Test func withoutTheBoundTheHiddenDeathsAreWideEnough() throws {
        let scratch = try Self.folder(bound: false)
        defer { scratch.remove() }
        let run = try Deid.run(["check", "careless.csv"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
    }

    @Test func withTheBoundTheyAreNarrowedAndReleaseProtectsThem() throws {
        let scratch = try Self.folder(bound: true)
        defer { scratch.remove() }
        let check = try Deid.run(["check", "careless.csv"], in: scratch.path)
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("under-protected"), "\(check)")
        #expect(check.stdout.contains("County=Alder"), "\(check)")

        try scratch.write("raw.csv", "County,cases,deaths\nAlder,11,3\nBirch,40,27\nTotal,51,30\n")
        try scratch.write("raw.deid.yaml", Self.description + Self.bound)
        let release = try Deid.run(["release", "raw.csv", "-o", "out.csv", "--report", "out.json"], in: scratch.path)
        #expect(release.status == 0, "\(release)")
        try scratch.write("out.deid.yaml", Self.description + Self.bound)
        let recheck = try Deid.run(["check", "out.csv"], in: scratch.path)
        #expect(recheck.status == 0, "\(recheck)")
    }

    @Test func aRowThatBreaksTheBoundIsRefused() throws {
        let scratch = try SampleTables.folder([
            ("bad", "County,cases,deaths\nAlder,11,12\nBirch,40,18\nTotal,51,30\n", Self.description + Self.bound)
        ])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "bad.csv"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("bad.csv:2: error: 'deaths' is larger than 'cases' on this row"), "\(run)")
    }

    @Test func aBoundNeedsTwoCounts() throws {
        let scratch = try SampleTables.folder([
            ("one", "County,cases\nAlder,11\nBirch,40\nTotal,51\n",
             Self.description.replacingOccurrences(of: "[cases, deaths]", with: "cases") + Self.bound)
        ])
        defer { scratch.remove() }
        let run = try Deid.run(["check", "one.csv"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("`count_bounds:` relates count columns; `count:` lists only one"), "\(run)")
    }
}
