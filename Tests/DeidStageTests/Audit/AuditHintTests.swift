import Testing
@testable import DeidModel
@testable import DeidAudit

/// Moves handed to the audit by protection (`AuditProblem.hints`) may spare solves, never change a verdict: a
/// hint is used only after the audit has checked it against every relation, and only to prove a cell wide.
@Suite struct AuditHintTests {
    /// Cells 0…7 are A1…A8, cell 8 their total; A1 and A3 are hidden and the true values are known (release).
    func problem(_ counts: [Int], hints: [Move]) -> AuditProblem {
        var problem = AuditProblem(
            cellCount: 9, relations: Relations(listing: [(total: 8, parts: Array(0..<8), dimension: 0)]),
            values: counts + [counts.reduce(0, +)], hidden: [0, 2], smallMax: 10, minIntervalWidth: 11)
        problem.hints = hints
        problem.hintsSettleFrom = 1
        return problem
    }

    let trade = Move(cells: [0, 2], steps: [1, -1])

    /// A1 + A3 = 8: each lies in 1…7, too narrow, and a true move between them cannot make it wider.
    @Test func aValidHintCannotRescueANarrowCell() throws {
        let result = try DisclosureAudit.run(problem([3, 14, 5, 20, 0, 0, 0, 30], hints: [trade]))
        #expect(!result.passed)
        #expect(result.bounds(0) == [1, 7] && result.bounds(2) == [1, 7])
    }

    /// A "move" of A1 alone changes the total: it is no move, and trusting it would call A1 unbounded.
    @Test func aHintThatBreaksARelationIsIgnored() throws {
        let bogus = Move(cells: [0], steps: [1])
        let result = try DisclosureAudit.run(problem([3, 14, 5, 20, 0, 0, 0, 30], hints: [bogus]))
        #expect(!result.passed)
        #expect(result.intervals.allSatisfy { $0.exact }, "no cell was settled by the bogus hint")
    }

    /// A1 + A3 = 40: the trade moves A1 over 1…39, wide enough, so its solves are skipped and its interval is
    /// the outer bound the relation gives, marked not exact; the verdict is the one solving gives.
    @Test func aVerifiedHintSparesTheSolvesOfACellItProvesWide() throws {
        let counts = [3, 14, 37, 20, 0, 0, 0, 30]
        let withHint = try DisclosureAudit.run(problem(counts, hints: [trade]))
        let without = try DisclosureAudit.run(problem(counts, hints: []))
        #expect(withHint.passed && without.passed)
        #expect(withHint.linearProgramsSolved < without.linearProgramsSolved)
        #expect(withHint.intervals.contains { !$0.exact })
        for cell in [0, 2] {
            let outer = try #require(withHint.interval(cell))
            let exact = try #require(without.interval(cell))
            #expect(outer.lower <= exact.lower && (outer.upper ?? .max) >= (exact.upper ?? .max))
        }
    }
}
