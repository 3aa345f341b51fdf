/// Disjoint sets over 0..<count (cells, hidden positions), with path halving and union by size.
package struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    package init(count: Int) {
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    package mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    package mutating func union(_ a: Int, _ b: Int) {
        var (a, b) = (find(a), find(b))
        guard a != b else { return }
        if size[a] < size[b] { swap(&a, &b) }
        parent[b] = a
        size[a] += size[b]
    }
}
