import Foundation
import Testing

@testable import DeidDescription
@testable import DeidEmit
@testable import DeidPipeline

/// The HTML report prints user data as text: labels are escaped wherever they appear.
@Suite struct HTMLReportEscapingTests {
    @Test func escapeTurnsMarkupIntoText() {
        #expect(HTMLWriter.escape(#"<script>alert("x")</script> & 'y'"#)
            == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTMLWriter.escape("Peñasco – 東京") == "Peñasco – 東京")
    }

    /// Labels with `<script>`, `&` and quotes, through the whole release: none reaches the HTML as markup.
    @Test func everyLabelIsEscaped() throws {
        // <script> Female and Fish & Chips Male are small, so both are listed among the hidden cells.
        let csv = #"""
            Group,Sex,Cases
            "<script>alert(1)</script>",Female,4
            "<script>alert(1)</script>",Male,27
            "<script>alert(1)</script>",Total,31
            Fish & Chips,Female,38
            Fish & Chips,Male,3
            Fish & Chips,Total,41
            "Say ""hi""",Female,52
            "Say ""hi""",Male,12
            "Say ""hi""",Total,64
            All <b>groups</b>,Female,94
            All <b>groups</b>,Male,42
            All <b>groups</b>,Total,136

            """#
        let description = """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: Group
                  role: other
                  total: "All <b>groups</b>"
                - column: Sex
                  role: sex
                  total: Total
              count: Cases
              annotation: Note

            """
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("table.csv", csv)
        try folder.write("table.deid.yaml", description)
        let request = ReleaseRequest(
            source: .file(folder.path + "/table.csv"), displayName: "table.csv",
            descriptionFile: folder.path + "/table.deid.yaml", output: folder.path + "/out.csv",
            report: folder.path + "/out.json", presetsDirectory: Repo.presets)
        let report = try Releaser.release(request).report
        #expect(report.hiddenCells.contains { $0.cell.label.contains("<script>") }, "the labels reach the report")
        let html = HTMLReport.render(report)

        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.contains("Group=&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Group=Fish &amp; Chips, Sex=Male"))
        // Every `&` starts one of the five references the writer emits, and every tag is one the report uses.
        #expect(html.matches(of: /&(?!amp;|lt;|gt;|quot;|#39;)/).isEmpty)
        let allowed: Set<String> = [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "div",
            "p", "h1", "h2", "h3", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "ol", "li",
            "span", "strong",
        ]
        let tags = Set(html.matches(of: #/</?([!A-Za-z0-9]+)/#).map { String($0.output.1) })
        #expect(tags.isSubset(of: allowed), "\(tags.subtracting(allowed))")
    }
}

/// The footnotes a release carries follow its annotation codes and its masking decision.
@Suite struct FootnoteSelectionTests {
    static func policy(_ name: String) throws -> Policy {
        try Policy.load(.preset(name), relativeTo: Repo.presets + "/x.deid.yaml", presetsDirectory: Repo.presets)
    }

    @Test func genericLabelsGetTheGenericFootnoteOnly() throws {
        let policy = try Self.policy("calhhs-ddg-2.0")
        let notes = FootnoteInfo.forRelease(codes: ["1|2"], masked: true, percentages: false, policy: policy)
        #expect(notes.map(\.source) == ["footnotes.generic"])
        #expect(notes.first?.text.hasPrefix("Annotation 1|2: ") == true)
        #expect(notes.first?.text.contains("fewer than 11 individuals") == true)
        #expect(notes.first?.text.contains("Edition 2.0") == true)
    }

    @Test func distinctLabelsGetOneFootnotePerCodeUsed() throws {
        let policy = try Self.policy("calhhs-ddg-1.0")
        let notes = FootnoteInfo.forRelease(codes: ["2", "1", "4"], masked: true, percentages: false, policy: policy)
        #expect(notes.map(\.annotation) == ["1", "2", "4"])
        // v1.0's own sentence (V1-S6.4), after the code and its "less than 11" indicator.
        #expect(notes.first?.text
            == "Annotation 1: less than 11. Values are not shown to protect confidentiality of the individuals summarized in the data.")
    }

    @Test func anUnmaskedReleaseSaysSoAndRoundedPercentagesAddTheirFootnote() throws {
        let policy = try Self.policy("calhhs-ddg-2.0")
        let notes = FootnoteInfo.forRelease(codes: ["P"], masked: false, percentages: true, policy: policy)
        #expect(notes.map(\.source) == ["footnotes.without_masking", "three_category.footnote"])
        #expect(notes.last?.annotation == "P")
    }
}

/// How the report prints an audited interval: exact ones as they are, outer bounds marked as such.
@Suite struct HTMLReportIntervalTests {
    @Test func outerBoundsAreMarked() throws {
        let exact = AuditReport.Interval(lower: 1, upper: 12, width: 11, exact: nil)
        let outer = AuditReport.Interval(lower: 1, upper: nil, width: nil, exact: false)
        #expect(HTMLReport.interval(exact) == "[1, 12]")
        #expect(HTMLReport.interval(outer) == "⊇ [1, ∞]")
        #expect(HTMLReport.interval(nil) == "—")
        // JSON: the key appears only for an outer bound, so exact intervals keep their existing form.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(exact), as: UTF8.self) == #"{"lower":1,"upper":12,"width":11}"#)
        #expect(String(decoding: try encoder.encode(outer), as: UTF8.self) == #"{"exact":false,"lower":1}"#)
    }
}
