import Testing
@testable import DeidModel
@testable import DeidProtect

/// The network of hidden cells (`HiddenNetworkLP`) answers whether a hidden cell can already move, and the
/// whole component's program with split columns finds moves as cheap as with merged ones.
@Suite struct HiddenNetworkTests {
    /// County (CA = R1 + R2, R1 = c1 + c2, R2 = c3) × Sex (T = F + M), the table of `PinnedCellsTests`.
    static func table() throws -> CellSystem {
        try FixtureRun.table(PinnedCellsTests.csv, PinnedCellsTests.yaml).cellSystem
    }

    static func cell(_ label: String, in table: CellSystem) throws -> Int {
        try #require((0..<table.cellCount).first { table.origins.coordinates(of: $0).map(\.value).joined(separator: " ") == label })
    }

    static func network(_ table: CellSystem, hidden: [Int]) throws -> HiddenNetworkLP {
        let membership = table.relations.membership(cellCount: table.cellCount)
        let components = CellComponents(table)
        #expect(components.cells.count == 1, "the sample is one component")
        return try #require(
            try HiddenNetworkLP(system: table, membership: membership, components: components, component: 0, hidden: hidden))
    }

    /// Every relation still adds up after the move, and only the given cells moved.
    static func expectConsistent(_ moves: [(cell: Int, delta: Double)], _ table: CellSystem, within allowed: Set<Int>) {
        var delta = [Double](repeating: 0, count: table.cellCount)
        for (cell, d) in moves {
            #expect(allowed.contains(cell), "a published cell moved")
            delta[cell] = d
            #expect(Double(table.values[cell]) + d >= 1 - 1e-9, "a hidden cell went below 1")
        }
        for r in table.relations.indices {
            let relation = table.relations[r]
            let parts = relation.parts.reduce(0.0) { $0 + delta[Int($1)] }
            #expect(abs(delta[relation.total] - parts) < 1e-9)
        }
    }

    /// c1 and c2 by F and M hidden, every total published: the four move together around the 2 × 2 square,
    /// as far as the cells they lower stay at least 1 (c1 F is 5, so down by 4 at most).
    @Test func aSquareOfHiddenCellsMovesForFree() throws {
        let table = try Self.table()
        let square = try ["c1 F", "c1 M", "c2 F", "c2 M"].map { try Self.cell($0, in: table) }
        let network = try Self.network(table, hidden: square)
        let target = square[0]

        let up = try #require(try network.freeMove(of: target, by: 3))
        Self.expectConsistent(up, table, within: Set(square))
        #expect(up.first { $0.cell == target }?.delta == 3)
        let down = try #require(try network.freeMove(of: target, by: -4))
        Self.expectConsistent(down, table, within: Set(square))
        #expect(try network.freeMove(of: target, by: -5) == nil, "c1 F would reach 0")
        // Moving c1 F up by 10 lowers c1 M (10) to 0: no free move.
        #expect(try network.freeMove(of: target, by: 10) == nil)
    }

    /// With only c1 F and c2 F hidden, c1's published total holds c1 F still; once c1 M and c2 M are hidden
    /// too (rows and columns appended to the same model), the square moves.
    @Test func theNetworkGrowsAsCellsAreHidden() throws {
        let table = try Self.table()
        let c1F = try Self.cell("c1 F", in: table)
        let c2F = try Self.cell("c2 F", in: table)
        let network = try Self.network(table, hidden: [c1F, c2F])
        #expect(try network.freeMove(of: c1F, by: 2) == nil)

        let c1M = try Self.cell("c1 M", in: table)
        let c2M = try Self.cell("c2 M", in: table)
        network.markHidden(c1M)
        network.markHidden(c2M)
        network.markHidden(c2M)  // a second notice changes nothing
        let moves = try #require(try network.freeMove(of: c1F, by: 2))
        Self.expectConsistent(moves, table, within: [c1F, c2F, c1M, c2M])
    }

    /// A cell that is not hidden has no column, so no free move.
    @Test func aPublishedCellHasNoFreeMove() throws {
        let table = try Self.table()
        let square = try ["c1 F", "c1 M", "c2 F", "c2 M"].map { try Self.cell($0, in: table) }
        let network = try Self.network(table, hidden: square)
        #expect(try network.freeMove(of: Self.cell("c3 F", in: table), by: 1) == nil)
    }

    /// The whole component's program gives moves of the same cost whether hidden cells have one column or
    /// two: only the starting basis differs.
    @Test func splitAndMergedColumnsFindEquallyCheapMoves() throws {
        let table = try Self.table()
        let run = try FixtureRun(csv: PinnedCellsTests.csv, description: PinnedCellsTests.yaml)
        defer { run.remove() }
        let policy = try run.policy
        let costs = SuppressionCosts(system: table, rule: policy.complementary)
        var pattern = Pattern(cellCount: table.cellCount)
        for label in ["c1 F", "c2 M"] { pattern.hide(try Self.cell(label, in: table), .primary) }
        let all = (0..<table.cellCount).map(Int32.init)
        let relations = table.relations.indices.map(Int32.init)
        func price(_ moves: [(cell: Int, delta: Double)]) -> Double {
            moves.reduce(0) { $0 + (pattern.isHidden($1.cell) ? 0 : costs.cost[$1.cell] * abs($1.delta)) }
        }
        let merged = try ProtectionLP(system: table, cells: all, relations: relations, costs: costs, pattern: pattern)
        let split = try ProtectionLP(
            system: table, cells: all, relations: relations, costs: costs, pattern: pattern, mergesHidden: false)
        let target = try Self.cell("c1 F", in: table)
        for amount in [6, -4, 11] {
            let a = try #require(try merged.cheapestMove(of: target, by: amount))
            let b = try #require(try split.cheapestMove(of: target, by: amount))
            #expect(abs(price(a) - price(b)) < 1e-6, "amount \(amount)")
            Self.expectConsistent(b, table, within: Set(0..<table.cellCount))
        }
    }
}
