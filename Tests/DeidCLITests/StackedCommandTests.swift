import Foundation
import Testing

/// `deid release` and `deid check` on stacked-strata files (`strata:`): the Death Profiles-shaped fixture of
/// `Tests/Fixtures/stacked`, and the leak canary's two breakdowns stacked in one file.
@Suite struct StackedCommandTests {
    static func fixture() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyContents(of: Repo.fixtures + "/stacked")
        return scratch
    }

    @Test func releasesTheStackedFileAndItsReleasePassesCheck() throws {
        let scratch = try Self.fixture()
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "death-profiles.csv", "-o", "released.csv", "--report", "released.audit.json"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let rows = try CSVText.rows(try scratch.read("released.csv"))
        let input = try CSVText.rows(try scratch.read("death-profiles.csv"))
        #expect(rows.count == input.count)
        // Every row keeps its coordinates, stratum columns included, in the input's order.
        for (out, original) in zip(rows, input) { #expect(Array(out.prefix(5)) == Array(original.prefix(5))) }
        #expect(rows.dropFirst().contains { $0[5].isEmpty })
        try FileManager.default.copyItem(
            atPath: scratch.path + "/death-profiles.deid.yaml", toPath: scratch.path + "/released.deid.yaml")
        let check = try Deid.run(["check", "released.csv"], in: scratch.path)
        #expect(check.status == 0, "\(check)")
    }

    /// As given, 2020's left-out Nonbinary/Unknown count is `Total − Female − Male`: `check` says so, at the
    /// computed remainder (no line) and with no count.
    @Test func checkFindsTheLeftOutCategory() throws {
        let scratch = try Self.fixture()
        defer { scratch.remove() }
        let check = try Deid.run(["check", "--format", "json", "death-profiles.csv"], in: scratch.path)
        #expect(check.status == 1, "\(check)")
        let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let findings = ((object?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let remainders = findings.filter { finding in
            finding["rule"] as? String == "under-protected"
                && (finding["cell"] as? [[String: String]] ?? []).contains { $0["value"] == "Not shown" }
        }
        #expect(!remainders.isEmpty, "\(check.stdout.prefix(2000))")
    }

    /// The leak canary's County × Sex and County × Age tables stacked in one file: no report, summary or check
    /// quotes a hidden count, rate or population.
    static let stackedCanary: String = {
        var lines = ["County,Strata,Strata_Name,Cases,Population,Rate"]
        for (table, stratum) in [(LeakCanaryTests.csv, "Sex"), (LeakCanaryTests.byAge, "Age")] {
            for line in table.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if fields[1] == "Total" {
                    if stratum == "Sex" { lines.append(([fields[0], "Total Population", "Total Population"] + fields[2...]).joined(separator: ",")) }
                } else {
                    lines.append(([fields[0], stratum, fields[1]] + fields[2...]).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let stackedDescription = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          strata:
            type: Strata
            value: Strata_Name
            whole_population: Total Population
          dimensions:
            - column: County
              role: residence_geography
              total: Total
            - column: Sex
              role: sex
              stratum: Sex
            - column: Age
              role: age
              stratum: Age
          count: Cases
          denominator: Population
          derived: [Rate]
          annotation: Annotation

        """

    @Test func stackedReleaseAndItsReportPrintNoHiddenValue() throws {
        let scratch = try SampleTables.folder([("table", Self.stackedCanary, Self.stackedDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "table.csv", "-o", "out.csv", "--report", "out.json", "--report-html", "out.html"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let input = try CSVText.rows(Self.stackedCanary)
        let released = try CSVText.rows(try scratch.read("out.csv"))
        let hidden = released.indices.filter { $0 > 0 && released[$0][3].isEmpty }
        #expect(hidden.count >= 4, "\(released)")
        let canary = Canary(values: hidden.flatMap { [input[$0][3], input[$0][4], input[$0][5]] })
        canary.expectNoLeak(in: try scratch.read("out.json"), format: "json")
        canary.expectNoLeak(in: try scratch.read("out.html"), format: "html")
        for format in LeakCanaryTests.formats {
            let check = try Deid.run(["check", "--format", format, "--description", "table.deid.yaml", "out.csv"], in: scratch.path)
            #expect(check.status == 0, "\(check)")
            LeakCanaryTests.expectSummaryOnly(check.stderr, format: format)
            canary.expectNoLeak(in: check.stdout, format: format)
        }
        let raw = try Deid.run(["check", "--format", "json", "table.csv"], in: scratch.path)
        #expect(raw.status == 1, "\(raw)")
        Canary(values: ["7", "9", "38.39", "39.39", "18233", "22846"]).expectNoLeak(in: raw.stdout, format: "json")
    }
}
