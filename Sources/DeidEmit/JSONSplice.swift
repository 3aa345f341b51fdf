/// Streams a JSON document whose long arrays are written element by element (`PrettyJSON`) into the rest of
/// the document, which JSONEncoder renders with a marker string in each array's place.
struct JSONSplice {
    /// The marker JSONEncoder wrote as the value of `key`, and the elements that replace it.
    struct Array {
        let key: String
        let marker: String
        let count: Int
        /// Writes element `index` at `indent` (the indent of its first line is already written).
        let write: (_ index: Int, _ indent: Int, _ out: inout String) -> Void

        init(key: String, marker: String, count: Int, element: @escaping (Int) -> PrettyJSON.Value) {
            self.init(key: key, marker: marker, count: count) { index, indent, out in
                PrettyJSON.write(element(index), indent: indent, to: &out)
            }
        }

        /// For elements written straight into the text, in PrettyJSON's layout.
        init(key: String, marker: String, count: Int, write: @escaping (Int, Int, inout String) -> Void) {
            self.key = key
            self.marker = marker
            self.count = count
            self.write = write
        }
    }

    /// The marker for the array number `index`. Inside a JSON string every quote is escaped, so the unescaped
    /// text `"key" : "marker"` can only be the key and its value, whatever the table's labels or file names say.
    static func marker(_ index: Int) -> String { "@deid-spliced-array-\(index)@" }

    /// Writes `document` with its markers replaced, in order; a missing marker is a programming error.
    static func write(_ document: String, splicing arrays: [Array], to output: (String) -> Void) {
        var rest = Substring(document)
        for array in arrays {
            let needle = "\"\(array.key)\" : \"\(array.marker)\""
            guard let found = rest.firstRange(of: needle) else {
                preconditionFailure("JSON marker for '\(array.key)' not found")
            }
            let lineStart = rest[..<found.lowerBound].lastIndex(of: "\n").map { rest.index(after: $0) } ?? rest.startIndex
            let indent = rest.distance(from: lineStart, to: found.lowerBound)
            output(String(rest[..<found.lowerBound]) + "\"\(array.key)\" : ")
            var chunk = ""
            PrettyJSON.writeContainer(open: "[", close: "]", count: array.count, indent: indent, to: &chunk) {
                index, out in
                array.write(index, indent + 2, &out)
                // Hand over the text every few hundred elements, so it never holds a whole list.
                if out.utf8.count >= 1 << 16 {
                    output(out)
                    out = ""
                }
            }
            output(chunk)
            rest = rest[found.upperBound...]
        }
        output(String(rest))
    }
}
