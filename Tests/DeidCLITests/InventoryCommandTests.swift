import Foundation
import Testing

/// `deid inventory` on synthetic person records holding each Safe Harbor identifier kind (fake values made
/// here): the status of every column, the quasi-identifiers' measure, the formats, and that no value of any
/// column reaches the output.
@Suite struct InventoryCommandTests {
    /// A deterministic generator of fake records: each identifier kind as its own column.
    struct FakeRecords {
        static let header = [
            "Patient Name", "Email", "Phone", "SSN", "MRN", "Date of Birth", "Admission", "ZIP", "ZIP3", "Age",
            "Age Group", "Sex", "Race/Ethnicity", "County", "Year", "Website", "Device IP", "Notes", "Visits",
            "Report Date",
        ]
        /// Expected status of each column, in header order.
        static let statuses = [
            "identifier", "identifier", "identifier", "identifier", "identifier", "identifier", "identifier",
            "identifier", "identifier", "identifier", "quasi_identifier", "quasi_identifier", "quasi_identifier",
            "identifier", "quasi_identifier", "identifier", "identifier", "identifier", "other", "quasi_identifier",
        ]
        static let ageGroups = ["0-17", "18-44", "45-64", "65+"]
        static let races = ["Asian", "Black", "Hispanic", "White", "Other"]

        var state: UInt64 = 0x9E37_79B9_7F4A_7C15

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func record(_ i: Int) -> [String] {
            let zip3 = i == 7 ? "036" : ["900", "941", "958"][next(3)]  // one record in a restricted area
            let notes = i == 11 ? "call back at jdoe\(i)@example.org" : ["", "follow-up", "no show"][next(3)]
            return [
                "Person\(i) Fakename", "person\(i)@example.com", String(format: "(916) 555-%04d", i),
                String(format: "900-%02d-%04d", i % 100, i), "MRN\(100_000 + i)",
                String(format: "19%02d-%02d-%02d", 40 + next(60), 1 + next(12), 1 + next(28)),
                String(format: "2024-%02d-%02d", 1 + next(12), 1 + next(28)),
                "9\(String(format: "%04d", next(10_000)))", zip3, String(i == 3 ? 93 : next(89)),
                Self.ageGroups[next(4)], ["Female", "Male"][next(2)], Self.races[next(5)], ["Alameda", "Alpine", "Yolo"][next(3)],
                String(2020 + next(4)), "https://example.net/p/\(i)", "10.0.\(i / 256).\(i % 256)", notes,
                String(next(6)), String(2020 + next(4)),
            ]
        }

        static func csv(records: Int) -> (text: String, rows: [[String]]) {
            var generator = FakeRecords()
            let rows = (0..<records).map { generator.record($0) }
            let text = ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
            return (text, rows)
        }
    }

    static func inventory(_ arguments: [String], csv: String, in scratch: Scratch) throws -> DeidRun {
        try scratch.write("people.csv", csv)
        return try Deid.run(["inventory", "people.csv"] + arguments, in: scratch.path)
    }

