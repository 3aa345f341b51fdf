@testable import DeidCore

/// An I×J×K table with totals along every dimension (all margins, down to the grand total), laid out as an
/// (I+1)×(J+1)×(K+1) grid; index i, j, k = I, J, K are the totals.
struct Grid3D {
    let size: (Int, Int, Int)
    let values: [Int]

    init(_ inner: [[[Int]]]) {
        let (ni, nj, nk) = (inner.count, inner.first?.count ?? 0, inner.first?.first?.count ?? 0)
        size = (ni, nj, nk)
        var v = [Int](repeating: 0, count: (ni + 1) * (nj + 1) * (nk + 1))
        func at(_ i: Int, _ j: Int, _ k: Int) -> Int { (i * (nj + 1) + j) * (nk + 1) + k }
        for i in 0..<ni {
            for j in 0..<nj {
                for k in 0..<nk {
                    let x = inner[i][j][k]
                    for a in [i, ni] { for b in [j, nj] { for c in [k, nk] { v[at(a, b, c)] += x } } }
                }
            }
        }
        values = v
    }

    func index(_ i: Int, _ j: Int, _ k: Int) -> Int { (i * (size.1 + 1) + j) * (size.2 + 1) + k }
    var cellCount: Int { values.count }

    var relations: Relations {
        let (ni, nj, nk) = size
        var list: [(total: Int, parts: [Int], dimension: Int)] = []
        for j in 0...nj { for k in 0...nk { list.append((index(ni, j, k), (0..<ni).map { index($0, j, k) }, 0)) } }
        for i in 0...ni { for k in 0...nk { list.append((index(i, nj, k), (0..<nj).map { index(i, $0, k) }, 1)) } }
        for i in 0...ni { for j in 0...nj { list.append((index(i, j, nk), (0..<nk).map { index(i, j, $0) }, 2)) } }
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
