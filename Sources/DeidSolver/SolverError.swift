/// GLPK could not solve a problem: it could not create it, or stopped for a reason other than an optimum,
/// infeasibility or unboundedness (numerical trouble, an iteration limit). The stages that build problems
/// (protect, audit) turn it into their own error, which says what was being solved.
public struct SolverError: Error, Equatable, Sendable {
    public var detail: String

    public init(_ detail: String) { self.detail = detail }
}
