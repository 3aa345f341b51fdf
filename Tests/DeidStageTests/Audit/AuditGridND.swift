@testable import DeidModel
@testable import DeidAudit

/// A table of any number of dimensions, each with a total, laid out row-major over (n₁+1)×…×(n_d+1); the
/// last index of every dimension is its total. Relations: every line along every dimension.
struct GridND {
    let sizes: [Int]
    let values: [Int]
    private let strides: [Int]

    /// `inner` lists the inner cells row-major over `sizes`.
    init(sizes: [Int], inner: [Int]) {
        self.sizes = sizes
        var strides = Array(repeating: 1, count: sizes.count)
        for d in stride(from: sizes.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * (sizes[d + 1] + 1) }
        self.strides = strides
        var v = [Int](repeating: 0, count: strides[0] * (sizes[0] + 1))
        for (n, x) in inner.enumerated() {
            // Add x to every cell obtained by replacing any subset of coordinates by their total.
            var coordinate = [Int](repeating: 0, count: sizes.count)
            var rest = n
            for d in stride(from: sizes.count - 1, through: 0, by: -1) {
                coordinate[d] = rest % sizes[d]
                rest /= sizes[d]
            }
            for mask in 0..<(1 << sizes.count) {
                var index = 0
                for d in sizes.indices { index += strides[d] * ((mask >> d) & 1 == 1 ? sizes[d] : coordinate[d]) }
                v[index] += x
            }
        }
        values = v
    }

    var cellCount: Int { values.count }

    func index(_ coordinate: [Int]) -> Int { zip(coordinate, strides).reduce(0) { $0 + $1.0 * $1.1 } }

    func coordinate(of index: Int) -> [Int] {
        sizes.indices.map { (index / strides[$0]) % (sizes[$0] + 1) }
    }

    func isInner(_ index: Int) -> Bool { zip(coordinate(of: index), sizes).allSatisfy { $0 < $1 } }

    var relations: Relations {
        var list: [(total: Int, parts: [Int], dimension: Int)] = []
        for cell in 0..<cellCount {
            for d in sizes.indices {
                let c = coordinate(of: cell)
                guard c[d] == sizes[d] else { continue }
                list.append((cell, (0..<sizes[d]).map { cell - (sizes[d] - $0) * strides[d] }, d))
            }
        }
        return Relations(listing: list)
    }

    func problem(hiding hidden: [Int], labels: [Int: HiddenLabel] = [:]) -> AuditProblem {
        var v = values
        for h in hidden { v[h] = -1 }
        return AuditProblem(
            cellCount: cellCount, relations: relations, values: v, hidden: hidden, labels: labels, smallMax: 10,
            minIntervalWidth: 11)
    }
}
