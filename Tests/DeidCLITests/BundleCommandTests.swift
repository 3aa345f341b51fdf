import Foundation
import Testing

/// `deid release --bundle DIR`: the portal folder holds the release, a Frictionless Data Package descriptor that
/// the `frictionless` validator accepts, and the data dictionary, and nothing else; refusals leave no folder.
@Suite struct BundleCommandTests {
    static let documents = ["data-dictionary.csv", "data-dictionary.md", "datapackage.json"]

    /// A scratch folder with the sample `name` (its table and description) from `Samples/`.
    static func sample(_ name: String) throws -> Scratch {
        let scratch = try Scratch()
        for file in ["\(name).csv", "\(name).deid.yaml"] {
            try FileManager.default.copyItem(atPath: Repo.root + "/Samples/" + file, toPath: scratch.path + "/" + file)
        }
        return scratch
    }

    static func json(_ scratch: Scratch, _ file: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(try scratch.bytes(file))) as? [String: Any])
    }

    @Test func bundlesTheSampleTableWithItsSchemaAndDictionary() throws {
        let scratch = try Self.sample("county-age-sex")
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "county-age-sex.csv", "--bundle", "portal", "--report", "audit.json"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(Set(scratch.listing()) == Set(["audit.json", "county-age-sex.csv", "county-age-sex.deid.yaml", "portal"]
            + (Self.documents + ["county-age-sex.csv"]).map { "portal/" + $0 }))
        // The release in the bundle is the release `-o` writes.
        let plain = try Deid.run(["release", "county-age-sex.csv", "-o", "plain.csv", "--report", "plain.json"], in: scratch.path)
        #expect(plain.status == 0, "\(plain)")
        #expect(try scratch.bytes("portal/county-age-sex.csv") == scratch.bytes("plain.csv"))

        let package = try Self.json(scratch, "portal/datapackage.json")
        #expect(package["profile"] as? String == "tabular-data-package")
        #expect(package["name"] as? String == "county-age-sex")
        #expect((package["licenses"] as? [[String: Any]])?.first?["name"] as? String == "FILL-IN")
        let resource = try #require((package["resources"] as? [[String: Any]])?.first)
        #expect(resource["path"] as? String == "county-age-sex.csv")
        let digest = try #require((try Self.json(scratch, "audit.json")["output"] as? [String: Any])?["sha256"] as? String)
        #expect(resource["hash"] as? String == "sha256:" + digest)
        #expect(resource["bytes"] as? Int == (try scratch.bytes("portal/county-age-sex.csv")).count)
        let schema = try #require(resource["schema"] as? [String: Any])
        #expect(schema["missingValues"] as? [String] == [""])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        let header = try CSVText.rows(try scratch.read("portal/county-age-sex.csv"))[0]
        #expect(fields.compactMap { $0["name"] as? String } == header)
        #expect(fields.compactMap { $0["type"] as? String }
            == ["string", "string", "string", "string", "integer", "integer", "number", "string"])
        #expect((fields[7]["constraints"] as? [String: Any])?["enum"] as? [String] == ["1|2"])
        let description = try #require(package["description"] as? String)
        #expect(description.contains("Counts from 1 to 10 are hidden"), "\(description)")

        let markdown = try scratch.read("portal/data-dictionary.md")
        for column in header { #expect(markdown.contains("| \(column) |"), "\(column)") }
        #expect(markdown.contains("| 1\\|2 | Annotation 1\\|2: value suppressed"), "\(markdown)")
        let dictionary = CSVText.quotedRows(try scratch.read("portal/data-dictionary.csv"))
        #expect(dictionary[0] == ["kind", "name", "type", "role", "description"])
        #expect(dictionary.filter { $0[0] == "column" }.map { $0[1] } == header)
        #expect(dictionary.filter { $0[0] == "annotation_code" }.map { $0[1] } == ["1|2"])
        #expect(dictionary.last?[0] == "method")
    }

    /// Nothing of the reviewer's report reaches the bundle: no interval, no hidden cell, no input line.
    @Test func theBundleHoldsNothingOfTheReviewersReport() throws {
        let scratch = try Self.sample("county-age-sex")
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "county-age-sex.csv", "--bundle", "portal", "--report", "audit.json", "--report-html", "audit.html"],
            in: scratch.path)
        #expect(run.status == 0, "\(run)")
        for document in Self.documents {
            let text = try scratch.read("portal/" + document).lowercased()
            for word in ["interval", "lower", "upper", "hidden_cells", "\"line\"", "narrowest"] {
                #expect(!text.contains(word), "\(document) mentions \(word)")
            }
        }
        #expect(!scratch.exists("portal/audit.json") && !scratch.exists("portal/audit.html"))
    }

    @Test func bundlesPersonRecordsAndStandardInput() throws {
        let scratch = try Self.sample("clinic-visits")
        defer { scratch.remove() }
        let records = try Deid.run(
            ["release", "clinic-visits.csv", "--bundle", "records", "--report", "records.json"], in: scratch.path)
        #expect(records.status == 0, "\(records)")
        let fields = try #require(
            ((try Self.json(scratch, "records/datapackage.json")["resources"] as? [[String: Any]])?.first?["schema"]
                as? [String: Any])?["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == ["County", "Age Group", "Sex", "Patients", "Annotation"])
        #expect(fields[3]["type"] as? String == "integer")

        let unnamed = try Deid.run(
            ["release", "-", "--description", "clinic-visits.deid.yaml", "--bundle", "stdin", "--report", "s.json"],
            in: scratch.path, stdin: try scratch.bytes("clinic-visits.csv"))
        #expect(unnamed.status == 2 && unnamed.stderr.contains("--stdin-filename NAME.csv"), "\(unnamed)")
        #expect(!scratch.exists("stdin"))
        let named = try Deid.run(
            ["release", "-", "--description", "clinic-visits.deid.yaml", "--stdin-filename", "visits.csv",
             "--bundle", "stdin", "--report", "s.json"],
            in: scratch.path, stdin: try scratch.bytes("clinic-visits.csv"))
        #expect(named.status == 0, "\(named)")
        #expect(try scratch.bytes("stdin/visits.csv") == scratch.bytes("records/clinic-visits.csv"))
    }

    @Test func refusalsLeaveNoFolder() throws {
        let scratch = try Self.sample("county-age-sex")
        defer { scratch.remove() }
        let cases: [(arguments: [String], message: String)] = [
            (["--bundle", "portal", "--report", "portal/audit.json"], "is for reviewers and must not be published"),
            (["--bundle", "portal", "--report", "a.json", "--report-html", "portal/a.html"], "must not be published"),
            (["--bundle", "portal", "-o", "x.csv", "--report", "a.json"], "leave out -o/--output"),
            (["--bundle", "portal"], "--report FILE"),
        ]
        for (arguments, message) in cases {
            let run = try Deid.run(["release", "county-age-sex.csv"] + arguments, in: scratch.path)
            #expect(run.status == 2 && run.stderr.contains(message), "\(arguments): \(run)")
            #expect(!scratch.exists("portal"), "\(arguments)")
        }
        let linked = try Deid.run(
            ["release", "--linked", "county-age-sex.csv", "county-age-sex.csv", "--output-dir", ".", "--bundle", "portal"],
            in: scratch.path)
        #expect(linked.status == 2, "\(linked)")
        // A table deid refuses (its count column is not in the file): exit 2, and the folder it created is gone.
        let description = try scratch.read("county-age-sex.deid.yaml")
        try scratch.write("county-age-sex.deid.yaml", description.replacingOccurrences(of: "count: Cases", with: "count: Casez"))
        let refused = try Deid.run(
            ["release", "county-age-sex.csv", "--bundle", "portal", "--report", "a.json"], in: scratch.path)
        #expect(refused.status == 2, "\(refused)")
        #expect(!scratch.exists("portal") && !scratch.exists("a.json"))
    }

    /// The `frictionless` validator (PyPI, installed by `scripts/install-test-deps.sh`) accepts each bundle: the
    /// sample table, person records and the real TB table as CDPH published it.
    @Test(.enabled(if: Frictionless.executable != nil, "frictionless is not installed: run scripts/install-test-deps.sh"))
    func theFrictionlessValidatorAcceptsEachBundle() throws {
        let scratch = try Self.sample("county-age-sex")
        defer { scratch.remove() }
        for file in ["clinic-visits.csv", "clinic-visits.deid.yaml"] {
            try FileManager.default.copyItem(atPath: Repo.root + "/Samples/" + file, toPath: scratch.path + "/" + file)
        }
        for file in ["tb-cases-lhj.csv", "tb-cases-lhj.deid.yaml"] {
            try scratch.write(file, Repo.fixtureText("real/" + file))
        }
        let executable = try #require(Frictionless.executable)
        for table in ["county-age-sex", "clinic-visits", "tb-cases-lhj"] {
            let run = try Deid.run(
                ["release", "\(table).csv", "--bundle", "bundle-\(table)", "--report", "\(table).json"], in: scratch.path)
            #expect(run.status == 0, "\(run)")
            let validation = try SQLEngine.run(
                executable, ["validate", "--json", "bundle-\(table)/datapackage.json"], in: scratch.path)
            let report = try JSONSerialization.jsonObject(with: Data(validation.output.utf8)) as? [String: Any]
            #expect(validation.status == 0 && report?["valid"] as? Bool == true, "\(table): \(validation.output)")
        }
        // The validator does check the data: a count changed to text in a published row is an error.
        let path = "bundle-county-age-sex/county-age-sex.csv"
        var rows = try scratch.read(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        rows[1] = rows[1].replacingOccurrences(of: ",37437,", with: ",many,")
        try scratch.write(path, rows.joined(separator: "\n"))
        let tampered = try SQLEngine.run(executable, ["validate", "--json", "bundle-county-age-sex/datapackage.json"], in: scratch.path)
        #expect(tampered.status != 0, "\(tampered.output)")
    }
}

/// The `frictionless` command of the test virtual environment, when installed.
enum Frictionless {
    static let executable: String? = {
        let path = Repo.root + "/.build/test-venv/bin/frictionless"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()
}
