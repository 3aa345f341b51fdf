/// The report as JSON. A release can hide tens of thousands of cells; JSONEncoder took about 0.1 s for the
/// 11,400 of benchmark table (b), on the critical path after the audit, so the hidden cells are streamed in
/// (`JSONSplice`), byte for byte what JSONEncoder writes (`AuditReportJSONTests`).
extension AuditReport {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(policy, forKey: .policy)
        try container.encode(rules, forKey: .rules)
        try container.encode(input, forKey: .input)
        try container.encode(output, forKey: .output)
        if let hiddenCellsMarker {
            try container.encode(hiddenCellsMarker, forKey: .hiddenCells)
        } else {
            try container.encode(hiddenCells, forKey: .hiddenCells)
        }
        try container.encode(summary, forKey: .summary)
        try container.encode(release, forKey: .release)
        try container.encode(footnotes, forKey: .footnotes)
        try container.encode(safeHarbor, forKey: .safeHarbor)
        try container.encodeIfPresent(assessment, forKey: .assessment)
        try container.encodeIfPresent(recodings, forKey: .recodings)
        try container.encodeIfPresent(percentagesOnly, forKey: .percentagesOnly)
        try container.encodeIfPresent(survey, forKey: .survey)
    }

    /// The whole document, ending in a newline, handed to `output` piece by piece.
    package func writeJSON(to output: (String) -> Void) {
        var marked = self
        marked.hiddenCellsMarker = JSONSplice.marker(0)
        var writer = HiddenCellJSONWriter()
        let cells = JSONSplice.Array(key: "hidden_cells", marker: JSONSplice.marker(0), count: hiddenCells.count) {
            index, indent, out in
            writer.write(hiddenCells[index], indent: indent, to: &out)
        }
        JSONSplice.write(JSONOutput.encode(marked) + "\n", splicing: [cells], to: output)
    }
}

/// Writes a hidden cell in PrettyJSON's layout (keys in byte order, absent optionals left out), straight into
/// the text: a table's labels repeat from cell to cell, so each is escaped once, and the cell is assembled as
/// bytes and handed over in one piece. Building a `PrettyJSON.Value` per cell took 4% of a release of benchmark
/// table (b), all of it after the audit, on one core; appending to a String piece by piece still took half that.
struct HiddenCellJSONWriter {
    private var quoted: [String: [UInt8]] = [:]
    /// The last text quoted at each position of a cell's coordinates: consecutive cells share most labels,
    /// and comparing a label with itself is cheaper than hashing it.
    private var recent: [(text: String, quoted: [UInt8])?] = []
    private var bytes: [UInt8] = []

    private mutating func quote(_ text: String) -> [UInt8] {
        if let known = quoted[text] { return known }
        var escaped = ""
        PrettyJSON.writeString(text, to: &escaped)
        let encoded = Array(escaped.utf8)
        quoted[text] = encoded
        return encoded
    }

    private mutating func quote(_ text: String, at position: Int) -> [UInt8] {
        if position >= recent.count { recent += Array(repeating: nil, count: position + 1 - recent.count) }
        if let last = recent[position], last.text == text { return last.quoted }
        let escaped = quote(text)
        recent[position] = (text, escaped)
        return escaped
    }

    private mutating func put(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func put(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

    private mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    mutating func write(_ cell: AuditReport.HiddenCell, indent: Int, to out: inout String) {
        bytes.removeAll(keepingCapacity: true)
        var first = true
        func key(_ name: StaticString, _ writer: inout HiddenCellJSONWriter) {
            writer.put(first ? "{" : ",")
            first = false
            writer.newline(indent: indent + 2)
            writer.put(name)
        }
        if let annotation = cell.annotation {
            key("\"annotation\" : ", &self)
            bytes += quote(annotation)
        }
        key("\"cell\" : [", &self)
        if cell.cell.isEmpty {
            // Foundation's layout for an empty array: a blank line.
            put("\n")
        }
        for (k, coordinate) in cell.cell.enumerated() {
            if k > 0 { put(",") }
            newline(indent: indent + 4)
            put("{")
            newline(indent: indent + 6)
            put("\"dimension\" : ")
            bytes += quote(coordinate.dimension, at: 2 * k)
            put(",")
            newline(indent: indent + 6)
            put("\"value\" : ")
            bytes += quote(coordinate.value, at: 2 * k + 1)
            newline(indent: indent + 4)
            put("}")
        }
        newline(indent: indent + 2)
        put("]")
        if let interval = cell.interval {
            key("\"interval\" : {", &self)
            if let exact = interval.exact {
                newline(indent: indent + 4)
                put(exact ? "\"exact\" : true," : "\"exact\" : false,")
            }
            newline(indent: indent + 4)
            put("\"lower\" : ")
            put(interval.lower)
            if let upper = interval.upper {
                put(",")
                newline(indent: indent + 4)
                put("\"upper\" : ")
                put(upper)
            }
            if let width = interval.width {
                put(",")
                newline(indent: indent + 4)
                put("\"width\" : ")
                put(width)
            }
            newline(indent: indent + 2)
            put("}")
        }
        if let line = cell.line {
            key("\"line\" : ", &self)
            put(line)
        }
        key("\"reason\" : ", &self)
        bytes += quote(cell.reason.rawValue)
        newline(indent: indent)
        put("}")
        out += String(decoding: bytes, as: UTF8.self)
    }
}
