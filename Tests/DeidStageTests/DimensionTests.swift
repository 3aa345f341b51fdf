import Testing
@testable import DeidModel

@Suite struct DimensionTests {
    @Test func hierarchyHeightsAndLineage() {
        // California = Bay Area + Rest; Bay Area = Alameda + Marin
        let d = Dimension(
            column: "County", role: .residenceGeography,
            labels: ["California", "Bay Area", "Rest", "Alameda", "Marin"], parent: [-1, 0, 0, 1, 1])
        #expect(d.height == [2, 1, 0, 0, 0])
        #expect(d.lineage(of: 3) == [3, 1, 0])
        #expect(d.children[1] == [3, 4])
        #expect(d.isAdditive)
    }
}
