import Testing
@testable import DeidModel
@testable import DeidAudit

@Suite struct AuditErrorTests {
    func oneRow(_ values: [Int], hidden: [Int], labels: [Int: HiddenLabel] = [:]) -> AuditProblem {
        AuditProblem(
            cellCount: values.count,
            relations: Relations(listing: [
                (total: values.count - 1, parts: Array(0..<(values.count - 1)), dimension: 0)
            ]),
            values: values, hidden: hidden, labels: labels, smallMax: 10, minIntervalWidth: 11)
    }

    func isInconsistent(_ problem: AuditProblem) -> Bool {
        do {
            _ = try DisclosureAudit.run(problem)
            return false
        } catch {
            if case .inconsistent = error { return true }
            return false
        }
    }

    @Test func publishedTotalsThatDoNotAddUp() {
        #expect(isInconsistent(oneRow([3, 4, 8], hidden: [])))
    }

    @Test func singleHiddenCellForcedBelowOne() {
        // 5 = 4 + x + 1 forces x = 0, but zeros are never hidden.
        #expect(isInconsistent(oneRow([4, -1, 1, 5], hidden: [1])))
    }

    @Test func twoHiddenCellsWithNoRoom() {
        // 5 = 4 + x + y with x, y ≥ 1.
        #expect(isInconsistent(oneRow([4, -1, -1, 5], hidden: [1, 2])))
    }

    @Test func labelsThatContradictTheTotal() {
        // Two "small" cells (≤ 10) cannot add up to 25.
        #expect(isInconsistent(oneRow([-1, -1, 25], hidden: [0, 1], labels: [0: .smallNumber, 1: .smallNumber])))
    }

    /// Diagnostics go to public CI logs: the message names cells, never a count.
    @Test func messageNamesNoValue() {
        do {
            _ = try DisclosureAudit.run(oneRow([4, -1, -1, 5], hidden: [1, 2]))
            Issue.record("expected an error")
        } catch {
            #expect(!error.message.contains("5") && !error.message.contains("4"))
            if case .inconsistent(_, let cells) = error { #expect(!cells.isEmpty && Set(cells).isSubset(of: [1, 2])) }
        }
    }

    @Test func malformedProblems() {
        let relations = Relations(listing: [(total: 2, parts: [0, 1], dimension: 0)])
        func problem(_ cellCount: Int, _ values: [Int], _ hidden: [Int], _ labels: [Int: HiddenLabel] = [:])
            -> AuditProblem
        {
            AuditProblem(
                cellCount: cellCount, relations: relations, values: values, hidden: hidden, labels: labels,
                smallMax: 10, minIntervalWidth: 11)
        }
        let bad = [
            problem(3, [1, 2], []),  // values shorter than the table
            problem(3, [1, 2, 3], [3]),  // hidden index outside
            problem(3, [1, 2, 3], [0, 0]),  // hidden twice
            problem(3, [1, 2, 3], [0], [1: .smallNumber]),  // label on a published cell
            problem(2, [1, 2], [0]),  // relation refers to cell 2 of a 2-cell table
            problem(3, [-1, -1, 1 << 60], [0, 1]),  // beyond what a double holds exactly
            problem(3, [Int.max, Int.max, 1], [2]),  // a sum that overflows
        ]
        for problem in bad {
            #expect {
                try DisclosureAudit.run(problem)
            } throws: { error in
                if case AuditError.invalidProblem = error { return true }
                return false
            }
        }
    }
}
