/// Builds an HTML document in which every piece of text is escaped: labels and file names come from user data,
/// so a label such as `<script>` or `A & B` must print as itself. Markup is written only from compile-time
/// constants (`raw`) or from tag and attribute names the report's code chooses; attribute values and text are
/// always escaped.
struct HTMLWriter {
    private(set) var html = ""

    /// Block-level tags end their line, so the document diffs line by line (snapshot tests, reviewers).
    private static let blockTags: Set<String> = [
        "html", "head", "body", "header", "main", "footer", "section", "div", "p", "h1", "h2", "h3", "table",
        "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "ul", "ol", "li", "dl", "dt", "dd", "style", "title", "meta",
    ]
    /// Tags that close before their line ends (cells and list items hold inline text).
    private static let inlineClosing: Set<String> = ["th", "td", "li", "dt", "dd", "p", "h1", "h2", "h3", "caption"]

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Constant markup: the doctype, the style sheet.
    mutating func raw(_ markup: StaticString) {
        html += markup.description
    }

    mutating func text(_ text: String) {
        html += Self.escape(text)
    }

    mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        html += "<" + tag
        for (name, value) in attributes { html += " \(name)=\"\(Self.escape(value))\"" }
        html += ">"
        if Self.blockTags.contains(tag) && !Self.inlineClosing.contains(tag) { html += "\n" }
    }

    mutating func close(_ tag: String) {
        html += "</\(tag)>"
        if Self.blockTags.contains(tag) { html += "\n" }
    }

    /// `<tag attributes>text</tag>`.
    mutating func element(_ tag: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        html += "<" + tag
        for (name, value) in attributes { html += " \(name)=\"\(Self.escape(value))\"" }
        html += ">" + Self.escape(text)
        close(tag)
    }

    /// `<tag>…</tag>` around what `body` writes.
    mutating func block(
        _ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout HTMLWriter) -> Void
    ) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// A table row of text cells; `header` makes the first cell a row header.
    mutating func row(_ cells: [String], header: Bool = false, classes: [String?] = []) {
        block("tr") { w in
            for (i, cell) in cells.enumerated() {
                let tag = header && i == 0 ? "th" : "td"
                let cls = i < classes.count ? classes[i] : nil
                switch (tag, cls) {
                case ("th", let c?): w.element(tag, cell, ["scope": "row", "class": c])
                case ("th", nil): w.element(tag, cell, ["scope": "row"])
                case (_, let c?): w.element(tag, cell, ["class": c])
                default: w.element(tag, cell)
                }
            }
        }
    }

    /// `<thead>` with column headers.
    mutating func headerRow(_ names: [String]) {
        block("thead") { w in
            w.block("tr") { w in
                for name in names { w.element("th", name, ["scope": "col"]) }
            }
        }
    }

    /// How long a line to fill in is: short ones sit side by side ("Signature: ____ Date: ____").
    enum BlankWidth: String {
        case date, name, wide
    }

    /// A line to fill in by hand on the printed report.
    mutating func blank(_ label: String, _ width: BlankWidth = .name) {
        block("p", ["class": width == .wide ? "field" : "field short"]) { w in
            w.element("span", label, ["class": "field-label"])
            w.element("span", "", ["class": "blank \(width.rawValue)", "aria-label": "to be filled in"])
        }
    }
}
