@testable import DeidSolver
@testable import DeidAudit

/// What an LP-only audit (τ-ARGUS's Intervalle, sdcTable's attack()) would report: min and max of each hidden
/// cell over the LP relaxation, rounded inward, with no integer check. Tests use it to show where integrality
/// matters.
func lpOnlyIntervals(_ problem: AuditProblem) throws -> [Int: (Double, Double?)] {
    let system = try ReducedSystem(problem, position: problem.validatedHiddenPositions())
    var result: [Int: (Double, Double?)] = [:]
    for (p, v) in system.fixed.enumerated() {
        if let v { result[problem.hidden[p]] = (Double(v), Double(v)) }
    }
    for component in system.components {
        guard !component.rows.isEmpty else { continue }
        let model = try GLPKModel(lower: component.lower, upper: component.upper, rows: component.rows)
        for (j, cell) in component.cells.enumerated() {
            guard case .optimal(let low) = try model.optimize(column: j, maximize: false) else { continue }
            switch try model.optimize(column: j, maximize: true) {
            case .optimal(let high): result[cell] = (low, high)
            default: result[cell] = (low, nil)
            }
        }
    }
    return result
}
