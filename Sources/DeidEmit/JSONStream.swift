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
            writer.write(JSONNodeEncoder.node(of: value), indent: 0)
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
    let element: @Sendable (Int) -> Element

    public init(count: Int, element: @escaping @Sendable (Int) -> Element) {
        self.count = count
        self.element = element
    }

    func encodedNode(_ index: Int) -> JSONNode { JSONNodeEncoder.node(of: element(index)) }

    /// To `JSONStream`'s own encoder, itself, expanded element by element as it is written; to any other
    /// encoder, every element, in order.
    public func encode(to encoder: any Encoder) throws {
        if let streaming = encoder as? JSONNodeEncoder {
            streaming.node = .stream(JSONStreamBox(stream: self))
            return
        }
        var container = encoder.unkeyedContainer()
        for index in 0..<count { try container.encode(element(index)) }
    }
}

protocol StreamedJSONArray: Sendable {
    var count: Int { get }
    func encodedNode(_ index: Int) -> JSONNode
}

/// A value as the encoder captured it: primitives written out, containers as boxes, and streams deferred until
/// the writer reaches them.
enum JSONNode {
    case null
    case literal(String)
    case string(String)
    case object(JSONObjectBox)
    case array(JSONArrayBox)
    case stream(JSONStreamBox)
    case encoder(JSONNodeEncoder)
}

// The boxes are filled by the encoder of one document and read by its writer, on one thread, never with two
// accesses overlapping: the runtime exclusivity check on every append would be pure cost.
final class JSONObjectBox {
    @exclusivity(unchecked) var members: [(key: String, value: JSONNode)] = []
    init() { members.reserveCapacity(8) }
}

final class JSONStreamBox {
    let stream: any StreamedJSONArray
    init(stream: any StreamedJSONArray) { self.stream = stream }
}

final class JSONArrayBox {
    @exclusivity(unchecked) var elements: [JSONNode] = []
}

/// Writes nodes in the pretty layout as UTF-8 bytes, handed out in pieces of about 64 KiB; a stream's elements
/// are encoded one at a time, as the writer meets them.
struct JSONTextWriter {
    let output: (String) -> Void
    var bytes: [UInt8] = []

    init(output: @escaping (String) -> Void) {
        self.output = output
        bytes.reserveCapacity(1 << 17)
    }

    mutating func flush() {
        if !bytes.isEmpty { output(String(decoding: bytes, as: UTF8.self)) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node {
        case .null: bytes.appendText("null")
        case .literal(let literal): bytes.appendText(literal)
        case .string(let string): JSONText.writeString(string, to: &bytes)
        case .object(let box): writeObject(box.members, indent: indent)
        case .array(let box): writeArray(count: box.elements.count, indent: indent) { box.elements[$0] }
        case .encoder(let encoder): write(encoder.node, indent: indent)
        case .stream(let box): writeArray(count: box.stream.count, indent: indent) { box.stream.encodedNode($0) }
        }
        if bytes.count >= 1 << 16 { flush() }
    }

    private mutating func writeObject(_ members: [(key: String, value: JSONNode)], indent: Int) {
        let inOrder: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        // Most types declare their keys in order already: sort only when they do not.
        let isSorted = members.indices.dropFirst().allSatisfy { !inOrder(members[$0].key, members[$0 - 1].key) }
        let sorted = isSorted ? members : members.sorted { inOrder($0.key, $1.key) }
        writeContainer(open: "{", close: "}", count: sorted.count, indent: indent) { index, writer in
            JSONText.writeString(sorted[index].key, to: &writer.bytes)
            writer.bytes.appendText(" : ")
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
        bytes.appendText(open)
        if count == 0 {
            bytes.appendText("\n\n")
        } else {
            for index in 0..<count {
                bytes.appendText(index == 0 ? "\n" : ",\n")
                bytes.appendText(JSONText.spaces(indent + 2))
                element(index, &self)
            }
            bytes.appendText("\n")
        }
        bytes.appendText(JSONText.spaces(indent))
        bytes.appendText(close)
    }
}
