import Testing
@testable import DeidDescription
@testable import DeidModel
@testable import DeidProtect
@testable import DeidPipeline

/// Exact complementary suppression (`OptimalSuppression`): its cuts are valid for every pattern, its pattern is
/// the cheapest an exhaustive search finds, and it passes the exact audit.
@Suite struct OptimalSuppressionTests {
    /// County (3 + total) × sex (2 + total): one component of 12 cells, three small counts.
    static let csv = """
        County,Sex,Cases
        All,T,122
        All,F,58
        All,M,64
        A,T,9
        A,F,3
        A,M,6
        B,T,47
        B,F,22
        B,M,25
        C,T,66
        C,F,33
        C,M,33

        """

    static let yaml = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: County
              role: residence_geography
              total: All
            - column: Sex
              role: sex
              total: T
          count: Cases

        """

    struct Setup {
        let table: CellSystem
        let policy: Policy
        let primaries: Pattern
        let shared: GreedySuppression.Shared
        let oracle: WidthOracle

        init(rule6: Bool) throws {
            let run = try FixtureRun(csv: OptimalSuppressionTests.csv, description: OptimalSuppressionTests.yaml)
            defer { run.remove() }
            var policy = try run.policy
            if !rule6 { policy.complementary.rule6 = nil }
            let table = try run.table().cellSystem
            var primaries = Pattern(cellCount: table.cellCount)
            PrimarySuppression.apply(to: table, policy: policy, pattern: &primaries)
            let components = CellComponents(table)
            let shared = GreedySuppression.Shared(
                system: table, costs: SuppressionCosts(system: table, rule: policy.complementary), components: components)
            self.table = table
            self.policy = policy
            self.primaries = primaries
            self.shared = shared
            oracle = try WidthOracle(system: table, cells: components.cells[0], relations: components.relations[0])
        }

        /// Every pattern that hides the primaries, as one flag per oracle column.
        var patterns: [[Bool]] {
            let free = oracle.cells.indices.filter { !primaries.isHidden(oracle.cells[$0]) }
            return (0..<(1 << free.count)).map { mask in
                var x = oracle.cells.map(primaries.isHidden)
                for (bit, column) in free.enumerated() where mask & (1 << bit) != 0 { x[column] = true }
                return x
            }
        }

        func cost(_ x: [Bool]) -> Double {
            oracle.cells.indices.filter { x[$0] && !primaries.isHidden(oracle.cells[$0]) }
                .reduce(0) { $0 + shared.costs.cost[oracle.cells[$1]] }
        }
    }

    @Test func everyCutBoundsTheWidthOfEveryPattern() throws {
        let setup = try Setup(rule6: false)
        let oracle = setup.oracle
        let patterns = setup.patterns
        let primary = try #require(oracle.cells.firstIndex { setup.primaries.isPrimary($0) })
        // Cuts are taken where the interval is bounded (a cut is only ever asked of a cell too narrow), at every
        // 17th such pattern.
        var cuts: [[Int: Double]] = []
        var bounded = 0
        for x in patterns {
            oracle.apply(hidden: x)
            let reach = try oracle.reach(of: primary)
            guard reach.width.isFinite else { continue }
            bounded += 1
            guard bounded % 17 == 1 else { continue }
            let bound = reach.coefficients.reduce(0) { $0 + (x[$1.column] ? $1.coefficient : 0) }
            #expect(abs(bound - reach.width) < 1e-6, "duality: the cut is tight where it was taken")
            cuts.append(Dictionary(uniqueKeysWithValues: reach.coefficients.map { ($0.column, $0.coefficient) }))
        }
        #expect(cuts.count >= 10)
        for x in patterns {
            oracle.apply(hidden: x)
            let width = try oracle.reach(of: primary).width
            for cut in cuts {
                let bound = cut.reduce(0) { $0 + (x[$1.key] ? $1.value : 0) }
                #expect(width <= bound + 1e-6)
            }
        }
    }

    /// The cheapest pattern among all 2^9 under which every hidden cell meets the standard the optimizer applies
    /// (the policy's width for a cell that could be small, any width for one that cannot).
    @Test(arguments: [false, true]) func findsWhatAnExhaustiveSearchFinds(rule6: Bool) throws {
        let setup = try Setup(rule6: rule6)
        let oracle = setup.oracle
        let standard = OptimalSuppression.Standard(policy: setup.policy)
        var best = Double.infinity
        for x in setup.patterns where setup.cost(x) < best {
            oracle.apply(hidden: x)
            var acceptable = !rule6 || satisfiesRule6(x, setup)
            for c in oracle.cells.indices where acceptable && x[c] {
                let reach = try oracle.reach(of: c)
                let value = setup.table.values[oracle.cells[c]]
                let required = standard.requiredWidth(value: value, lowest: reach.down)
                acceptable = reach.width >= Double(required) - 1e-6
            }
            if acceptable { best = setup.cost(x) }
        }
        let outcome = try #require(
            try OptimalSuppression.protect(component: 0, shared: setup.shared, policy: setup.policy, pattern: setup.primaries))
        let found = outcome.hidden.reduce(0) { $0 + setup.shared.costs.cost[$1] }
        #expect(best.isFinite)
        #expect(abs(found - best) < 0.01, "exact \(found), exhaustive \(best)")
    }

    private func satisfiesRule6(_ x: [Bool], _ setup: Setup) -> Bool {
        guard let rule = setup.policy.complementary.rule6 else { return true }
        return setup.table.relations.indices.allSatisfy { r in
            let hidden = setup.table.relations[r].cells.compactMap(setup.oracle.column(of:)).filter { x[$0] }
                .map { setup.table.values[setup.oracle.cells[$0]] }
            return hidden.isEmpty || (hidden.reduce(0, +) >= rule.sumBelow && hidden.contains { $0 > rule.allAtMost })
        }
    }

    @Test func aComponentAboveTheSizeLimitIsLeftToTheGreedyPass() throws {
        let setup = try Setup(rule6: true)
        #expect(try OptimalSuppression.protect(
            component: 0, shared: setup.shared, policy: setup.policy, pattern: setup.primaries, maximumCells: 11) == nil)
    }

    /// A search that would spend more than its work budget gives up, whatever the machine's speed, and leaves
    /// the component to the greedy pass; the same search with the default budget finds its pattern.
    @Test func aSearchBeyondItsWorkBudgetIsLeftToTheGreedyPass() throws {
        let setup = try Setup(rule6: true)
        #expect(try OptimalSuppression.protect(
            component: 0, shared: setup.shared, policy: setup.policy, pattern: setup.primaries, workBudget: 0) == nil)
        #expect(try OptimalSuppression.protect(
            component: 0, shared: setup.shared, policy: setup.policy, pattern: setup.primaries) != nil)
    }

    /// Both paths end with the exact audit passing; the exact one hides no costlier a set of cells.
    @Test func exactAndGreedyBothPassTheAuditAndExactCostsNoMore() throws {
        let setup = try Setup(rule6: true)
        var exact = setup.primaries
        var greedy = setup.primaries
        let exactResult = try ReleaseSteps.protectUntilTheAuditPasses(
            system: setup.table, policy: setup.policy, pattern: &exact)
        let greedyResult = try ReleaseSteps.protectUntilTheAuditPasses(
            system: setup.table, policy: setup.policy, pattern: &greedy, limits: ProtectionLimits(exactUpTo: 0))
        #expect(exactResult.audit.passed && greedyResult.audit.passed)
        #expect(exactResult.method.exactComponents == 1 && exactResult.method.componentsWithHiddenCells == 1)
        #expect(greedyResult.method.exactComponents == 0 && greedyResult.method.componentsWithHiddenCells == 1)
        func cost(_ pattern: Pattern) -> Double {
            pattern.hiddenCells.filter { !setup.primaries.isHidden($0) }.reduce(0) { $0 + setup.shared.costs.cost[$1] }
        }
        #expect(cost(exact) <= cost(greedy) + 0.01)
        #expect(exact.hiddenCount > setup.primaries.hiddenCount)
    }
}
