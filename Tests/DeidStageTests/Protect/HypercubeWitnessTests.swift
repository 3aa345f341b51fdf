import Testing
@testable import DeidModel
@testable import DeidProtect

/// A hypercube witness is used as proof that a hidden cell can move, so every cube it returns must be a
/// move that keeps every total: for each relation, the total's move equals the sum of its parts' moves.
@Suite struct HypercubeWitnessTests {
    func load(_ csv: String, _ yaml: String) throws -> CellSystem { try FixtureRun.table(csv, yaml).cellSystem }

    /// Every cube found for every hidden cell balances every relation.
    func expectBalanced(_ table: CellSystem, hidden: [Int]) {
        var pattern = Pattern(cellCount: table.cellCount)
        for cell in hidden { pattern.hide(cell, .primary) }
        let witness = HypercubeWitness(system: table)
        for cell in hidden {
            guard let cube = witness.best(for: cell, pattern: pattern).cube else { continue }
            var move = [Double](repeating: 0, count: table.cellCount)
            for corner in cube { move[corner.cell] = corner.sign }
            for relation in table.relations {
                let parts = relation.parts.reduce(0.0) { $0 + move[Int($1)] }
                #expect(move[relation.total] == parts, "cube for \(table.origins.coordinates(of: cell).label) breaks a total")
            }
        }
    }

    /// The case that once passed: a region with a single county. Moving the region and its county together
    /// keeps the region's own relation but not the grand total's, so it is no witness.
    @Test func aPartAndItsSubtotalAreNoCube() throws {
        let table = try load("""
            Region,Cases
            All Region,51
            RG2,9
            R11,42
            R21,9
            RG1,42

            """, """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: Region
                  role: residence_geography
                  hierarchy:
                    All Region: [RG1, RG2]
                    RG1: [R11]
                    RG2: [R21]
              count: Cases

            """)
        let hidden = [1, 3]  // RG2 and R21
        var pattern = Pattern(cellCount: table.cellCount)
        for cell in hidden { pattern.hide(cell, .primary) }
        #expect(HypercubeWitness(system: table).best(for: 1, pattern: pattern).cube == nil)
        expectBalanced(table, hidden: hidden)
    }

    /// A 3 × 3 table with totals and a two-level hierarchy: whatever is hidden, cubes balance.
    @Test func cubesBalanceInAHierarchyByATotal() throws {
        var csv = "Place,Sex,Cases\n"
        let places = ["State", "North", "South", "A", "B", "C", "D"]
        for (p, place) in places.enumerated() {
            for (s, sex) in ["Total", "Female", "Male"].enumerated() {
                // Leaves A–D × Female/Male get 5…12; totals are sums.
                func leaf(_ i: Int, _ j: Int) -> Int { 5 + (i * 3 + j) % 8 }
                let leaves: [Int] = switch place {
                case "State": [3, 4, 5, 6]
                case "North": [3, 4]
                case "South": [5, 6]
                default: [p]
                }
                let sexes = s == 0 ? [1, 2] : [s]
                csv += "\(place),\(sex),\(leaves.flatMap { i in sexes.map { leaf(i, $0) } }.reduce(0, +))\n"
            }
        }
        let table = try load(csv, """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: Place
                  role: residence_geography
                  hierarchy:
                    State: [North, South]
                    North: [A, B]
                    South: [C, D]
                - column: Sex
                  role: sex
                  total: Total
              count: Cases

            """)
        // Every other cell hidden, and then all of them: many cubes, every kind of corner.
        expectBalanced(table, hidden: Array(stride(from: 0, to: table.cellCount, by: 2)))
        expectBalanced(table, hidden: Array(0..<table.cellCount))
        expectSameCubesWithoutTheDenseIndex(table)
    }

    /// Corners found by stride arithmetic on the dense index are the ones found by looking up coordinates.
    func expectSameCubesWithoutTheDenseIndex(_ table: CellSystem) {
        #expect(table.grid.dense != nil, "the sample is indexed densely")
        for step in [1, 2, 3] {
            var pattern = Pattern(cellCount: table.cellCount)
            for cell in stride(from: 0, to: table.cellCount, by: step) { pattern.hide(cell, .primary) }
            let dense = HypercubeWitness(system: table)
            let lookedUp = HypercubeWitness(system: table, usesDenseIndex: false)
            var cubes = 0
            for cell in pattern.hiddenCells {
                let a = dense.best(for: cell, pattern: pattern)
                let b = lookedUp.best(for: cell, pattern: pattern)
                #expect(a.up == b.up && a.down == b.down)
                #expect(a.cube?.map(\.cell) == b.cube?.map(\.cell) && a.cube?.map(\.sign) == b.cube?.map(\.sign))
                if a.cube != nil { cubes += 1 }
            }
            if step == 1 { #expect(cubes > 0, "with every cell hidden, cubes exist") }
        }
    }
}
