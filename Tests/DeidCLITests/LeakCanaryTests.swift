import Foundation
import Testing

/// The leak canary: a table whose hidden values are distinctive numbers, run through `check` (every format) and
/// `release` (with its report). No byte deid prints or writes outside the release table may contain a hidden
/// count, its rate or its denominator.
///
/// Which digits may legitimately appear, and how they are told apart:
/// * policy parameters (11), format versions, annotation codes (1, 2, 1|2): none equals a canary;
/// * line numbers (2–13), cell and hidden-cell tallies, interval bounds and widths: these are structure, not
///   values. In JSON they are skipped by key (`line`, `lower`, `upper`, …); in text the `file:line:` prefix is
///   cut; the release summary must match its exact shape. In the HTML report the same things are skipped by the
///   class of their table cell (`line`, `interval`, `width`, `tally`), and only when the cell holds nothing but
///   a number or an interval; tallies in sentences ("4 cells", "2 primary") are skipped by their words.
///   Everything else is searched, tag attributes included, after entities are decoded.
/// * SHA-256 digests are hex: a canary is matched only as a whole number, not glued to letters or digits.
///
/// The table (`Tests/Fixtures/canary/county-sex.csv`): Alder/Female = 7 and Birch/Male = 9 are small; the other counts are distinct three- and
/// four-digit numbers, the populations five-digit numbers, the rates numbers with two decimals.
@Suite struct LeakCanaryTests {
    static let csv = Repo.fixtureText("canary/county-sex.csv")

    /// A careless hand-made "release": the two small counts blanked and labelled small, nothing else hidden, and
    /// Alder/Female's rate left in. Both counts follow from their county totals.
    static let leakyRelease = Repo.fixtureText("canary/county-sex-careless-release.csv")

    static let formats = ["text", "json", "sarif", "github"]

