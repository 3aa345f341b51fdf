/// The one JSON encoder of deid's reports and findings: `Codable` models in, text out, in exactly the layout
/// of Foundation's `JSONEncoder` with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` (two-space
/// indents, `"key" : value`, keys in byte order, an empty container on two lines) — so a report reads the same
/// whichever way it was written — but streamed: a value is encoded only when the writer reaches it, and a
/// `JSONArrayStream` is encoded one element at a time, so a list of hundreds of thousands of findings or
/// hidden cells is never held as text or as a tree.
public enum JSONStream {
    /// Writes `value`, handing the text to `output` in pieces of about 64 KiB.
    public static func write(_ value: some Encodable, to output: (String) -> Void) {
        withoutActuallyEscaping(output) { output in
            var writer = JSONTextWriter(output: output)
            writer.write(JSONNode.deferred(value), indent: 0)
            writer.flush()
        }
    }

    /// The whole text of a small document.
    public static func encode(_ value: some Encodable) -> String {
        var text = ""
        write(value) { text += $0 }
        return text
    }
}

/// An array whose elements are made and encoded one at a time, when the writer reaches them.
public struct JSONArrayStream<Element: Encodable>: Encodable, StreamedJSONArray {
    public let count: Int
    let element: (Int) -> Element

    public init(count: Int, element: @escaping (Int) -> Element) {
        self.count = count
        self.element = element
    }

    func encodedElement(_ index: Int) -> any Encodable { element(index) }

    /// For any other encoder: every element, in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for index in 0..<count { try container.encode(element(index)) }
    }
}

protocol StreamedJSONArray {
    var count: Int { get }
    func encodedElement(_ index: Int) -> any Encodable
}

/// A value as the encoder captured it: primitives written out, containers as boxes, and everything else
/// deferred until the writer reaches it.
enum JSONNode {
    case null
    case literal(String)
    case string(String)
    case object(JSONObjectBox)
    case array(JSONArrayBox)
    case deferred(any Encodable)
    case encoder(JSONNodeEncoder)
}

final class JSONObjectBox {
    var members: [(key: String, value: JSONNode)] = []
}

final class JSONArrayBox {
    var elements: [JSONNode] = []
}

/// Writes nodes in the pretty layout, encoding deferred values as it meets them.
struct JSONTextWriter {
    let output: (String) -> Void
    var text = ""

    init(output: @escaping (String) -> Void) {
        self.output = output
        text.reserveCapacity(1 << 17)
    }

    mutating func flush() {
        if !text.isEmpty { output(text) }
        text = ""
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node {
        case .null: text += "null"
        case .literal(let literal): text += literal
        case .string(let string): JSONText.writeString(string, to: &text)
        case .object(let box): writeObject(box.members, indent: indent)
        case .array(let box): writeArray(count: box.elements.count, indent: indent) { box.elements[$0] }
        case .encoder(let encoder): write(encoder.node, indent: indent)
        case .deferred(let value):
            if let stream = value as? any StreamedJSONArray {
                writeArray(count: stream.count, indent: indent) { JSONNodeEncoder.node(of: stream.encodedElement($0)) }
            } else {
                write(JSONNodeEncoder.node(of: value), indent: indent)
            }
        }
        if text.utf8.count >= 1 << 16 { flush() }
    }

    private mutating func writeObject(_ members: [(key: String, value: JSONNode)], indent: Int) {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        writeContainer(open: "{", close: "}", count: sorted.count, indent: indent) { index, writer in
            JSONText.writeString(sorted[index].key, to: &writer.text)
            writer.text += " : "
            writer.write(sorted[index].value, indent: indent + 2)
        }
    }

    private mutating func writeArray(count: Int, indent: Int, element: (Int) -> JSONNode) {
        writeContainer(open: "[", close: "]", count: count, indent: indent) { index, writer in
            writer.write(element(index), indent: indent + 2)
        }
    }

    /// Open, each element on its own line one level deeper, close; an empty container keeps Foundation's blank
    /// line.
    private mutating func writeContainer(
        open: String, close: String, count: Int, indent: Int, element: (Int, inout JSONTextWriter) -> Void
    ) {
        text += open
        if count == 0 {
            text += "\n\n"
        } else {
            for index in 0..<count {
                text += index == 0 ? "\n" : ",\n"
                text += JSONText.spaces(indent + 2)
                element(index, &self)
            }
            text += "\n"
        }
        text += JSONText.spaces(indent)
        text += close
    }
}
