import Testing
@testable import DeidModel
@testable import DeidAudit

@Suite struct DisclosureAuditTests {
    /// τ-ARGUS manual §2.15 (ddg-rules §13): row totals 7 and 3, column totals 9 and 7, a published third
    /// row (3, 3). Our construction: inner rows (4, 3), (2, 1), (3, 3), all four cells of the first two rows
    /// hidden. Then x11 + x21 = 6, x12 + x22 = 4, x11 + x12 = 7, x21 + x22 = 3. With x ≥ 0 (τ-ARGUS) that
    /// gives x11 ∈ [3, 6]; deid also knows hidden cells are ≥ 1, so x22 = x11 − 3 ≥ 1 and x21 = 6 − x11 ≥ 1
    /// shave one off each end: [4, 5].
    @Test func tauArgusThreeByTwo() throws {
        let grid = Grid2D([[4, 3], [2, 1], [3, 3]])
        #expect(grid.values[grid.index(0, 2)] == 7 && grid.values[grid.index(1, 2)] == 3)
        #expect(grid.values[grid.index(3, 0)] == 9 && grid.values[grid.index(3, 1)] == 7)
        let hidden = [grid.index(0, 0), grid.index(0, 1), grid.index(1, 0), grid.index(1, 1)]
        let result = try DisclosureAudit.run(grid.problem(hiding: hidden))
        #expect(result.bounds(grid.index(0, 0)) == [4, 5])
        #expect(result.bounds(grid.index(0, 1)) == [2, 3])
        #expect(result.bounds(grid.index(1, 0)) == [1, 2])
        #expect(result.bounds(grid.index(1, 1)) == [1, 2])
        #expect(!result.passed && result.underProtected.count == 4)
        #expect(result.components == 1)
    }

    /// The sdcTable-style trap (ddg-rules §13, "Under-protection in published tools"), with our own values: every row and column holds
    /// at least two hidden cells, yet rows {1, 2} against columns {1, 2} close on themselves. Σ(rows 1, 2) −
    /// Σ(columns 1, 2) leaves only published cells and the one hidden cell (1, 3), so it is exactly determined.
    @Test func fourByFourTrap() throws {
        let grid = Grid2D([[13, 21, 47, 9], [17, 14, 30, 25], [40, 8, 16, 19], [22, 35, 12, 18]])
        let pattern = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)]
        for k in 0..<4 {
            #expect(pattern.filter { $0.0 == k }.count >= 2 && pattern.filter { $0.1 == k }.count >= 2)
        }
        let trap = grid.index(0, 2)
        let result = try DisclosureAudit.run(grid.problem(hiding: pattern.map { grid.index($0.0, $0.1) }))
        #expect(result.bounds(trap) == [47, 47])
        #expect(result.interval(trap)?.width == 0)
        #expect(!result.passed)
        #expect(result.underProtected.contains { $0.cell == trap })
    }

    /// A 1-D relation with a single hidden cell fixes it; no linear program is needed.
    @Test func singleHiddenCellIsExact() throws {
        let relations = Relations(listing: [(total: 3, parts: [0, 1, 2], dimension: 0)])
        let problem = AuditProblem(
            cellCount: 4, relations: relations, values: [5, -1, 8, 20], hidden: [1], smallMax: 10,
            minIntervalWidth: 11)
        let result = try DisclosureAudit.run(problem)
        #expect(result.bounds(1) == [7, 7])
        #expect(!result.passed)
        #expect(result.components == 0 && result.linearProgramsSolved == 0)
    }

    /// 15 = 10 + 3 + x + y with x, y hidden (≥ 1) forces x = y = 1; an LP with x ≥ 0 would give [0, 2].
    @Test func twoHiddenOnesAreExact() throws {
        let relations = Relations(listing: [(total: 4, parts: [0, 1, 2, 3], dimension: 0)])
        let problem = AuditProblem(
            cellCount: 5, relations: relations, values: [10, 3, -1, -1, 15], hidden: [2, 3], smallMax: 10,
            minIntervalWidth: 11)
        let result = try DisclosureAudit.run(problem)
        #expect(result.bounds(2) == [1, 1] && result.bounds(3) == [1, 1])
        #expect(!result.passed)
    }

    /// 15 = 10 + 3 + x + x (the same cell listed twice, τ-ARGUS UserSupport #194): 2x = 2 fixes x = 1, and
    /// 16 = 10 + 3 + x + x has no integer solution at all.
    @Test func repeatedCellIsExactOverIntegers() throws {
        let relations = Relations(listing: [(total: 3, parts: [0, 1, 2, 2], dimension: 0)])
        func problem(total: Int) -> AuditProblem {
            AuditProblem(
                cellCount: 4, relations: relations, values: [10, 3, -1, total], hidden: [2], smallMax: 10,
                minIntervalWidth: 11)
        }
        #expect(try DisclosureAudit.run(problem(total: 15)).bounds(2) == [1, 1])
        #expect(throws: AuditError.self) { try DisclosureAudit.run(problem(total: 16)) }
    }

    /// The order of `hidden` must not change anything, and intervals come out sorted by cell.
    @Test func deterministicOrder() throws {
        let grid = Grid2D([[13, 21, 47, 9], [17, 14, 30, 25], [40, 8, 16, 19], [22, 35, 12, 18]])
        let hidden = [0, 1, 5, 6, 12, 13, 17, 18, 9]
        let a = try DisclosureAudit.run(grid.problem(hiding: hidden))
        let b = try DisclosureAudit.run(grid.problem(hiding: hidden.reversed()))
        #expect(a.intervals == b.intervals)
        #expect(a.intervals.map(\.cell) == hidden.sorted())
    }
}