    @Test func checkOnTheRawTablePrintsNoSmallValue() throws {
        let scratch = try SampleTables.folder([("table", Self.csv, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let canary = try Canary(input: Self.csv, hiddenRows: [1, 5])
        for format in Self.formats {
            let run = try Deid.run(["check", "--format", format, "table.csv"], in: scratch.path)
            #expect(run.status == 1, "\(run)")
            Self.expectSummaryOnly(run.stderr, format: format)
            #expect(run.stdout.contains("Alder") && run.stdout.contains("Birch"), "findings name the cells: \(run)")
            canary.expectNoLeak(in: run.stdout, format: format)
        }
    }

    @Test func checkOnALeakyReleasePrintsNoHiddenValue() throws {
        let scratch = try SampleTables.folder([("leaky", Self.leakyRelease, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let canary = try Canary(input: Self.csv, hiddenRows: [1, 5])
        for format in Self.formats {
            let run = try Deid.run(["check", "--format", format, "leaky.csv"], in: scratch.path)
            #expect(run.status == 1, "\(run)")
            Self.expectSummaryOnly(run.stderr, format: format)
            #expect(run.stdout.contains("under-protected") && run.stdout.contains("derived-with-hidden-count"), "\(run)")
            canary.expectNoLeak(in: run.stdout, format: format)
        }
    }

    @Test func releaseAndItsReportPrintNoHiddenValue() throws {
        let scratch = try SampleTables.folder([("table", Self.csv, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "table.csv", "-o", "out.csv", "--report", "out.json", "--report-html", "out.html"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")

        // The canary is every cell the release hides: the two small ones and whatever protects them.
        let released = try CSVText.rows(try scratch.read("out.csv"))
        let hiddenRows = released.indices.filter { $0 > 0 && released[$0][2].isEmpty }
        #expect(hiddenRows.count >= 4 && hiddenRows.contains(1) && hiddenRows.contains(5), "\(released)")
        let canary = try Canary(input: Self.csv, hiddenRows: hiddenRows)

        // The terminal summary has exactly this shape, so its numbers are tallies and widths only; with generic
        // labels it does not say how many hidden cells are small.
        let summary = try #require(run.stderr.split(separator: "\n").first.map(String.init))
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run)")
        let shape = #/^deid: released table\.csv \(12 cells\) to out\.csv: [0-9]+ cells hidden(; audit pass, narrowest interval width [0-9]+; labels generic| \(([0-9]+ [a-z0-9-]+(, )?)+\); audit pass, narrowest interval width [0-9]+; labels distinct)$/#
        #expect(summary.wholeMatch(of: shape) != nil, "\(summary)")

        canary.expectNoLeak(in: try scratch.read("out.json"), format: "json")
        let html = try scratch.read("out.html")
        #expect(html.contains("Hidden cells by reason") && html.contains("Alder"), "the HTML report was searched")
        canary.expectNoLeak(in: html, format: "html")

        for format in Self.formats {
            let check = try Deid.run(["check", "--format", format, "--description", "table.deid.yaml", "out.csv"], in: scratch.path)
            #expect(check.status == 0, "\(check)")
            Self.expectSummaryOnly(check.stderr, format: format)
            canary.expectNoLeak(in: check.stdout, format: format)
        }
    }
    /// `release` of the careless release (a published table protected again): no report, summary or check of the
    /// repaired table quotes a value it hides, and the rate the input left beside a hidden count is gone.
    @Test func republishedReleaseAndItsReportPrintNoHiddenValue() throws {
        let scratch = try SampleTables.folder([("table", Self.leakyRelease, SampleTables.smallDescription)])
        defer { scratch.remove() }
        let run = try Deid.run(
            ["release", "table.csv", "-o", "out.csv", "--report", "out.json", "--report-html", "out.html"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        let released = try CSVText.rows(try scratch.read("out.csv"))
        let hidden = released.indices.filter { $0 > 0 && released[$0][2].isEmpty }
        #expect(hidden.count > 2 && hidden.contains(1) && hidden.contains(5), "\(released)")
        #expect(!(try scratch.read("out.csv")).contains("38.39"))
        // The input codes its two hidden cells small (1–10), so their narrowest interval is [1, 10], of width 9:
        // a policy parameter the summary and the HTML report print, and by coincidence Birch/Male's count. That
        // one value is searched for in the JSON report, where widths are skipped by key, and nowhere else.
        let all = try Canary(input: Self.csv, hiddenRows: hidden)
        let canary = Canary(values: all.values.filter { $0 != "9" })
        let shape = #/^deid: released table\.csv \(12 cells\) to out\.csv: [0-9]+ cells hidden; audit pass, narrowest interval width [0-9]+; labels generic\n$/#
        #expect(run.stderr.wholeMatch(of: shape) != nil, "\(run.stderr)")
        all.expectNoLeak(in: try scratch.read("out.json"), format: "json")
        canary.expectNoLeak(in: try scratch.read("out.html"), format: "html")
        for format in Self.formats {
            let check = try Deid.run(["check", "--format", format, "--description", "table.deid.yaml", "out.csv"], in: scratch.path)
            #expect(check.status == 0, "\(check)")
            canary.expectNoLeak(in: check.stdout, format: format)
        }
    }

    /// The same people by age, sharing the canary table's county totals and grand total.
    static let byAge = """
        County,Age,Cases,Population,Rate
        Alder,0-17,104,16032,648.7
        Alder,18+,171,19662,869.71
        Alder,Total,275,35694,770.44
        Birch,0-17,123,21001,585.69
        Birch,18+,227,25363,895.01
        Birch,Total,350,46364,754.9
        Cedar,0-17,408,29517,1382.25
        Cedar,18+,601,32264,1862.73
        Cedar,Total,1009,61781,1633.19
        Total,0-17,635,66550,954.17
        Total,18+,999,77289,1292.55
        Total,Total,1634,143839,1135.99

        """

    /// `release --linked` of the canary table and its age breakdown: no report, summary or linked check of the
    /// set quotes a cell either release hides.
    @Test func linkedReleaseAndItsReportsPrintNoHiddenValue() throws {
        let byAgeDescription = SampleTables.smallDescription
            .replacingOccurrences(of: "column: Sex\n      role: sex", with: "column: Age\n      role: age")
        let scratch = try SampleTables.folder([
            ("table", Self.csv, SampleTables.smallDescription), ("ages", Self.byAge, byAgeDescription),
        ])
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let run = try Deid.run(
            ["release", "--linked", "table.csv", "ages.csv", "--output-dir", "out", "--html-reports",
             "--report", "out/set.audit.json", "--report-html", "out/set.report.html"], in: scratch.path)
        #expect(run.status == 0, "\(run)")
        var values: [String] = []
        for (name, input) in [("table", Self.csv), ("ages", Self.byAge)] {
            let released = try CSVText.rows(try scratch.read("out/\(name).csv"))
            let hidden = released.indices.filter { $0 > 0 && released[$0][2].isEmpty }
            values += try Canary(input: input, hiddenRows: hidden).values
        }
        #expect(values.count >= 12, "the two small cells and their protection: \(values.count / 3) cells")
        let canary = Canary(values: values)
        let shape = #/^deid: released (table|ages)\.csv \(12 cells\) to out/(table|ages)\.csv: ([0-9]+ cells hidden; audit pass, narrowest interval width [0-9]+|no cell hidden; audit pass); labels (generic|distinct)$/#
        for line in run.stderr.split(separator: "\n") { #expect(String(line).wholeMatch(of: shape) != nil, "\(line)") }
        canary.expectNoLeak(in: try scratch.read("out/set.audit.json"), format: "json")
        canary.expectNoLeak(in: try scratch.read("out/set.report.html"), format: "html")
        for name in ["table", "ages"] {
            canary.expectNoLeak(in: try scratch.read("out/\(name).audit.json"), format: "json")
            canary.expectNoLeak(in: try scratch.read("out/\(name).report.html"), format: "html")
            try FileManager.default.copyItem(
                atPath: scratch.path + "/\(name).deid.yaml", toPath: scratch.path + "/out/\(name).deid.yaml")
        }
        for format in Self.formats {
            let check = try Deid.run(["check", "--linked", "--format", format, "out/table.csv", "out/ages.csv"], in: scratch.path)
            #expect(check.status == 0, "\(check)")
            Self.expectSummaryOnly(check.stderr, format: format)
            canary.expectNoLeak(in: check.stdout, format: format)
        }
    }

    /// Text-format checks end with one summary line on stderr made of tallies and rule ids only; the machine
    /// formats print nothing there.
    static func expectSummaryOnly(_ stderr: String, format: String) {
        guard format == "text" else {
            #expect(stderr.isEmpty, "\(stderr)")
            return
        }
        let shape = #/^deid: checked [0-9]+ tables?: (no findings|[0-9]+ findings \(([0-9]+ [a-z0-9-]+(, )?)+\) in [0-9]+ tables?)\n$/#
        #expect(stderr.wholeMatch(of: shape) != nil, "\(stderr)")
    }
}

/// The canary must find what it is looking for, or its silence proves nothing.
@Suite struct CanarySelfTests {
    let canary = Canary(values: ["7", "38.39", "18233"])

    @Test(arguments: [
        ("text", "t.csv:2: small-count: Alder: the count 7 is below 11"),
        ("text", "t.csv:2: small-count: Alder: the count is 7."),
        ("text", "t.csv:2: derived: rate 38.39 published"),
        ("github", "::error file=t.csv,line=2,title=deid x::population (18233)"),
        ("json", #"{"files": [{"message": "value=7"}]}"#),
        ("json", #"{"hidden_cells": [{"value": 7}]}"#),
        ("json", #"{"rate": "38.39"}"#),
        ("sarif", #"{"runs": [{"properties": {"population": 18233}}]}"#),
        ("text", "t.csv:2: population 18,233"),
        ("html", #"<td class="line">2</td><td>7</td>"#),
        ("html", #"<td class="interval">[7, 7] exactly</td>"#),
        ("html", #"<td class="tally">7 people</td>"#),
        ("html", #"<p>Rate 38.39 &amp; more</p>"#),
        ("html", #"<p title="population 18233">x</p>"#),
        ("html", #"<li>the count is&#32;7</li>"#),
    ])
    func findsPlantedLeaks(_ format: String, _ output: String) {
        #expect(!canary.leaks(in: output, format: format).isEmpty)
    }

    @Test(arguments: [
        ("text", "t.csv:7: small-count: Alder: below the numerator minimum of 11"),
        ("github", "::error file=t.csv,line=7,title=deid x::message"),
        ("json", #"{"line": 7, "interval": {"lower": 1, "upper": 17, "width": 16}}"#),
        ("json", #"{"sha256": "a7f3c9e18233b0", "version": "0.1.0", "share": 0.0738, "n": 17, "m": 2.7}"#),
        ("text", "t.csv:2: rule: widths 27, 70 and 738.39x"),
        ("json", #"{"score_error": "t.deid.yaml:6:7: error: cannot score"}"#),
        ("html", #"<td class="number line">7</td><td class="interval">[1, 7]</td><td class="number width">7</td>"#),
        ("html", #"<td class="tally">7</td><p>7 of 12 cells hidden (7 primary, 2 complementary); 7 cells</p>"#),
        ("html", #"<td class="digest">a7f3c9e18233b0</td>"#),
    ])
    func ignoresStructureAndLongerNumbers(_ format: String, _ output: String) {
        #expect(canary.leaks(in: output, format: format).isEmpty, "\(canary.leaks(in: output, format: format))")
    }
}

/// The values of the hidden rows, and a search for them in deid's output.
struct Canary {
    /// Field strings that must not appear: counts, rates and (unless the release publishes them) populations.
    let values: [String]

    init(input: String, hiddenRows: [Int]) throws {
        let rows = try CSVText.rows(input)
        // The release keeps populations (public figures), but findings and reports have no reason to quote them.
        values = hiddenRows.flatMap { [rows[$0][2], rows[$0][3], rows[$0][4]] }
    }

    init(values: [String]) { self.values = values }

    /// Each value, and large whole numbers also as written with thousands separators ("18,233").
    var searchedValues: [String] {
        values + values.compactMap { value in
            guard let number = Int(value), number >= 1000 else { return nil }
            var digits = Array(String(number)), grouped = ""
            while digits.count > 3 {
                grouped = "," + String(digits.suffix(3)) + grouped
                digits.removeLast(3)
            }
            return String(digits) + grouped
        }
    }

    /// Keys whose numbers are structure (positions, tallies, audited intervals), never a cell's value.
    static let structuralKeys: Set<String> = [
        "line", "startLine", "lower", "upper", "width", "cells", "hidden_cells", "components", "linear_programs",
        "rounds", "min_interval_width", "narrowest_width", "schema_version", "visible_small_counts",
        "under_protected", "complementary", "primary", "rule-6", "hidden-in-input", "unreliable", "points",
    ]

    func expectNoLeak(in output: String, format: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (value, text) in leaks(in: output, format: format) {
            Issue.record("hidden value \(value) appears in \(format) output: \(text)", sourceLocation: sourceLocation)
        }
    }

    /// Each canary value found, with the piece of output it was found in.
    func leaks(in output: String, format: String) -> [(value: String, text: String)] {
        let searched: [String]
        switch format {
        case "json", "sarif":
            guard let object = try? JSONSerialization.jsonObject(with: Data(output.utf8), options: [.fragmentsAllowed])
            else { return [("(not JSON)", output)] }
            searched = Self.scalars(in: object, key: nil)
        case "text":
            // `file:line: rule: message`: the line number is position, the rest is searched.
            searched = output.split(separator: "\n").map { String($0.replacing(#/^[^:]+:[0-9]+: /#, with: "")) }
        case "github":
            searched = output.split(separator: "\n").map { String($0.replacing(#/,line=[0-9]+,/#, with: ",")) }
        case "html":
            searched = Self.htmlText(output)
        default:
            searched = [output]
        }
        // A `file.yaml:6:7` reference inside a message (e.g. a scoring error quoted in the JSON) is a position.
        let positions = searched.map { String($0.replacing(#/[A-Za-z0-9_.\/-]+\.(csv|yaml|yml):[0-9]+(:[0-9]+)?/#, with: "<position>")) }
        let candidates = searchedValues
        return positions.flatMap { text in candidates.filter { Self.containsToken($0, in: text) }.map { ($0, text) } }
    }

    /// Table cells of the HTML report that hold structure, by class, and the only shape each may have.
    static let structuralCells: [(cls: String, shape: String)] = [
        ("line", "[0-9]+|—"), ("width", "[0-9]+|—"), ("tally", "[0-9]+"), ("interval", #"\[[0-9]+, ([0-9]+|∞)\]|—"#),
        // A criterion's points: a band of the policy's scoring tables, never a count.
        ("points", #"[+−]?[0-9]+( \(not counted\))?"#),
    ]

    /// The text of an HTML document to search: structural cells of the right shape emptied, the style sheet
    /// dropped, tags' attributes kept beside the text, entities decoded, tallies of cells removed.
    static func htmlText(_ html: String) -> [String] {
        var document = html.replacing(#/<style>[\s\S]*?</style>/#, with: "")
        for (cls, shape) in structuralCells {
            guard let cell = try? Regex(#"<td class="([a-z ]* )?"# + cls + #"( [a-z ]*)?">([^<]*)</td>"#),
                let shape = try? Regex(shape)
            else {
                Issue.record("bad structural-cell pattern for \(cls)")
                return [html]
            }
            document = document.replacing(cell) { match in
                let content = match.output[3].substring.map(String.init) ?? ""
                return content.wholeMatch(of: shape) != nil ? "<td></td>" : String(match.output[0].substring ?? "")
            }
        }
        let tags = document.matches(of: #/<[^>]*>/#).map { String($0.output) }
        let text = document.replacing(#/<[^>]*>/#, with: " ")
        return (tags + [text]).map { piece in
            var piece = piece
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#32;", " "), ("&amp;", "&")] {
                piece = piece.replacingOccurrences(of: entity, with: character)
            }
            return piece.replacing(#/[0-9]+ (of [0-9]+ )?cells?\b/#, with: "<cells>")
                .replacing(#/[0-9]+ (primary|complementary|rule-6|unreliable|hidden-in-input|percentages-only)\b/#, with: "<tally>")
        }
    }

    /// The value as a whole number: not inside a longer number, a decimal or a hex digest.
    /// (NSRegularExpression: Swift's `Regex` has no lookbehind.)
    static func containsToken(_ value: String, in text: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: value)
        let pattern = "(?<![0-9A-Za-z.])\(escaped)(?![0-9A-Za-z]|\\.[0-9])"
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad canary pattern \(pattern)")
            return true
        }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Every scalar of a JSON document as text, except numbers under structural keys.
    static func scalars(in object: Any, key: String?) -> [String] {
        switch object {
        case let dictionary as [String: Any]:
            return dictionary.flatMap { [$0.key] + scalars(in: $0.value, key: $0.key) }
        case let array as [Any]:
            return array.flatMap { scalars(in: $0, key: key) }
        case let number as NSNumber:
            if let key, structuralKeys.contains(key) { return [] }
            return [number.stringValue]
        case let string as String:
            return [string]
        default:
            return []
        }
    }

}
