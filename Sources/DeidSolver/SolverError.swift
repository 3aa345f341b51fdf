/// GLPK could not solve a problem: it could not create it, or stopped for a reason other than an optimum,
/// infeasibility or unboundedness (numerical trouble, an iteration limit). The stages that build problems
/// (protect, audit) turn it into their own error, which says what was being solved.
public struct SolverError: Error, Equatable, Sendable {
    public var detail: String

    public init(_ detail: String) { self.detail = detail }
}

/// Runs a solver call and reports its failure as `stageError` makes it: the solver's own error does not say what
/// was being solved. (Generic in the closure's error because closures do not yet infer a typed `throws` from
/// their context; the only error the solver throws is `SolverError`.)
package func callingSolver<T, Failure: Error, StageError: Error>(
    _ body: () throws(Failure) -> T, orThrow stageError: (_ detail: String) -> StageError
) throws(StageError) -> T {
    do {
        return try body()
    } catch let error as SolverError {
        throw stageError(error.detail)
    } catch {
        throw stageError(String(describing: error))
    }
}