    @Test func eachIdentifierKindIsFoundAndEveryColumnHasItsStatus() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (csv, _) = FakeRecords.csv(records: 400)
        let run = try Self.inventory(["--format", "json"], csv: csv, in: scratch)
        #expect(run.status == 1, "an identifier makes the exit code 1: \(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["records"] as? Int == 400)
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["column"] as? String } == FakeRecords.header)
        for (column, expected) in zip(columns, FakeRecords.statuses) {
            #expect(column["status"] as? String == expected, "\(column)")
        }
        let reasons = Dictionary(uniqueKeysWithValues: columns.map { ($0["column"] as? String ?? "", $0["reason"] as? String ?? "") })
        #expect(reasons["Email"]?.contains("(F) email addresses: 400 values look like email addresses") == true, "\(reasons)")
        #expect(reasons["Phone"]?.contains("telephone numbers") == true)
        #expect(reasons["SSN"]?.contains("(G) Social Security numbers") == true)
        #expect(reasons["Date of Birth"]?.contains("full dates") == true)
        #expect(reasons["ZIP"]?.contains("5-digit ZIP codes") == true, "\(reasons)")
        #expect(reasons["ZIP3"]?.contains("1 3-digit ZIP area of 4 holds 20,000 people or fewer") == true, "\(reasons)")
        #expect(reasons["Age"]?.contains("1 age over 89") == true, "\(reasons)")
        #expect(reasons["Notes"]?.contains("1 value looks like email addresses") == true, "\(reasons)")
        #expect(reasons["Report Date"] == "dates given as years only (allowed by Safe Harbor)")
        #expect(reasons["MRN"]?.contains("(H) medical record numbers") == true, "\(reasons)")
        #expect(columns.first { $0["column"] as? String == "Visits" }?["type"] as? String == "integer")
        #expect(columns.first { $0["column"] as? String == "Admission" }?["type"] as? String == "date")
    }

    @Test func theQuasiIdentifiersAreMeasuredWithoutListingSmallGroups() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (csv, rows) = FakeRecords.csv(records: 400)
        let run = try Self.inventory(["--format", "json"], csv: csv, in: scratch)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let measure = try #require(json["quasi_identifiers"] as? [String: Any])
        let columns = ["Age Group", "Sex", "Race/Ethnicity", "Year", "Report Date"]
        #expect(measure["columns"] as? [String] == columns)
        // The same figures, counted here from the rows.
        let indices = columns.compactMap { FakeRecords.header.firstIndex(of: $0) }
        var groups: [[String]: Int] = [:]
        for row in rows { groups[indices.map { row[$0] }, default: 0] += 1 }
        #expect(measure["groups"] as? Int == groups.count)
        #expect(measure["k"] as? Int == groups.values.min())
        #expect(measure["unique_records"] as? Int == groups.values.filter { $0 == 1 }.count)
        #expect(measure["small_groups"] as? Int == groups.values.filter { $0 <= 10 }.count)
        #expect(measure["records_in_small_groups"] as? Int == groups.values.filter { $0 <= 10 }.reduce(0, +))
    }

    /// No value of the file appears in any format: identifiers, labels and all (only column names, counts and
    /// shares are printed).
    @Test func noValueReachesTheOutputInAnyFormat() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let (csv, rows) = FakeRecords.csv(records: 200)
        let identifying = Set(rows.flatMap { row in
            zip(row, FakeRecords.statuses).filter { $0.1 == "identifier" && $0.0.count >= 4 }.map(\.0)
        })
        for format in ["markdown", "json", "csv"] {
            let run = try Self.inventory(["--format", format], csv: csv, in: scratch)
            #expect(run.status == 1, "\(run)")
            let leaked = identifying.filter { run.stdout.contains($0) || run.stderr.contains($0) }
            #expect(leaked.isEmpty, "\(format) shows \(leaked.sorted().prefix(5))")
            for label in FakeRecords.races + FakeRecords.ageGroups + ["Female", "Alameda", "Yolo"] {
                #expect(!run.stdout.contains(label), "\(format) shows the value \(label)")
            }
        }
    }

    @Test func declaredStatusesOverrideAndAreChecked() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let csv = "Case Key,Age Group,Sex,County\n" + (0..<50).map { "K\($0 % 5),0-17,Female,Yolo" }.joined(separator: "\n") + "\n"
        try scratch.write("rules.yaml", "quasi_identifiers: [County]\nother: [Case Key]\n")
        let run = try Self.inventory(["--rules", "rules.yaml", "--format", "csv"], csv: csv, in: scratch)
        #expect(run.status == 0, "nothing is an identifier once declared: \(run)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "column,type,distinct,distinct_estimated,missing_share,status,reason")
        #expect(lines[1] == "Case Key,text,5,false,0.0,other,declared in rules.yaml")
        #expect(lines[4] == "County,text,1,false,0.0,quasi_identifier,declared in rules.yaml")

        try scratch.write("bad.yaml", "version: 1\nidentifiers:\n  - Patient Nmae\n")
        let bad = try Self.inventory(["--rules", "bad.yaml"], csv: csv, in: scratch)
        #expect(bad.status == 2 && bad.stdout.isEmpty, "\(bad)")
        #expect(bad.stderr.hasPrefix("bad.yaml:3:5: error: the rules declare 'Patient Nmae', which the file does not have"), "\(bad)")
    }

    @Test func writesToAFileAndReadsStandardInput() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: Repo.root + "/Samples/clinic-visits.csv", toPath: scratch.path + "/visits.csv")
        let file = try Deid.run(["inventory", "visits.csv", "-o", "visits.md"], in: scratch.path)
        #expect(file.status == 1 && file.stdout.isEmpty, "\(file)")
        let markdown = try scratch.read("visits.md")
        #expect(markdown.hasPrefix("# Data-element inventory: visits.csv\n\n20,000 records, 4 columns"), "\(markdown)")
        #expect(markdown.contains("| Patient ID | text |"), "\(markdown)")
        let stdin = try Deid.run(
            ["inventory", "-", "--stdin-filename", "visits.csv"], in: scratch.path, stdin: try scratch.bytes("visits.csv"))
        #expect(stdin.status == 1 && stdin.stdout == markdown, "\(stdin)")

        let clean = "Age Group,Sex,Visits\n" + (0..<30).map { "18-44,\($0 % 2 == 0 ? "Female" : "Male"),\($0 % 4)" }.joined(separator: "\n")
        try scratch.write("clean.csv", clean + "\n")
        let none = try Deid.run(["inventory", "clean.csv"], in: scratch.path)
        #expect(none.status == 0, "no identifier: exit 0: \(none)")
        #expect(none.stdout.contains("Age Group, Sex: 2 combinations of values; the smallest group has 15 records (k = 15)"), "\(none)")
        let empty = try Deid.run(["inventory", "-"], in: scratch.path, stdin: Array("A,B\n".utf8))
        #expect(empty.status == 2 && empty.stderr.contains("no records"), "\(empty)")
    }
}
