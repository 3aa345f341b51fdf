import Testing
@testable import DeidSupport

/// The independent checker must catch what it is meant to catch, or the property test's silence proves nothing.
@Suite struct ReleaseVerifierTests {
    static let yaml = """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          dimensions:
            - column: Age
              role: age
              total: Total
          count: Cases
          denominator: Population
          derived: [Rate]
          annotation: Annotation

        """

    /// DDG Ed. 2.0 Example 2 with a population and rate per row.
    static let input = """
        Age,Cases,Population,Rate
        A1,10,5000,2.0
        A2,14,5000,2.8
        A3,9,5000,1.8
        A4,17,5000,3.4
        A5,0,5000,0.0
        A6,0,5000,0.0
        A7,0,5000,0.0
        A8,30,5000,6.0
        Total,80,40000,2.0

        """

    /// `integerPrograms`: the attacker the large-table property test uses; the tests that check intervals run
    /// with both attackers.
    func verdict(_ release: String, integerPrograms: Bool = false) throws -> ReleaseVerifier.Verdict {
        let run = try FixtureRun(csv: Self.input, description: Self.yaml)
        defer { run.remove() }
        var verifier = try run.verifier()
        verifier.integerPrograms = integerPrograms
        return verifier.verify(input: try run.input, release: try PlainCSV(text: release))
    }

    func release(_ rows: [String]) -> String {
        (["Age,Cases,Population,Rate,Annotation"] + rows).joined(separator: "\n") + "\n"
    }

    static let generic = [
        "A1,,5000,,1|2", "A2,14,5000,2.8,", "A3,,5000,,1|2", "A4,17,5000,3.4,", "A5,0,5000,0.0,", "A6,0,5000,0.0,",
        "A7,0,5000,0.0,", "A8,30,5000,6.0,", "Total,80,40000,2.0,",
    ]

    @Test(arguments: [false, true]) func genericLabelsProtectExample2(integerPrograms: Bool) throws {
        let verdict = try verdict(release(Self.generic), integerPrograms: integerPrograms)
        #expect(verdict.violations.isEmpty, "\(verdict.violations)")
        #expect(verdict.hidden == [0, 2])
        #expect(verdict.intervals[0]?.lower == 1 && verdict.intervals[0]?.upper == 18)
    }

    @Test(arguments: [false, true]) func smallNumberLabelsLeakExample2(integerPrograms: Bool) throws {
        var rows = Self.generic
        rows[0] = "A1,,5000,,1"
        rows[2] = "A3,,5000,,1"
        let verdict = try verdict(release(rows), integerPrograms: integerPrograms)
        #expect(verdict.violations.count == 2)
        #expect(verdict.violations.allSatisfy { $0.contains("labelled small but narrowed to [9, 10]") }, "\(verdict.violations)")
    }

    /// DDG Ed. 2.0 Example 4: A3 = 1 is small; A4 = 11.
    static let example4 = """
        Age,Cases,Population,Rate
        A1,14,5000,2.8
        A2,14,5000,2.8
        A3,1,5000,0.2
        A4,11,5000,2.2
        A5,0,5000,0.0
        A6,0,5000,0.0
        A7,0,5000,0.0
        A8,30,5000,6.0
        Total,70,40000,1.8

        """

    func example4Verdict(hiding hidden: Set<String>, integerPrograms: Bool = false) throws -> ReleaseVerifier.Verdict {
        let run = try FixtureRun(csv: Self.example4, description: Self.yaml)
        defer { run.remove() }
        let input = try run.input
        let rows = input.rows.map { row in
            hidden.contains(row[0]) ? [row[0], "", row[2], "", "1|2"] : row + [""]
        }
        var verifier = try run.verifier()
        verifier.integerPrograms = integerPrograms
        return verifier.verify(input: input, release: PlainCSV(header: input.header + ["Annotation"], rows: rows))
    }

    @Test(arguments: [false, true]) func aLoneHiddenCellIsExact(integerPrograms: Bool) throws {
        let verdict = try example4Verdict(hiding: ["A3"], integerPrograms: integerPrograms)
        #expect(verdict.violations == ["line 4 (A3): exactly determined"])
    }

