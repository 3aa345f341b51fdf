import DeidDescription

/// One dimension of a table after reading: its labels (interned ids) and how they add up.
///
/// Value ids index `labels`; `parent[v]` is the value that `v` adds up into (or -1), and `children[v]` the values
/// that add up to `v` (empty for a leaf). A dimension without a total has no parents at all: each of its values
/// is a separate slice of the table.
public struct Dimension: Sendable, Hashable {
    public let column: String
    public let role: DimensionRole
    public let labels: [String]
    public let parent: [Int32]
    public let children: [[Int32]]
    /// 0 for a leaf; otherwise 1 + the largest depth of its children (a subtotal of leaves is 1).
    public let height: [Int8]

    public init(column: String, role: DimensionRole, labels: [String], parent: [Int32]) {
        self.column = column
        self.role = role
        self.labels = labels
        self.parent = parent
        var children = Array(repeating: [Int32](), count: labels.count)
        for (child, p) in parent.enumerated() where p >= 0 {
            children[Int(p)].append(Int32(child))
        }
        self.children = children
        var height = Array(repeating: Int8(-1), count: labels.count)
        func measure(_ v: Int) -> Int8 {
            if height[v] >= 0 { return height[v] }
            let h = children[v].map { measure(Int($0)) + 1 }.max() ?? 0
            height[v] = h
            return h
        }
        for v in labels.indices { _ = measure(v) }
        self.height = height
    }

    public var count: Int { labels.count }
    /// Whether the dimension has a total or a hierarchy (so it generates additive relations).
    public var isAdditive: Bool { parent.contains { $0 >= 0 } }
    public func isLeaf(_ value: Int32) -> Bool { children[Int(value)].isEmpty }

    /// The value and all its ancestors, nearest first.
    public func lineage(of value: Int32) -> [Int32] {
        var chain = [value]
        var v = parent[Int(value)]
        while v >= 0 {
            chain.append(v)
            v = parent[Int(v)]
        }
        return chain
    }
}
