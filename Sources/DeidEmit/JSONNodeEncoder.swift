/// The `Encoder` behind `JSONStream`: it records what a value's `encode(to:)` asks for as a `JSONNode`.
/// Primitives are written out at once, nested values encoded at once too, except a `JSONArrayStream`, which is
/// kept as it is and encoded element by element only when the writer reaches it.
final class JSONNodeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    @exclusivity(unchecked) var node: JSONNode = .null

    init(codingPath: [any CodingKey] = []) { self.codingPath = codingPath }

    /// The node `value` encodes to.
    static func node<T: Encodable>(of value: T) -> JSONNode {
        if let primitive = primitive(value) { return primitive }
        let encoder = JSONNodeEncoder()
        // This encoder never throws, and no deid model's encode(to:) does: a failure is a bug, not a report to
        // write with a hole in it.
        do { try value.encode(to: encoder) } catch { preconditionFailure("JSONStream cannot encode \(T.self)") }
        return encoder.node
    }

    /// Strings, booleans and numbers, written as JSONEncoder writes them; nil for anything else. Decided by the
    /// static type, which is much cheaper than casting an existential. Every standard number type is here: a
    /// number's own encode(to:) asks its container for itself, which without this would come straight back.
    static func primitive<T: Encodable>(_ value: T) -> JSONNode? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return .literal(JSONNumber.text(unsafeBitCast(value, to: Double.self))) }
        if T.self == Float.self { return .literal(JSONNumber.text(unsafeBitCast(value, to: Float.self))) }
        func integer<I: FixedWidthInteger>(_: I.Type) -> JSONNode? {
            T.self == I.self ? .literal(String(unsafeBitCast(value, to: I.self))) : nil
        }
        return integer(Int.self) ?? integer(Int32.self) ?? integer(Int64.self) ?? integer(UInt8.self)
            ?? integer(Int8.self) ?? integer(Int16.self) ?? integer(UInt.self) ?? integer(UInt16.self)
            ?? integer(UInt32.self) ?? integer(UInt64.self)
    }

    /// The node of a nested value: a primitive, or the value encoded now (a `JSONArrayStream` encodes itself as a
    /// stream the writer expands).
    static func nested<T: Encodable>(_ value: T) -> JSONNode { primitive(value) ?? node(of: value) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = node {
            box = existing
        } else {
            box = JSONObjectBox()
            node = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = node {
            box = existing
        } else {
            box = JSONArrayBox()
            node = .array(box)
        }
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValueContainer(encoder: self) }
}

/// Double as JSONEncoder writes it: integral values without a fraction, others in the shortest form that reads
/// back the same.
enum JSONNumber {
    static func text<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.isFinite ? String(value) : "null"
    }
}

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [any CodingKey]

    private func set(_ node: JSONNode, _ key: Key) { box.members.append((key.stringValue, node)) }

    mutating func encodeNil(forKey key: Key) { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.literal(String(value)), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.literal(JSONNumber.text(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { set(JSONNodeEncoder.nested(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        set(.object(nested), key)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        set(.array(nested), key)
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super") ?? Self.superKey()) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = JSONNodeEncoder(codingPath: codingPath + [key])
        set(.encoder(encoder), key)
        return encoder
    }

    /// Only for a key type with no "super" key, which deid's models never ask for.
    private static func superKey() -> Key {
        guard let key = Key(intValue: 0) else { preconditionFailure("a coding key type without a 'super' key") }
        return key
    }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    mutating func encodeNil() { box.elements.append(.null) }
    mutating func encode(_ value: Bool) { box.elements.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) { box.elements.append(.string(value)) }
    mutating func encode(_ value: Int) { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Double) { box.elements.append(.literal(JSONNumber.text(value))) }
    mutating func encode<T: Encodable>(_ value: T) { box.elements.append(JSONNodeEncoder.nested(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = JSONObjectBox()
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.elements.append(.array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = JSONNodeEncoder(codingPath: codingPath)
        box.elements.append(.encoder(encoder))
        return encoder
    }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONNodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() { encoder.node = .null }
    mutating func encode(_ value: Bool) { encoder.node = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) { encoder.node = .string(value) }
    mutating func encode(_ value: Int) { encoder.node = .literal(String(value)) }
    mutating func encode(_ value: Double) { encoder.node = .literal(JSONNumber.text(value)) }
    mutating func encode<T: Encodable>(_ value: T) {
        // A wrapper that encodes one value in its place (a RawRepresentable enum, say): that value.
        encoder.node = JSONNodeEncoder.nested(value)
    }
}
