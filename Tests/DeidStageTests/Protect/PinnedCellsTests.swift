import Testing
@testable import DeidProtect

/// A neighbourhood's linear program leaves out cells that its relations hold still (`ProtectionLP.withoutPinned`).
@Suite struct PinnedCellsTests {
    static let csv = """
        County,Sex,Cases
        CA,T,120
        CA,F,70
        CA,M,50
        R1,T,45
        R1,F,25
        R1,M,20
        c1,T,15
        c1,F,5
        c1,M,10
        c2,T,30
        c2,F,20
        c2,M,10
        R2,T,75
        R2,F,45
        R2,M,30
        c3,T,75
        c3,F,45
        c3,M,30

        """
    static let yaml = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              hierarchy:
                CA: [R1, R2]
                R1: [c1, c2]
                R2: [c3]
            - column: Sex
              role: sex
              total: T
          count: Cases

        """

    /// The near neighbourhood of c1 × F holds R1 but not CA or R2, so CA = R1 + R2 holds R1 still in every sex;
    /// c1 and c2 can still move against each other within R1.
    @Test func aRegionWhoseStateTotalIsOutsideIsPinned() throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml)
        defer { run.remove() }
        let table = try run.table().cellSystem
        func label(_ cell: Int32) -> String { table.origins.coordinates(of: Int(cell)).map(\.value).joined(separator: " ") }
        let target = try #require((0..<table.cellCount).first { label(Int32($0)) == "c1 F" })
        let hood = Neighbourhood(of: target, in: table, reach: .near)
        let relations = Set(hood.cells.flatMap { cell in
            table.relations.indices.filter { table.relations[$0].total == Int(cell) || table.relations[$0].parts.contains(cell) }
        }).map(Int32.init).sorted()

        let kept = ProtectionLP.withoutPinned(hood.cells, relations: relations, system: table)
        #expect(Set(hood.cells.map(label)) == ["c1 F", "c1 M", "c1 T", "c2 F", "c2 M", "c2 T", "R1 F", "R1 M", "R1 T"])
        #expect(Set(kept.map(label)) == ["c1 F", "c1 M", "c1 T", "c2 F", "c2 M", "c2 T"])
        // A fixed point: no relation is left with exactly one cell that could move.
        for r in relations.map(Int.init) {
            let members = [table.relations[r].total] + table.relations[r].parts.map(Int.init)
            #expect(members.filter { kept.contains(Int32($0)) }.count != 1)
        }
    }
}
