@testable import DeidSolver

/// What a release leaves an attacker to solve: unknowns for the hidden rows, the relations among them with the
/// published values moved to the right-hand side, and each unknown's bounds.
struct CompletionProblem {
    /// The data row (0-based) of each unknown.
    var rows: [Int]
    var equations: [CompletionSearch.Equation]
    var lower: [Int]
    /// nil: unbounded above.
    var upper: [Int?]
}

/// The attacker of `ReleaseVerifier` for tables too large for the brute-force search: each unknown's smallest and
/// largest value over the whole numbers that satisfy the problem, by branch and bound. It reads only the
/// problem the verifier derived from the description and the published file, none of deid's audit.
struct IntegerAttack {
    struct Undecided: Error, CustomStringConvertible {
        var description: String
    }

    let problem: CompletionProblem

    func intervals() throws -> [(lower: Int, upper: Int?)] {
        guard !problem.rows.isEmpty else { return [] }
        let rows = problem.equations.map { equation in
            LinearRow(
                columns: equation.terms.map { Int32($0.variable) }, coefficients: equation.terms.map { Int32($0.sign) },
                rhs: equation.rhs)
        }
        let model = try GLPKModel(lower: problem.lower, upper: problem.upper, rows: rows)
        return try problem.rows.indices.map { v in
            let low = try extreme(model, v, maximize: false)
            let high = try extreme(model, v, maximize: true)
            guard let low else { throw Undecided(description: "unknown \(v) has no lower bound") }
            return (low, high)
        }
    }

    /// The optimum, nil when unbounded; a problem with no integer point or a search that stops is an error.
    private func extreme(_ model: GLPKModel, _ column: Int, maximize: Bool) throws -> Int? {
        switch try model.optimizeInteger(column: column, maximize: maximize, nodeLimit: nil) {
        case .optimal(let value)?: return Int(value.rounded())
        case .unbounded?: return nil
        case .infeasible?: throw Undecided(description: "the published numbers admit no completion")
        case nil: throw Undecided(description: "branch and bound stopped")
        }
    }
}
