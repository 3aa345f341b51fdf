import CGLPK

/// General-objective use of a `GLPKModel`, for complementary suppression's attacker subproblems: a fixed cost
/// per column, bounds changed between solves, re-optimised with the dual simplex (changing bounds keeps the
/// previous basis dual feasible, so it warm-starts well).
extension GLPKModel {
    package func setCost(column: Int, _ cost: Double) {
        precondition(column >= 0 && column < columnCount, "cost column outside the model")
        glp_set_obj_coef(problem, Int32(column + 1), cost)
    }

    /// Starts from the all-slack basis: every column at its lower bound. With non-negative costs and zero lower
    /// bounds this basis is dual feasible, so after a target's bounds are set the dual simplex starts at once
    /// instead of first repairing a crashed basis.
    package func useStandardBasis() {
        glp_std_basis(problem)
    }

    /// Minimises the current costs from the current basis.
    package func minimizeCost() throws(SolverError) -> Outcome {
        glp_set_obj_dir(problem, GLP_MIN)
        var parameters = simplexParameters
        parameters.meth = GLP_DUALP
        return try simplex(parameters)
    }
}

