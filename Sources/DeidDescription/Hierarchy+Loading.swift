import Yams

extension Hierarchy {
    /// `parent: [children]` entries in file order. Labels are read as text, so `2020:` or `[No, Yes]` stay strings.
    static func parse(_ node: Node, yaml: StrictYAML) throws(DescriptionError) -> Hierarchy {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "hierarchy", expected: "a mapping of parent labels to lists of children",
                found: yaml.describe(node))
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let parent = try yaml.text(key, key: "hierarchy", meaning: "a parent label")
            if entries.contains(where: { $0.parent == parent }) {
                throw .duplicateKey(yaml.location(key), key: parent)
            }
            var children: [String] = []
            for child in try yaml.list(value, key: parent, meaning: "child labels") {
                children.append(try yaml.text(child, key: parent, meaning: "a child label"))
            }
            entries.append(Entry(parent: parent, children: children, location: yaml.location(key)))
        }
        return Hierarchy(entries: entries)
    }

    /// The label that is nobody's child: the grand total. Nil only for a hierarchy that `validate` rejects.
    public var root: String? {
        let children = Set(entries.flatMap(\.children))
        return entries.first { !children.contains($0.parent) }?.parent
    }

    /// Checks that the entries form one tree: non-empty child lists without repeats, one parent per label,
    /// no cycles and exactly one root. Errors point at the parent line where the problem shows.
    func validate(column: String) throws(DescriptionError) {
        func fail(_ entry: Entry, _ problem: String) -> DescriptionError {
            .invalidHierarchy(entry.location, column: column, problem: problem)
        }
        var parentOf: [String: Entry] = [:]
        for entry in entries {
            guard !entry.children.isEmpty else {
                throw fail(entry, "'\(entry.parent)' has an empty list of children; list its parts or remove the line")
            }
            var seen: Set<String> = []
            for child in entry.children {
                guard child != entry.parent else {
                    throw fail(entry, "'\(child)' is listed as its own child; a label cannot be both a total and one of its parts")
                }
                guard seen.insert(child).inserted else {
                    throw fail(entry, "'\(child)' is listed twice under '\(entry.parent)'")
                }
                if let other = parentOf[child] {
                    throw fail(
                        entry,
                        "'\(child)' has two parents, '\(other.parent)'\(Self.line(other)) and '\(entry.parent)'; "
                            + "each label adds up into one total only")
                }
                parentOf[child] = entry
            }
        }
        try checkCycles(parentOf: parentOf, fail: fail)
        try checkDepth(parentOf: parentOf, fail: fail)
        let roots = entries.filter { parentOf[$0.parent] == nil }
        if roots.count > 1, let second = roots.dropFirst().first {
            let names = roots.map { "'\($0.parent)'\(Self.line($0))" }.joined(separator: ", ")
            throw fail(
                second,
                "it has more than one root (a parent that is nobody's child): \(names); add a grand total above "
                    + "them, or list one under another")
        }
    }

    /// Walks up from every parent; with one parent per label, a walk that revisits a label has found a cycle.
    private func checkCycles(
        parentOf: [String: Entry], fail: (Entry, String) -> DescriptionError
    ) throws(DescriptionError) {
        var cleared: Set<String> = []  // labels whose walk reached a root: no need to walk them again
        for entry in entries where !cleared.contains(entry.parent) {
            var path = [entry.parent]
            var label = entry.parent
            while let up = parentOf[label], !cleared.contains(up.parent) {
                if let start = path.firstIndex(of: up.parent) {
                    // path runs child → parent; print it parent → child, the way the file reads.
                    let cycle = (path[start...] + [up.parent]).reversed().map { "'\($0)'" }
                    throw fail(up, "it has a cycle, \(cycle.joined(separator: " → ")) (parent → child)")
                }
                path.append(up.parent)
                label = up.parent
            }
            cleared.formUnion(path)
        }
    }

    /// More levels than any real classification has; the table model stores a label's height in 8 bits.
    static let maximumDepth = 100

    /// Counts each parent's levels above it (the hierarchy has no cycle by now), memoised.
    private func checkDepth(parentOf: [String: Entry], fail: (Entry, String) -> DescriptionError) throws(DescriptionError) {
        var depth: [String: Int] = [:]
        for entry in entries {
            var path: [String] = []
            var label = entry.parent
            while depth[label] == nil, let up = parentOf[label] {
                path.append(label)
                label = up.parent
            }
            var level = depth[label] ?? 0
            for walked in path.reversed() {
                level += 1
                depth[walked] = level
            }
            if level > Self.maximumDepth {
                throw fail(entry, "it lies \(level) levels below the root; a hierarchy may have at most \(Self.maximumDepth)")
            }
        }
    }

    private static func line(_ entry: Entry) -> String {
        entry.location.line.map { " (line \($0))" } ?? ""
    }
}
