/// One unknown of an equation: a hidden position and its coefficient (+1 for a part, −1 for a total; a cell
/// listed twice has its coefficients added, and a net zero drops the term).
struct Term: Sendable, Hashable {
    var position: Int32
    var coefficient: Int32
}

/// Every relation that touches a hidden cell, as Σ coefficient·x = rhs over hidden positions, stored flat.
struct Equations {
    private(set) var start: [Int] = [0]
    private(set) var flat: [Term] = []
    private(set) var rhs: [Int] = []
    /// The relation each equation came from, for diagnostics.
    private(set) var relation: [Int] = []

    var count: Int { rhs.count }
    func terms(_ e: Int) -> ArraySlice<Term> { flat[start[e]..<start[e + 1]] }

    init(_ problem: AuditProblem, position: [Int32]) throws(AuditError) {
        var scratch: [Term] = []
        for r in problem.relations.indices {
            let relation = problem.relations[r]
            scratch.removeAll(keepingCapacity: true)
            var constant = 0
            // Equation: Σ parts − total = 0; published cells move to the right-hand side.
            func add(_ cell: Int, _ sign: Int) throws(AuditError) {
                if position[cell] >= 0 {
                    scratch.append(Term(position: position[cell], coefficient: Int32(sign)))
                } else {
                    let (product, o1) = problem.values[cell].multipliedReportingOverflow(by: -sign)
                    let (sum, o2) = constant.addingReportingOverflow(product)
                    guard !o1, !o2 else { throw .invalidProblem(detail: "published values too large to add up") }
                    constant = sum
                }
            }
            try add(relation.total, -1)
            for part in relation.parts { try add(Int(part), 1) }
            let merged = Self.merge(scratch)
            if merged.isEmpty {
                guard constant == 0 else {
                    throw .inconsistent(
                        detail: "a total whose parts are all published does not equal their sum",
                        cells: relation.cells)
                }
                continue
            }
            // GLPK works in doubles: beyond 2^53 a right-hand side is no longer exact.
            guard constant.magnitude < 1 << 53 else {
                throw .invalidProblem(detail: "published values too large to audit exactly (beyond 2^53)")
            }
            flat.append(contentsOf: merged)
            start.append(flat.count)
            rhs.append(constant)
            self.relation.append(r)
        }
    }

    /// Adds up the coefficients of a position listed more than once (GLPK aborts on a duplicate index in a
    /// row) and drops terms that cancel. Coefficients stay tiny: a cell appears at most once per role.
    private static func merge(_ terms: [Term]) -> [Term] {
        guard terms.count > 1 else { return terms }
        var merged: [Term] = []
        for term in terms.sorted(by: { $0.position < $1.position }) {
            if let last = merged.last, last.position == term.position {
                merged[merged.count - 1].coefficient += term.coefficient
            } else {
                merged.append(term)
            }
        }
        return merged.filter { $0.coefficient != 0 }
    }
}
