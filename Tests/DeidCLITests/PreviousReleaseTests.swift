import Foundation
import Testing

/// `release --previous`: an update of a published table keeps hidden every cell the previous release hid, so
/// that showing it now cannot give last time's value away by differencing.
@Suite struct PreviousReleaseTests {
    /// County × Sex of the linked trio, released; then a revision in which Inyo's Male count grows from 6 to 11
    /// (with Inyo's and California's totals), so that Inyo no longer needs hiding on its own.
    static func scratchWithRevision() throws -> Scratch {
        let scratch = try Scratch()
        for name in ["county-sex.csv", "county-sex.deid.yaml"] {
            try FileManager.default.copyItem(
                atPath: Repo.fixtures + "/linked/trio/" + name, toPath: scratch.path + "/" + name)
        }
        let first = try Deid.run(
            ["release", "-q", "county-sex.csv", "-o", "v1.csv", "--report", "v1.json", "--description",
             "county-sex.deid.yaml"], in: scratch.path)
        #expect(first.status == 0, "\(first)")
        var rows = try CSVText.rows(try scratch.read("county-sex.csv"))
        for r in rows.indices where [["Inyo", "Male"], ["Inyo", "Total"], ["California", "Male"], ["California", "Total"]]
            .contains([rows[r][0], rows[r][1]])
        {
            rows[r][2] = String((Int(rows[r][2]) ?? 0) + 5)
        }
        try scratch.write("v2-input.csv", rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        return scratch
    }

    /// Cells blank in `old` and shown in `new`, as "County/Sex".
    static func shownAgain(_ scratch: Scratch, old: String, new: String) throws -> [String] {
        let before = try CSVText.rows(try scratch.read(old))
        let after = try CSVText.rows(try scratch.read(new))
        return zip(before.dropFirst(), after.dropFirst()).filter { $0.0[2].isEmpty && !$0.1[2].isEmpty }
            .map { "\($0.0[0])/\($0.0[1])" }
    }

    @Test func anUpdateKeepsHiddenWhatThePreviousReleaseHid() throws {
        let scratch = try Self.scratchWithRevision()
        defer { scratch.remove() }
        let arguments = ["release", "-q", "v2-input.csv", "--description", "county-sex.deid.yaml"]
        let naive = try Deid.run(arguments + ["-o", "naive.csv", "--report", "naive.json"], in: scratch.path)
        #expect(naive.status == 0, "\(naive)")
        // Released without --previous, Inyo's Female count (unchanged) is shown: last time's hidden value.
        #expect(try Self.shownAgain(scratch, old: "v1.csv", new: "naive.csv").contains("Inyo/Female"))

        let update = try Deid.run(
            arguments + ["--previous", "v1.csv", "-o", "v2.csv", "--report", "v2.json"], in: scratch.path)
        #expect(update.status == 0, "\(update)")
        #expect(try Self.shownAgain(scratch, old: "v1.csv", new: "v2.csv").isEmpty)
        let report = try scratch.read("v2.json")
        #expect(report.contains("\"hidden-in-previous-release\""), "\(report)")
        #expect(report.contains("an update of v1.csv: the 14 cells it hid stay hidden"), "\(report)")
        // The update section lists, by their labels, the cells hidden for the first time: those blank in v2 and
        // not in v1. None is shown again.
        let object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        let section = try #require(object?["update"] as? [String: Any])
        let listed = (section["newly_hidden"] as? [[[String: String]]] ?? []).map { cell in
            cell.compactMap { $0["value"] }.joined(separator: "/")
        }
        let v1 = try CSVText.rows(try scratch.read("v1.csv")).dropFirst()
        let v2 = try CSVText.rows(try scratch.read("v2.csv")).dropFirst()
        let expected = zip(v1, v2).filter { !$0.0[2].isEmpty && $0.1[2].isEmpty }.map { "\($0.1[0])/\($0.1[1])" }
        #expect(Set(listed) == Set(expected) && listed.count == expected.count, "\(listed) vs \(expected)")
        #expect(section["kept"] as? Int == 14 && (section["newly_shown"] as? [Any])?.isEmpty == true)
    }

    @Test func theUpdateMustHaveThePreviousReleasesColumns() throws {
        let scratch = try Self.scratchWithRevision()
        defer { scratch.remove() }
        try FileManager.default.copyItem(
            atPath: Repo.fixtures + "/linked/trio/county-age.csv", toPath: scratch.path + "/other.csv")
        try FileManager.default.copyItem(
            atPath: Repo.fixtures + "/linked/trio/county-age.deid.yaml", toPath: scratch.path + "/other.deid.yaml")
        // Each table under its own description: the previous release's is found beside it.
        try FileManager.default.copyItem(
            atPath: scratch.path + "/county-sex.deid.yaml", toPath: scratch.path + "/v2-input.deid.yaml")
        let run = try Deid.run(
            ["release", "v2-input.csv", "--previous", "other.csv", "-o", "v2.csv", "--report", "v2.json"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("an update must have the same ones"), "\(run)")
        #expect(!scratch.exists("v2.csv") && !scratch.exists("v2.json"))
    }

    @Test func thePreviousReleaseIsAnInputNoOutputMayReplace() throws {
        let scratch = try Self.scratchWithRevision()
        defer { scratch.remove() }
        let before = try scratch.bytes("v1.csv")
        let run = try Deid.run(
            ["release", "v2-input.csv", "--description", "county-sex.deid.yaml", "--previous", "v1.csv", "-o", "v1.csv",
             "--report", "v2.json"], in: scratch.path)
        #expect(run.status == 2, "\(run)")
        #expect(try scratch.bytes("v1.csv") == before)
    }

    /// Three monthly releases, each an update of the one before: no cell hidden in any month is shown in a later
    /// one (zeros aside), though each month's counts differ.
    @Test func aMonthlySequenceNeverShowsWhatAnEarlierMonthHid() throws {
        let scratch = try Self.scratchWithRevision()
        defer { scratch.remove() }
        // Month 3: Inyo's Female count grows too, and Trinity's Male count, with their totals.
        var rows = try CSVText.rows(try scratch.read("v2-input.csv"))
        let bumps: [[String]: Int] = [
            ["Inyo", "Female"]: 4, ["Inyo", "Total"]: 4, ["Trinity", "Male"]: 5, ["Trinity", "Total"]: 5,
            ["California", "Female"]: 4, ["California", "Male"]: 5, ["California", "Total"]: 9,
        ]
        for r in rows.indices.dropFirst() {
            if let bump = bumps[[rows[r][0], rows[r][1]]] { rows[r][2] = String((Int(rows[r][2]) ?? 0) + bump) }
        }
        try scratch.write("v3-input.csv", rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n")
        var previous = "v1.csv"
        for month in ["v2", "v3"] {
            let run = try Deid.run(
                ["release", "-q", "\(month)-input.csv", "--description", "county-sex.deid.yaml", "--previous", previous,
                 "-o", "\(month).csv", "--report", "\(month).json"], in: scratch.path)
            #expect(run.status == 0, "\(run)")
            previous = "\(month).csv"
        }
        #expect(try Self.shownAgain(scratch, old: "v1.csv", new: "v2.csv").isEmpty)
        #expect(try Self.shownAgain(scratch, old: "v2.csv", new: "v3.csv").isEmpty)
        #expect(try Self.shownAgain(scratch, old: "v1.csv", new: "v3.csv").isEmpty)
    }
}
