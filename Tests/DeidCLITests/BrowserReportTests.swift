import Foundation
import Testing

/// The HTML report as a reviewer sees and prints it: headless Chromium (Debian's `chromium`, which `.ci/run`
/// installs) lays it out at the printable width of A4 and of Letter with the print style sheet, finds nothing wider
/// than the page and no console message, and prints it to PDF at both sizes.
@Suite(.enabled(if: Browser.path != nil, "needs Debian's chromium (installed by .ci/run)"))
struct BrowserReportTests {
    /// The committed report of the TB release: the widest tables deid writes (61 jurisdictions, SHA-256 digests).
    static let report = Repo.fixtures + "/real/released/tb-cases-lhj.report.html"

    /// Printable widths in CSS pixels (96 per inch) inside the report's 14 mm side margins.
    static let pages: [(name: String, css: String, width: Int, mediaBox: String)] = [  // mediaBox: its start
        ("A4", "A4", Int((210.0 - 28) / 25.4 * 96), "594.9"),
        ("Letter", "letter", Int((215.9 - 28) / 25.4 * 96), "612 792"),
    ]

    /// The report with its print rules applied on screen and a script that logs the document's overflow.
    static func measured(_ html: String) -> String {
        let probe = """
            <script>
            addEventListener('load', () => {
              const wide = [...document.querySelectorAll('table, pre, p, div')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5);
              console.log('deid-layout overflow=' + (document.documentElement.scrollWidth - document.documentElement.clientWidth)
                + ' wide=' + wide.length);
            });
            </script>
            """
        return html.replacingOccurrences(of: "@media print {", with: "@media all {")
            .replacingOccurrences(of: "</body>", with: probe + "</body>")
    }

    @Test(arguments: pages.map(\.name))
    func nothingIsWiderThanThePrintedPage(_ page: String) throws {
        let size = try #require(Self.pages.first { $0.name == page })
        let scratch = try Scratch(prefix: "deid-browser")
        defer { scratch.remove() }
        let file = try scratch.write("report.html", Self.measured(try String(contentsOfFile: Self.report, encoding: .utf8)))
        let run = try Browser.run(["--window-size=\(size.width),1200", "--dump-dom", "file://" + file])
        let layout = run.console.filter { $0.contains("deid-layout") }
        #expect(layout.count == 1, "the probe ran: \(run.console)")
        #expect(layout.first?.contains("deid-layout overflow=0 wide=0") == true, "\(layout) at \(page) width \(size.width)px")
        #expect(run.console.count == layout.count, "no other console message: \(run.console)")
    }

    @Test(arguments: pages.map(\.name))
    func itPrintsToPDF(_ page: String) throws {
        let size = try #require(Self.pages.first { $0.name == page })
        let scratch = try Scratch(prefix: "deid-browser")
        defer { scratch.remove() }
        let html = try String(contentsOfFile: Self.report, encoding: .utf8)
            .replacingOccurrences(of: "@page { margin: 16mm 14mm; }", with: "@page { size: \(size.css); margin: 16mm 14mm; }")
        let file = try scratch.write("report.html", html)
        let pdf = scratch.path + "/report.pdf"
        let run = try Browser.run(["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + file])
        #expect(run.console.isEmpty, "\(run.console)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        let pages = text.matches(of: /\/Type\s*\/Page[^s]/).count
        #expect(pages >= 3, "\(pages) pages")
        // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92), Letter 612 × 792.
        let boxes = Set(text.matches(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/).map { "\($0.output.1) \($0.output.2)" })
        #expect(boxes.count == 1 && boxes.allSatisfy { $0.hasPrefix(size.mediaBox) }, "\(page) paper: \(boxes)")
    }

    /// The probe sees a table wider than the page: the layout check above can fail.
    @Test func anOverflowingTableIsSeen() throws {
        let scratch = try Scratch(prefix: "deid-browser")
        defer { scratch.remove() }
        let page = "<html><head><style>@media print { td { white-space: nowrap; } }</style></head><body><table><tr><td>"
            + String(repeating: "wide ", count: 400) + "</td></tr></table></body></html>"
        let file = try scratch.write("page.html", Self.measured(page))
        let run = try Browser.run(["--window-size=687,1200", "--dump-dom", "file://" + file])
        let layout = run.console.first { $0.contains("deid-layout") }
        #expect(layout?.contains("overflow=0") == false && layout?.contains("wide=1") == true, "\(run.console)")
    }

    /// The probe's console line reaches the test: a page that logs an error is seen (the check above can fail).
    @Test func consoleMessagesAreSeen() throws {
        let scratch = try Scratch(prefix: "deid-browser")
        defer { scratch.remove() }
        let file = try scratch.write("page.html", "<html><body><script>console.error('planted')</script></body></html>")
        let run = try Browser.run(["--dump-dom", "file://" + file])
        #expect(run.console.contains { $0.contains("planted") }, "\(run.console)")
    }
}

/// Debian's headless Chromium, run once per call with a profile of its own.
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct Run {
        /// The page's console messages, from Chromium's log on standard error.
        var console: [String]
    }

    static func run(_ arguments: [String]) throws -> Run {
        let profile = try Scratch(prefix: "deid-chromium-profile")
        defer { profile.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/chromium")
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile.path,
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        ] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(console: log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") })
    }
}
