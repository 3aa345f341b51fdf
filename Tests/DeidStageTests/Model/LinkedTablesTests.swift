import Testing
@testable import DeidModel

/// Tables released together as one cell system: shared cells once, every table's relations, the errors that
/// make a set of tables impossible to link.
@Suite struct LinkedTablesTests {
    static func description(_ dimensions: String) -> String {
        "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n\(dimensions)  count: Cases\n"
    }

    static let county = "    - column: County\n      role: residence_geography\n      total: All\n"
    static let sex = "    - column: Sex\n      role: sex\n      total: Total\n"
    static let age = "    - column: Age\n      role: age\n      total: Total\n"

    static let bySex = "County,Sex,Cases\nAll,Total,60\nAll,F,30\nAll,M,30\nA,Total,30\nA,F,15\nA,M,15\nB,Total,30\nB,F,15\nB,M,15\n"
    static let byAge = "County,Age,Cases\nAll,Total,60\nAll,Y,31\nAll,O,29\nA,Total,30\nA,Y,16\nA,O,14\nB,Total,30\nB,Y,15\nB,O,15\n"

    static func tables(_ pairs: [(csv: String, dimensions: String)]) throws -> [Table] {
        try pairs.map { try FixtureRun.table($0.csv, description($0.dimensions)) }
    }

    /// County × Sex and County × Age share the county totals and the grand total: 9 + 9 − 3 cells; each table's
    /// 6 relations, the one along County at the grand total counted once.
    @Test func sharedCellsAndRelationsAreCountedOnce() throws {
        let linked = try LinkedTables.link(Self.tables([(Self.bySex, Self.county + Self.sex), (Self.byAge, Self.county + Self.age)]))
        let system = linked.system
        #expect(system.cellCount == 15)
        #expect(system.relations.count == 11)
        #expect(linked.cellMaps.map(\.count) == [9, 9])
        // Row 1 of each table is the grand total; rows 4 and 7 are the county totals.
        for row in [0, 3, 6] { #expect(linked.cellMaps[0][row] == linked.cellMaps[1][row]) }
        #expect(Set(linked.cellMaps[0]).intersection(linked.cellMaps[1]).count == 3)
        let grand = Int(linked.cellMaps[0][0])
        #expect(system.marginality[grand] == 3)
        #expect(system.values[grand] == 60)
        // Messages name a shared cell as the first table has it.
        #expect(system.origins.coordinates(of: grand).map(\.dimension) == ["County", "Sex"])
        #expect(system.grid.axes.count == 3)
    }

    /// A count one table leaves blank and another shows is shown: the audit treats it as published.
    @Test func aCellBlankInOneTableAndShownInAnotherIsShown() throws {
        let blank = Self.byAge.replacingOccurrences(of: "A,Total,30", with: "A,Total,")
        let tables = try [FixtureRun.table(Self.bySex, Self.description(Self.county + Self.sex)),
                          Self.checkedTable(blank, Self.description(Self.county + Self.age))]
        let linked = try LinkedTables.link(tables)
        let shared = Int(linked.cellMaps[1][3])
        #expect(!linked.system.isUnknown(shared))
        #expect(linked.system.values[shared] == 30)
    }

    @Test func tablesThatDisagreeOnASharedCellAreRefused() throws {
        let other = Self.byAge.replacingOccurrences(of: "A,Total,30", with: "A,Total,31").replacingOccurrences(of: "A,Y,16", with: "A,Y,17")
            .replacingOccurrences(of: "B,Total,30", with: "B,Total,29").replacingOccurrences(of: "B,Y,15", with: "B,Y,14")
        #expect {
            try LinkedTables.link(Self.tables([(Self.bySex, Self.county + Self.sex), (other, Self.county + Self.age)]))
        } throws: { error in
            guard case .linkedCountsDisagree(let cell, let at, let first) = error as? ModelError else { return false }
            return cell.map(\.value) == ["A", "Total"] && at.line == 5 && first.line == 5
        }
    }

    /// A table without a column stands at its total; a column with no total (separate slices) cannot be left out.
    @Test func aColumnWithoutATotalCannotBeLeftOut() throws {
        let years = "Year,County,Cases\n2020,All,30\n2020,A,15\n2020,B,15\n2021,All,30\n2021,A,15\n2021,B,15\n"
        let year = "    - column: Year\n      role: time\n"
        #expect {
            try LinkedTables.link(Self.tables([(years, year + Self.county), (Self.bySex, Self.county + Self.sex)]))
        } throws: { error in
            guard case .linkedDimensionWithoutTotal(let column, _, _) = error as? ModelError else { return false }
            return column == "Year"
        }
    }

    @Test func aLabelUnderDifferentTotalsIsRefused() throws {
        let regions = "County,Sex,Cases\nAll,Total,60\nAll,F,30\nAll,M,30\nR,Total,60\nR,F,30\nR,M,30\nA,Total,30\nA,F,15\nA,M,15\nB,Total,30\nB,F,15\nB,M,15\n"
        let hierarchy = "    - column: County\n      role: residence_geography\n      hierarchy:\n        All: [R]\n        R: [A, B]\n"
        #expect {
            try LinkedTables.link(Self.tables([(regions, hierarchy + Self.sex), (Self.byAge, Self.county + Self.age)]))
        } throws: { error in
            guard case .linkedHierarchiesDisagree(let label, let column, _, _) = error as? ModelError else { return false }
            return label == "A" && column == "County"
        }
    }

    /// A table with blank (hidden) counts, read as `check` reads a release.
    static func checkedTable(_ csv: String, _ description: String) throws -> Table {
        let run = try FixtureRun(csv: csv, description: description)
        defer { run.remove() }
        let (described, policy) = try run.rules()
        return try TableLoader.load(
            .file(run.tablePath), displayName: "table.csv", description: described, policy: policy, purpose: .check).table
    }
}
