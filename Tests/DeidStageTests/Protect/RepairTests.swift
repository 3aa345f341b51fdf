import Testing
@testable import DeidDescription
@testable import DeidModel
@testable import DeidAudit
@testable import DeidProtect

/// The audit-and-repair round. Witnesses are moves of linear programs; the audit is exact over whole numbers.
/// When the audit rejects a cell that witnesses claim is covered, the repair must still hide something, or the
/// release would stop with "audit still failing" while cells remain that could widen the interval.
@Suite struct RepairTests {
    struct Setup {
        let run: FixtureRun
        let table: CellSystem
        let policy: Policy
        let shared: GreedySuppression.Shared
        var pattern: Pattern
    }

    static func setup() throws -> Setup {
        let run = try FixtureRun(csv: FirstPassTests.csv, description: FirstPassTests.yaml)
        let table = try run.table().cellSystem
        var pattern = Pattern(cellCount: table.cellCount)
        let policy = try run.policy
        PrimarySuppression.apply(to: table, policy: policy, pattern: &pattern)
        let costs = SuppressionCosts(system: table, rule: policy.complementary)
        let shared = GreedySuppression.Shared(system: table, costs: costs, components: CellComponents(table))
        return Setup(run: run, table: table, policy: policy, shared: shared, pattern: pattern)
    }

    @Test func aRejectedCellCoveredByWitnessesStillGetsACell() throws {
        var s = try Self.setup()
        defer { s.run.remove() }
        let width = s.policy.audit.minIntervalWidth
        var protector = GreedySuppression(s.shared)
        let target = try #require(s.pattern.cells(hiddenFor: .primary).first)
        _ = try protector.ensure(target, width: width, pattern: &s.pattern, reason: .complementary)
        #expect(protector.isCovered(target, width: width))
        let hiddenBefore = s.pattern.hiddenCount

        // As if the integer audit had found the cell narrower than its witnesses claim.
        let rejected = UnderProtectedCell(cell: target, couldBeSmall: true)
        let added = try ComplementarySuppression.repair(
            rejected, system: s.table, policy: s.policy, protector: &protector, pattern: &s.pattern)
        #expect(added >= 1)
        #expect(s.pattern.hiddenCount == hiddenBefore + added)
    }

    @Test func theCheapestPublishedPartnerIsTheCheapestEligibleCellOfItsRelations() throws {
        let s = try Self.setup()
        defer { s.run.remove() }
        let protector = GreedySuppression(s.shared)
        for cell in s.pattern.hiddenCells {
            let candidates = s.table.relations.filter { $0.total == cell || $0.parts.contains(Int32(cell)) }
                .flatMap { [$0.total] + $0.parts.map(Int.init) }
                .filter { $0 != cell && s.shared.costs.eligible[$0] && !s.pattern.isHidden($0) }
            let expected = candidates.min { s.shared.costs.cheaper($0, $1) }
            #expect(protector.cheapestPublishedPartner(of: cell, pattern: s.pattern) == expected)
        }
    }
}
