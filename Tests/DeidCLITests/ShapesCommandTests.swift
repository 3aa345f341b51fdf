import Foundation
import Testing

/// The shapes of real CHHS portal files (`Tests/Fixtures/shapes`, made by `make-shapes.py`), each with the
/// description a user writes for it: `check` finds what the file as given leaves exposed, `release` protects it,
/// and `check` of the release finds nothing.
@Suite struct ShapesCommandTests {
    static let shapes = ["dental-no-data", "republished-note", "vpd-ragged", "tract-sparse"]

    @Test(arguments: shapes)
    func releasedAndChecked(_ shape: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyContents(of: Repo.fixtures + "/shapes")
        let raw = try Deid.run(["check", "\(shape).csv"], in: scratch.path)
        #expect(raw.status == 1, "\(raw)")
        let run = try Deid.run(["release", "\(shape).csv", "-o", "out.csv", "--report", "out.json"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        try FileManager.default.copyItem(
            atPath: scratch.path + "/\(shape).deid.yaml", toPath: scratch.path + "/out.deid.yaml")
        let check = try Deid.run(["check", "out.csv"], in: scratch.path)
        #expect(check.status == 0, "\(check)")
    }

    /// The no-data code stays on its row, empty; the placeholder counts of marked rows are not published.
    @Test func codesAndMarksAreKeptOrDropped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyContents(of: Repo.fixtures + "/shapes")
        for shape in ["dental-no-data", "republished-note"] {
            let run = try Deid.run(["release", "-q", "\(shape).csv", "-o", "\(shape).out.csv", "--report", "\(shape).json"], in: scratch.path)
            #expect(run.status == 0, "\(run)")
        }
        let dental = try CSVText.rows(try scratch.read("dental-no-data.out.csv"))
        #expect(dental.contains(["Inyo", "2022", "", "3"]))
        let marked = try CSVText.rows(try scratch.read("republished-note.out.csv"))
        #expect(marked.filter { $0[3] == "<11" }.allSatisfy { $0[2].isEmpty })
        #expect(marked.contains { $0[3] == "<11" })
    }
}
