/// Fixes every hidden cell that some relation leaves as its only unknown, repeatedly, substituting each fixed
/// value into the other relations. This is exact (each fixed value is forced by an equation) and needs no
/// solver; it also catches equations that no longer add up once everything in them is known.
struct Peeling {
    let equations: Equations
    /// Per hidden position: (lower, upper) from zero-suppression and the label.
    let boxes: [(lower: Int, upper: Int?)]
    private(set) var fixed: [Int?]
    /// Per equation: its right-hand side after substituting fixed values, and how many unknowns are left.
    private(set) var rhs: [Int]
    private(set) var remaining: [Int]
    /// Per position: the equations it appears in, with its coefficient there.
    private var membership: [[(equation: Int, coefficient: Int)]]

    init(equations: Equations, boxes: [(lower: Int, upper: Int?)]) {
        self.equations = equations
        self.boxes = boxes
        fixed = Array(repeating: nil, count: boxes.count)
        rhs = equations.rhs
        remaining = (0..<equations.count).map { equations.terms($0).count }
        membership = Array(repeating: [], count: boxes.count)
        for e in 0..<equations.count {
            for term in equations.terms(e) {
                membership[Int(term.position)].append((e, Int(term.coefficient)))
            }
        }
    }

    /// `cells[p]` is the cell index of hidden position p, for diagnostics.
    mutating func run(cells: [Int]) throws(AuditError) {
        var queue = (0..<equations.count).filter { remaining[$0] == 1 }
        var next = 0
        while next < queue.count {
            let e = queue[next]
            next += 1
            guard remaining[e] == 1,
                let term = equations.terms(e).first(where: { fixed[Int($0.position)] == nil })
            else { continue }
            let p = Int(term.position)
            let coefficient = Int(term.coefficient)
            let box = boxes[p]
            guard rhs[e] % coefficient == 0 else {
                throw .inconsistent(detail: "a relation forces a hidden cell to a fraction", cells: [cells[p]])
            }
            let value = rhs[e] / coefficient
            guard value >= box.lower, value <= box.upper ?? Int.max else {
                throw .inconsistent(
                    detail: "a relation forces a hidden cell outside what its suppression (and label) allows",
                    cells: [cells[p]])
            }
            fixed[p] = value
            for (other, c) in membership[p] {
                let (product, o1) = value.multipliedReportingOverflow(by: c)
                let (difference, o2) = rhs[other].subtractingReportingOverflow(product)
                guard !o1, !o2 else { throw .invalidProblem(detail: "published values too large to add up") }
                rhs[other] = difference
                remaining[other] -= 1
                if remaining[other] == 1 { queue.append(other) }
                if remaining[other] == 0, rhs[other] != 0 {
                    throw .inconsistent(
                        detail: "hidden cells fixed by some relations contradict another relation",
                        cells: equations.terms(other).map { cells[Int($0.position)] })
                }
            }
        }
    }
}