    /// A3 + A4 = 12 leaves each in [1, 11]: not exact, but narrower than the width 11 a possibly small cell needs.
    @Test(arguments: [false, true]) func aNarrowIntervalFails(integerPrograms: Bool) throws {
        let verdict = try example4Verdict(hiding: ["A3", "A4"], integerPrograms: integerPrograms)
        #expect(verdict.violations == [
            "line 4 (A3): could be small and is narrowed to [1, 11]",
            "line 5 (A4): could be small and is narrowed to [1, 11]",
        ])
        #expect(try example4Verdict(hiding: ["A1", "A3", "A4"], integerPrograms: integerPrograms).violations.isEmpty)
    }

    @Test func aPublishedSmallCountFails() throws {
        var rows = Self.generic
        rows[0] = "A1,10,5000,2.0,"
        rows[1] = "A2,,5000,,1|2"
        let verdict = try verdict(release(rows))
        #expect(verdict.violations.contains { $0.contains("count below 11 is published") }, "\(verdict.violations)")
    }

    @Test func brokenPromisesAboutTheTableItself() throws {
        var rate = Self.generic
        rate[0] = "A1,,5000,2.0,1|2"
        #expect(try verdict(release(rate)).violations.contains { $0.contains("Rate published for a hidden count") })

        var changed = Self.generic
        changed[1] = "A2,15,5000,2.8,"
        #expect(try verdict(release(changed)).violations.contains { $0.contains("published count differs") })

        var moved = Self.generic
        moved.swapAt(1, 3)
        #expect(!(try verdict(release(moved)).violations.isEmpty))

        var zero = Self.generic
        zero[4] = "A5,,5000,,1|2"
        #expect(try verdict(release(zero)).violations.contains { $0.contains("a zero is hidden") })

        let shorter = Array(Self.generic.dropLast())
        #expect(try verdict(release(shorter)).violations.contains { $0.contains("rows") })

        let noAnnotation = Self.generic.map { String($0.dropLast($0.hasSuffix("1|2") ? 4 : 1)) }
        let header = "Age,Cases,Population,Rate"
        #expect(try verdict(([header] + noAnnotation).joined(separator: "\n")).violations.contains { $0.contains("header") })
    }

    /// τ-ARGUS manual §2.15 (ddg-rules §13): rows (x11, x12 | 7), (x21, x22 | 3), known third row (3, 3),
    /// column totals 9 and 7. The feasibility interval of x11 is [3, 6]; here cells are ≥ 1, as in deid.
    @Test func completionSearchSolvesTheTauArgusManualExample() throws {
        // x11 + x12 = 7, x21 + x22 = 3, x11 + x21 = 9 − 3, x12 + x22 = 7 − 3.
        let equations: [CompletionSearch.Equation] = [
            .init(terms: [(0, 1), (1, 1)], rhs: 7), .init(terms: [(2, 1), (3, 1)], rhs: 3),
            .init(terms: [(0, 1), (2, 1)], rhs: 6), .init(terms: [(1, 1), (3, 1)], rhs: 4),
        ]
        var search = CompletionSearch(count: 4, equations: equations, lower: [1, 1, 1, 1], upper: [99, 99, 99, 99])
        #expect(try search.interval(of: 0) == 4...5)
        var zeroAllowed = CompletionSearch(count: 4, equations: equations, lower: [0, 0, 0, 0], upper: [99, 99, 99, 99])
        #expect(try zeroAllowed.interval(of: 0) == 3...6)
    }

    /// Integrality: x + y = 3 and x − y = 0 has the real solution 1.5 but no whole one.
    @Test func completionSearchIsExactOverWholeNumbers() throws {
        var search = CompletionSearch(
            count: 2, equations: [.init(terms: [(0, 1), (1, 1)], rhs: 3), .init(terms: [(0, 1), (1, -1)], rhs: 0)],
            lower: [0, 0], upper: [10, 10])
        #expect(try search.interval(of: 0) == nil)
    }

    /// The integer-program attacker on the same two examples as the search: the τ-ARGUS manual's table with
    /// cells ≥ 1 and ≥ 0, and a system with a real solution but no whole one.
    @Test func integerAttackSolvesTheSameExamples() throws {
        let equations: [CompletionSearch.Equation] = [
            .init(terms: [(0, 1), (1, 1)], rhs: 7), .init(terms: [(2, 1), (3, 1)], rhs: 3),
            .init(terms: [(0, 1), (2, 1)], rhs: 6), .init(terms: [(1, 1), (3, 1)], rhs: 4),
        ]
        let positive = CompletionProblem(rows: [0, 1, 2, 3], equations: equations, lower: [1, 1, 1, 1], upper: [nil, nil, nil, nil])
        #expect(try IntegerAttack(problem: positive).intervals().map { [$0.lower, $0.upper] } == [[4, 5], [2, 3], [1, 2], [1, 2]])
        var zeroAllowed = positive
        zeroAllowed.lower = [0, 0, 0, 0]
        #expect(try IntegerAttack(problem: zeroAllowed).intervals()[0].lower == 3)
        #expect(try IntegerAttack(problem: zeroAllowed).intervals()[0].upper == 6)

        let unbounded = CompletionProblem(rows: [0, 1], equations: [.init(terms: [(0, 1), (1, -1)], rhs: 2)], lower: [1, 1], upper: [nil, nil])
        #expect(try IntegerAttack(problem: unbounded).intervals().map { [$0.lower, $0.upper] } == [[3, nil], [1, nil]])

        let fractional = CompletionProblem(
            rows: [0, 1], equations: [.init(terms: [(0, 1), (1, 1)], rhs: 3), .init(terms: [(0, 1), (1, -1)], rhs: 0)],
            lower: [0, 0], upper: [10, 10])
        #expect(throws: IntegerAttack.Undecided.self) { try IntegerAttack(problem: fractional).intervals() }
    }
}
