import Testing
@testable import DeidModel
@testable import DeidProtect

/// The first pass protects table components on separate cores. Its pattern must be exactly what one protector
/// going through every primary cell gives — including cells a worker hid while trying a split that then failed
/// (their moves are witnesses that rely on them; losing them once left cells the audit had to reject).
@Suite struct FirstPassTests {
    /// Two years of county × age × sex. In county A every inner count is 1, so A's grand total cannot go down
    /// as far as its floor estimate suggests: the first split's upward move succeeds, its downward one fails,
    /// and the cells the upward move hid must still be reported.
    static let csv: String = {
        var text = "Year,County,Age,Sex,Cases\n"
        for year in ["2020", "2021"] {
            let leaf: [String: [String: [String: Int]]] = [
                "A": ["a1": ["F": 1, "M": 1], "a2": ["F": 1, "M": 1]],
                "B": ["a1": ["F": 30, "M": 22], "a2": ["F": 41, "M": 35]],
                "C": ["a1": ["F": 18, "M": 27], "a2": ["F": 24, "M": 19]],
            ]
            func count(_ county: String, _ age: String, _ sex: String) -> Int {
                let counties = county == "All" ? ["A", "B", "C"] : [county]
                let ages = age == "All" ? ["a1", "a2"] : [age]
                let sexes = sex == "T" ? ["F", "M"] : [sex]
                return counties.flatMap { c in ages.flatMap { a in sexes.map { leaf[c]?[a]?[$0] ?? 0 } } }.reduce(0, +)
            }
            for county in ["All", "A", "B", "C"] {
                for age in ["All", "a1", "a2"] {
                    for sex in ["T", "F", "M"] { text += "\(year),\(county),\(age),\(sex),\(count(county, age, sex))\n" }
                }
            }
        }
        return text
    }()

    static let yaml = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: Year
              role: time
            - column: County
              role: residence_geography
              total: All
            - column: Age
              role: age
              total: All
            - column: Sex
              role: sex
              total: T
          count: Cases

        """

    @Test func parallelComponentsGiveTheSequentialPattern() throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml)
        defer { run.remove() }
        let rules = try run.rules()
        let table = try run.table().cellSystem
        var primaries = Pattern(cellCount: table.cellCount)
        PrimarySuppression.apply(to: table, policy: rules.policy, pattern: &primaries)
        let width = rules.policy.audit.minIntervalWidth
        let costs = SuppressionCosts(system: table, rule: rules.policy.complementary)
        let shared = GreedySuppression.Shared(system: table, costs: costs, components: CellComponents(table))
        #expect(shared.components.cells.count > 1, "the sample has one component per year")

        let parallel = try ComplementarySuppression.protectInParallel(
            primaries.cells(hiddenFor: .primary), shared: shared, width: width, pattern: primaries)

        // One protector per component, in component order, all on this thread.
        var sequential = primaries
        for component in shared.components.cells {
            var protector = GreedySuppression(shared)
            for cell in component.map(Int.init) where primaries.isPrimary(cell) {
                _ = try protector.ensure(cell, width: width, pattern: &sequential, reason: .complementary)
            }
        }
        let expected = sequential.hiddenCells.filter { !primaries.isHidden($0) }
        #expect(parallel.hidden == expected)
        #expect(!expected.isEmpty)
    }
}
