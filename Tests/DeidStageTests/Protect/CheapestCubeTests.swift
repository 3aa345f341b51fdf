import PropertyBased
import Testing
@testable import DeidDescription
@testable import DeidModel
@testable import DeidProtect

/// A cube is the proof a component too large for linear programs relies on, so every cube `CheapestCube` returns
/// must be a move of the whole table: every relation keeps its balance, no corner is a zero or a cell that may
/// not be hidden, and the target can move as far as the cube claims with every lowered corner staying ≥ 1.
@Suite struct CheapestCubeTests {
    static let tables = Generator<RandomTable, Shrink.None<RandomTable>>(run: { rng in RandomTable(using: &rng) })

    @Test func everyCubeIsAMoveOfTheWholeTable() async throws {
        var cubes = 0
        await propertyCheck(count: 60, input: Self.tables) { random in
            let system = try FixtureRun.table(random.csv, random.yaml).cellSystem
            let rule = ComplementaryRule(rule6: nil, allowTotals: true, totalCostFactor: 1.5)
            let costs = SuppressionCosts(system: system, rule: rule)
            let search = CheapestCube(system: system, costs: costs)
            var pattern = Pattern(cellCount: system.cellCount)
            for cell in 0..<system.cellCount where (1...10).contains(system.values[cell]) { pattern.hide(cell, .primary) }
            for cell in pattern.hiddenCells {
                guard let cube = search.cheapest(for: cell, width: 11, pattern: pattern) else { continue }
                cubes += 1
                expectMove(cube, of: cell, in: system, costs: costs, pattern: pattern, width: 11)
                // Hiding the cube's cells, as protection does, makes later searches cheaper, never invalid.
                for corner in cube.corners { pattern.hide(corner.cell, .complementary) }
            }
        }
        #expect(cubes >= 100, "cubes found: \(cubes)")
    }

    private func expectMove(
        _ cube: CheapestCube.Cube, of cell: Int, in system: CellSystem, costs: SuppressionCosts, pattern: Pattern,
        width: Int
    ) {
        var step = [Int](repeating: 0, count: system.cellCount)
        for corner in cube.corners { step[corner.cell] += Int(corner.sign) }
        #expect(step[cell] == 1, "the target moves up with the cube")
        for relation in system.relations {
            let parts = relation.parts.reduce(0) { $0 + step[Int($1)] }
            #expect(step[relation.total] == parts, "the cube for \(system.origins.coordinates(of: cell).label) breaks a total")
        }
        for corner in cube.corners {
            #expect(system.values[corner.cell] > 0 && (pattern.isHidden(corner.cell) || costs.eligible[corner.cell]))
        }
        // The claimed reach: up by `up` lowers the corners of sign −1, down by `down` those of sign +1.
        for corner in cube.corners {
            let lowered = corner.sign < 0 ? cube.up : cube.down
            #expect(system.values[corner.cell] - lowered >= 1, "a corner would fall below 1")
        }
        #expect(cube.up + cube.down >= width)
    }
}
