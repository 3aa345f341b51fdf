import Testing
@testable import DeidModel
@testable import DeidProtect

/// Regression: the union-find in `CellComponents` once re-linked a stale root, so the parts of one relation
/// fell into different components and complementary suppression "protected" cells without hiding anything.
@Suite struct CellComponentsTests {
    func load(_ csv: String, _ yaml: String) throws -> CellSystem { try FixtureRun.table(csv, yaml).cellSystem }

    @Test func everyRelationLiesInOneComponent() throws {
        let table = try load("""
            County,Sex,Cases
            Alder,Female,4
            Alder,Male,27
            Alder,Total,31
            Birch,Female,38
            Birch,Male,45
            Birch,Total,83
            Total,Female,42
            Total,Male,72
            Total,Total,114

            """, """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: County
                  role: residence_geography
                  total: Total
                - column: Sex
                  role: sex
                  total: Total
              count: Cases

            """)
        let components = CellComponents(table)
        #expect(components.cells.count == 1)
        for relation in table.relations {
            #expect(Set(relation.cells.map { components.componentOf[$0] }).count == 1)
        }
    }

    @Test func slicesWithoutTotalsAreSeparateComponents() throws {
        let table = try load("""
            Year,Sex,Cases
            2020,Female,12
            2020,Male,14
            2020,Total,26
            2021,Female,15
            2021,Male,16
            2021,Total,31

            """, """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              dimensions:
                - column: Year
                  role: time
                - column: Sex
                  role: sex
                  total: Total
              count: Cases

            """)
        let components = CellComponents(table)
        #expect(components.cells.map(\.count) == [3, 3])
        #expect(components.relations.map(\.count) == [1, 1])
    }
}
