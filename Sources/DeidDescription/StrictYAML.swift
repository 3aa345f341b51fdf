import Yams
import DeidSupport

/// Strict, located reading of table descriptions and policies. Codable decoding is not used on purpose: it silently ignores unknown
/// keys (a misspelt threshold would fall back to a default) and loses line numbers.
///
/// Scalars are read by their text, never by YAML's guessed type: a label `2020` or `No` stays the string the user
/// wrote. Only thresholds and switches (`int`, `bool`, `number`) insist on their YAML type.
struct StrictYAML {
    let file: String

    /// Parses the first document; an empty file is an error naming what the file should hold.
    func document(_ text: String, expected: String) throws(DescriptionError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, text: text)
        } catch {
            throw .syntax(SourceLocation(file: file), problem: "\(error)")
        }
        guard let root else { throw .emptyDocument(file: file, expected: expected) }
        return root
    }

    /// The document's top level, which must be a mapping. Anything else is usually a different file given by
    /// mistake (a table passed to --description, a `policy:` path naming a table), so the message says what the file
    /// should be and never quotes it.
    func root(
        _ node: Node, what: String, allowed: [String], required: [String: String]
    ) throws(DescriptionError) -> StrictMapping {
        guard case .mapping = node else {
            let text = node.scalar?.string ?? ""
            let looksLikeTable = file.lowercased().hasSuffix(".csv")
                || (text.filter { $0 == "," }.count >= 3 && !text.contains(":"))
            throw .notAMapping(location(node), what: what, found: kind(of: node), looksLikeTable: looksLikeTable)
        }
        return try mapping(node, key: what, context: "the \(what)", allowed: allowed, required: required)
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// A mapping value with its keys checked against the format: unknown keys are errors (with the nearest
    /// allowed key suggested), required keys must be present, and no key may repeat. `keyLocation` is where
    /// the mapping's own key is written (`table:`); missing keys are reported there, since a block mapping's
    /// own position is that of its first key, which is not where a reader would look.
    func mapping(
        _ node: Node, key: String, context: String, allowed: [String], required: [String: String] = [:],
        keyLocation: SourceLocation? = nil
    ) throws(DescriptionError) -> StrictMapping {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(location(node), key: key, expected: "a mapping of keys to values", found: describe(node))
        }
        var pairs: [StrictMapping.Pair] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw .wrongType(location(keyNode), key: key, expected: "a mapping with plain keys", found: "a complex key")
            }
            let name = scalar.string
            if pairs.contains(where: { $0.key == name }) {
                throw .duplicateKey(location(keyNode), key: name)
            }
            if !allowed.contains(name) {
                throw .unknownKey(
                    location(keyNode), key: name, context: context,
                    suggestion: Suggestion.nearest(to: name, in: allowed), allowed: allowed)
            }
            pairs.append(StrictMapping.Pair(key: name, keyNode: keyNode, value: value))
        }
        // Report missing keys in the order the format lists them, so the first message is the most basic.
        let checked = StrictMapping(yaml: self, node: node, pairs: pairs, keyLocation: keyLocation)
        for name in allowed {
            if let example = required[name], !pairs.contains(where: { $0.key == name }) {
                throw .missingKey(checked.location, key: name, context: context, example: example)
            }
        }
        return checked
    }

    /// The scalar's text as written. Plain `~`, `null` or an empty value are refused: they are almost always a
    /// forgotten value, and a label that really is "null" can be quoted.
    func text(_ node: Node, key: String, meaning: String) throws(DescriptionError) -> String {
        guard case .scalar(let scalar) = node, node.tagName != .null else {
            throw .wrongType(location(node), key: key, expected: "a string (\(meaning))", found: describe(node))
        }
        return scalar.string
    }

    /// A non-empty text, for column names and codes.
    func name(_ node: Node, key: String, meaning: String) throws(DescriptionError) -> String {
        let value = try text(node, key: key, meaning: meaning)
        guard !value.trimmingWhitespace.isEmpty else {
            throw .invalidValue(location(node), key: key, reason: "\(meaning) may not be empty or blank")
        }
        return value
    }

    func list(_ node: Node, key: String, meaning: String) throws(DescriptionError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw .wrongType(location(node), key: key, expected: "a list of \(meaning), e.g. [A, B]", found: describe(node))
        }
        return Array(sequence)
    }

    func int(_ node: Node, key: String) throws(DescriptionError) -> Int {
        guard node.tagName == .int, let value = node.int else {
            throw .wrongType(location(node), key: key, expected: "a whole number", found: describe(node))
        }
        return value
    }

    func bool(_ node: Node, key: String) throws(DescriptionError) -> Bool {
        guard node.tagName == .bool, let value = node.bool else {
            throw .wrongType(location(node), key: key, expected: "true or false", found: describe(node))
        }
        return value
    }

    func number(_ node: Node, key: String) throws(DescriptionError) -> Double {
        if node.tagName == .int, let value = node.int { return Double(value) }
        guard node.tagName == .float, let value = node.float, value.isFinite else {
            throw .wrongType(location(node), key: key, expected: "a number", found: describe(node))
        }
        return value
    }

    /// A text from a closed list (roles, input kinds, modes); unknown values list the allowed ones.
    func choice<T: RawRepresentable>(_ node: Node, key: String, noun: String, of _: T.Type) throws(DescriptionError) -> T
    where T: CaseIterable, T.RawValue == String {
        let value = try text(node, key: key, meaning: noun)
        if let choice = T(rawValue: value) { return choice }
        let allowed = T.allCases.map(\.rawValue)
        throw .unknownValue(
            location(node), key: noun, value: value, allowed: allowed,
            suggestion: Suggestion.nearest(to: value, in: allowed))
    }

    /// How a wrong value looks in a message: a short one-line value is quoted (`'ten'`), as a user wrote it in a
    /// description or policy; anything longer is described by its kind only, since the file may be a table given
    /// by mistake, and a message never carries a run of a file's bytes.
    func describe(_ node: Node) -> String {
        guard case .scalar(let scalar) = node, node.tagName != .null,
            scalar.string.count <= Printable.excerptLimit, !scalar.string.contains(where: \.isNewline)
        else { return kind(of: node) }
        switch node.tagName {
        case .int, .float: return "the number \(scalar.string)"
        case .bool: return "the boolean \(scalar.string)"
        default: return "'\(Printable.escaped(scalar.string))'"
        }
    }

    /// The kind of a node, without its content.
    func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar):
            switch node.tagName {
            case .null: "empty (null)"
            case .int, .float: "a number"
            case .bool: "a boolean"
            default: scalar.string.contains(where: \.isNewline) ? "several lines of text" : "a text"
            }
        }
    }

    private func translate(_ error: YamlError, text: String) -> DescriptionError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            // libyaml's word for a tab is "character that cannot start any token"; say what to do instead.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let hasTab = lines.indices.contains(mark.line - 1) && lines[mark.line - 1].contains("\t")
            let tab = hasTab ? "; indent with spaces, YAML does not allow tabs" : ""
            return .syntax(at(mark), problem: problem + while_ + tab)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .duplicateKey(at(context.mark), key: duplicates.first ?? "?")
        case .reader(let problem, _, _, _):
            return .syntax(SourceLocation(file: file), problem: problem + " (the file must be UTF-8 text)")
        default:
            return .syntax(SourceLocation(file: file), problem: "\(error)")
        }
    }
}

/// A checked mapping: typed access to its values by key.
struct StrictMapping {
    struct Pair {
        let key: String
        let keyNode: Node
        let value: Node
    }

    let yaml: StrictYAML
    let node: Node
    let pairs: [Pair]
    let keyLocation: SourceLocation?

    /// Where to report problems with the mapping as a whole: its key's line if known, else its first key's.
    var location: SourceLocation { keyLocation ?? yaml.location(node) }
    subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }
    func keyLocation(_ key: String) -> SourceLocation? { pairs.first { $0.key == key }.map { yaml.location($0.keyNode) } }

    /// A key `mapping(…required:)` already guaranteed; throws rather than trapping if a caller forgot to require it.
    func required(_ key: String) throws(DescriptionError) -> Node {
        guard let value = self[key] else {
            throw .missingKey(location, key: key, context: "this mapping", example: "\(key): …")
        }
        return value
    }
}

extension String {
    package var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

extension Node {
    /// The resolved YAML type (`Tag.name` is internal to Yams; its raw value is public).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
