/// A column that names, on each row, the label its dimension's label adds up into (`Parent` beside `Geography`:
/// Alameda → Bay Area, Bay Area → California, California → blank). `deid init` turns it into the dimension's
/// `hierarchy:` and declares the column `descriptive:`.
enum ParentColumn {
    /// The tree the column describes, parents in order of first appearance with their members, or nil when it is
    /// not a parent column: a value that is not one of the dimension's labels, a label given two parents, other
    /// than exactly one label without a parent (the root), or a label that does not lead up to the root.
    static func tree(child: ColumnValues, parent: ColumnValues) -> (root: String, children: [(parent: String, members: [String])])? {
        var parentOf: [String: String] = [:]
        for row in child.rows.indices {
            let label = child.distinct[Int(child.rows[row])]
            let above = parent.distinct[Int(parent.rows[row])]
            guard above.isEmpty || child.index[above] != nil, above != label else { return nil }
            if let known = parentOf[label], known != above { return nil }
            parentOf[label] = above
        }
        let roots = child.distinct.filter { parentOf[$0] == "" }
        guard roots.count == 1, let root = roots.first, parentOf.count > 2 else { return nil }
        for label in child.distinct {
            var seen: Set<String> = [label]
            var current = label
            while let above = parentOf[current], !above.isEmpty {
                guard seen.insert(above).inserted else { return nil }
                current = above
            }
            guard current == root else { return nil }
        }
        var order: [String] = []
        var members: [String: [String]] = [:]
        for label in child.distinct where label != root {
            guard let above = parentOf[label] else { continue }
            if members[above] == nil { order.append(above) }
            members[above, default: []].append(label)
        }
        return (root, order.map { ($0, members[$0] ?? []) })
    }
}
