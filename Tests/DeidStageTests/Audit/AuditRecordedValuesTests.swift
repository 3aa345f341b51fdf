import Testing

@testable import DeidAudit

/// `release` audits its own pattern knowing the true counts: the true table is one completion, so its values
/// are attained and save solves. The intervals must not change, and values that are not a completion (what
/// `check` reads from a published table, or wrong ones) must be ignored.
@Suite struct AuditRecordedValuesTests {
    /// A 4×4 table with totals, hiding its 1s and 2s and enough partners that no cell is determined.
    let grid = Grid2D([[1, 30, 2, 40], [25, 1, 33, 2], [2, 27, 1, 35], [38, 2, 29, 1]])
    var hidden: [Int] {
        [(0, 0), (0, 2), (1, 1), (1, 3), (2, 0), (2, 2), (3, 1), (3, 3)].map { grid.index($0.0, $0.1) }
    }

    func audit(values: [Int]) throws -> AuditResult {
        var problem = grid.problem(hiding: hidden)
        problem.values = values
        return try DisclosureAudit.run(problem)
    }

    @Test func trueValuesSaveSolvesAndChangeNoInterval() throws {
        let blind = try audit(values: grid.masked(hidden))
        let knowing = try audit(values: grid.values)
        #expect(blind.components == 2)
        #expect(blind.intervals.allSatisfy { $0.lower == 1 && $0.upper == 2 })
        #expect(knowing.intervals == blind.intervals)
        #expect(knowing.linearProgramsSolved < blind.linearProgramsSolved)
    }

    /// The pattern is two independent cycles ((0,0)–(0,2)–(2,2)–(2,0) and (1,1)–(1,3)–(3,3)–(3,1)). One value
    /// off by one in each breaks a row and a column there: not a completion, so not used.
    @Test func valuesThatBreakARelationAreIgnored() throws {
        var wrong = grid.values
        wrong[grid.index(0, 0)] += 1
        wrong[grid.index(1, 1)] += 1
        let blind = try audit(values: grid.masked(hidden))
        let misled = try audit(values: wrong)
        #expect(misled.intervals == blind.intervals)
        #expect(misled.linearProgramsSolved == blind.linearProgramsSolved)
    }
}
