import Foundation
import Testing
@testable import DeidModel
@testable import DeidDescription
@testable import DeidPipeline

/// Incomplete totals (`remainder:`): a total that holds more than its listed parts gets one more part, the
/// remainder, which no row holds, which is never published, and which the audit protects like any hidden cell.
@Suite struct RemainderTests {
    /// County × Sex where each total also counts people of unknown sex: 5 statewide, 2 in A, 3 in B.
    static let csv = """
        County,Sex,Cases
        California,Total,120
        California,Female,60
        California,Male,55
        A,Total,70
        A,Female,35
        A,Male,33
        B,Total,50
        B,Female,25
        B,Male,22

        """

    static func yaml(_ sex: String = "      total: Total\n      remainder: Unknown\n") -> String {
        "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n"
            + "    - column: County\n      role: residence_geography\n      total: California\n"
            + "    - column: Sex\n      role: sex\n\(sex)  count: Cases\n  annotation: Annotation\n"
    }

    @Test func eachTotalGetsARemainderCellWithWhatItsPartsLeaveOut() throws {
        let table = try FixtureRun.table(Self.csv, Self.yaml())
        #expect(table.cellCount == 12)
        #expect(table.rowCells == 9)
        #expect(table.remainderCells == 9..<12)
        let remainders = table.remainderCells.map { cell in
            (table.coordinates(of: cell).map(\.value), table.counts[cell])
        }
        #expect(remainders.map(\.0) == [["California", "Unknown"], ["A", "Unknown"], ["B", "Unknown"]])
        #expect(remainders.map(\.1) == [5, 2, 3])
        // The remainder is a part of its total along Sex, and the remainders add up along County.
        let sex = try #require(table.dimensions.firstIndex { $0.column == "Sex" })
        let alongSex = table.relations.filter { $0.dimension == sex }
        #expect(alongSex.allSatisfy { relation in relation.parts.contains { table.isRemainder(Int($0)) } })
        #expect(table.relations.contains { $0.total == 9 && Set($0.parts.map(Int.init)) == [10, 11] })
        #expect(table.remainderCells.allSatisfy { table.location(of: $0).line == nil })
    }

    @Test func withoutTheDeclarationTheMessageSaysHowToDeclareIt() throws {
        #expect {
            try FixtureRun.table(Self.csv, Self.yaml("      total: Total\n"))
        } throws: { error in
            guard let error = error as? ModelError, case .totalMismatch = error else { return false }
            return error.message.contains("declare `remainder: Unknown` on 'Sex' beside its `total:`")
        }
    }

    @Test func partsAboveTheTotalAreAnError() throws {
        let over = Self.csv.replacingOccurrences(of: "A,Male,33", with: "A,Male,36")
            .replacingOccurrences(of: "California,Male,55", with: "California,Male,58")
        #expect {
            try FixtureRun.table(over, Self.yaml())
        } throws: { error in
            guard case .remainderNegative(let total, let dimension, let at) = error as? ModelError else { return false }
            return total.map(\.value) == ["A", "Total"] && dimension == "Sex" && at.line == 5
        }
    }

    @Test func aRemainderNamedLikeARowIsAnError() throws {
        let withUnknown = Self.csv.replacingOccurrences(of: "B,Male,22\n", with: "B,Male,22\nB,Unknown,0\n")
        #expect {
            try FixtureRun.table(withUnknown, Self.yaml())
        } throws: { error in
            guard case .remainderIsARow(let label, let column, _) = error as? ModelError else { return false }
            return label == "Unknown" && column == "Sex"
        }
    }

    @Test(arguments: [
        ("      remainder: Unknown\n", "'remainder' needs a total on dimension 'Sex'"),
        ("      total: Total\n      remainder: Total\n", "cannot be named like its total"),
        ("      hierarchy:\n        Total: [Female, Male]\n      remainder: Male\n", "is a label of its hierarchy"),
    ])
    func remainderNeedsATotalAndItsOwnName(sex: String, message: String) throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml(sex))
        defer { run.remove() }
        #expect {
            try run.rules()
        } throws: { error in
            (error as? DescriptionError)?.message.contains(message) == true
        }
    }

    /// Released: every remainder is hidden and never written; the release hides enough published cells that no
    /// remainder can be computed as total − parts, as an independent integer attacker confirms (remainders as
    /// unknowns of at least 0 beside the published rows).
    @Test func theReleaseHidesEnoughThatNoRemainderCanBeComputed() throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml())
        defer { run.remove() }
        let released = try run.release()
        let rows = try PlainCSV(text: released.csv)
        #expect(rows.rows.count == 9)
        #expect(!released.csv.contains("Unknown"))
        let hidden = released.report.hiddenCells.filter { $0.cell.contains { $0.value == "Unknown" } }
        #expect(hidden.count == 3 && hidden.allSatisfy { $0.line == nil && ($0.interval?.width ?? 0) >= 11 })

        // Rows 0–8 as published (nil: blank), remainders r0 (California), r1 (A), r2 (B).
        let published = rows.rows.map { Int($0[2]) }
        // The same attacker on the table published whole computes every remainder: total − Female − Male.
        let whole = try PlainCSV(text: Self.csv).rows.map { Int($0[2]) }
        #expect(try Self.remainderIntervals(published: whole).map { [$0.lower, $0.upper] } == [[5, 5], [2, 2], [3, 3]])
        let attack = try Self.remainderIntervals(published: published)
        #expect(attack.count == 3)
        for (name, range) in zip(["California", "A", "B"], attack) {
            let width = range.upper.map { $0 - range.lower }
            #expect(width.map { $0 >= 11 } ?? true, "\(name): [\(range.lower), \(String(describing: range.upper))]")
        }
    }

    /// The attacker's intervals of the three remainders: the table's equations written out by hand.
    static func remainderIntervals(published: [Int?]) throws -> [(lower: Int, upper: Int?)] {
        // Unknowns: every hidden row, then the remainders.
        let hidden = published.indices.filter { published[$0] == nil }
        let variable = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($1, $0) })
        let remainder = { (county: Int) in hidden.count + county }
        // total = Female + Male + remainder per county (rows 3c, 3c+1, 3c+2); California = A + B per sex.
        var equations: [CompletionSearch.Equation] = []
        func equation(_ terms: [(row: Int?, remainder: Int?, sign: Int)]) {
            var unknowns: [(variable: Int, sign: Int)] = []
            var rhs = 0
            for term in terms {
                if let r = term.remainder { unknowns.append((remainder(r), term.sign)); continue }
                guard let row = term.row else { continue }
                if let v = variable[row] { unknowns.append((v, term.sign)) } else { rhs -= term.sign * (published[row] ?? 0) }
            }
            equations.append(.init(terms: unknowns, rhs: rhs))
        }
        for county in 0..<3 {
            equation([(3 * county, nil, 1), (3 * county + 1, nil, -1), (3 * county + 2, nil, -1), (nil, county, -1)])
        }
        for sex in 0..<3 { equation([(sex, nil, 1), (3 + sex, nil, -1), (6 + sex, nil, -1)]) }
        equation([(nil, 0, 1), (nil, 1, -1), (nil, 2, -1)])
        let problem = CompletionProblem(
            rows: Array(0..<(hidden.count + 3)), equations: equations,
            lower: Array(repeating: 1, count: hidden.count) + [0, 0, 0],
            upper: Array(repeating: nil, count: hidden.count + 3))
        return Array(try IntegerAttack(problem: problem).intervals().suffix(3))
    }

    /// `check` audits a small remainder as a hidden small count: on the table as given each one is
    /// total − Female − Male, exactly; on deid's release none is narrowed.
    @Test func checkFindsTheRemaindersTheTotalsGiveAway() throws {
        let run = try FixtureRun(csv: Self.csv, description: Self.yaml())
        defer { run.remove() }
        let raw = try run.check()
        let exact = raw.findings.filter { $0.code == .underProtected }
        #expect(exact.count == 3, "\(raw.findings.map(raw.message(of:)))")
        #expect(exact.allSatisfy { $0.cell.contains { $0.value == "Unknown" } && $0.location.line == nil })
        try run.release()
        let released = try run.check(run.outputPath)
        #expect(!released.hasErrors, "\(released.findings.map(released.message(of:)))")
    }

    /// In a hierarchy the root holds the remainder (a statewide count with cases of unknown county); the
    /// subtotals stay exact sums of their parts.
    @Test func aHierarchysRootHoldsTheRemainder() throws {
        let csv = """
            County,Sex,Cases
            California,Total,125
            California,Female,62
            California,Male,63
            R1,Total,70
            R1,Female,35
            R1,Male,35
            A,Total,70
            A,Female,35
            A,Male,35
            R2,Total,50
            R2,Female,25
            R2,Male,25
            B,Total,50
            B,Female,25
            B,Male,25

            """
        let yaml = "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  input: aggregate\n  dimensions:\n"
            + "    - column: County\n      role: residence_geography\n      hierarchy:\n        California: [R1, R2]\n"
            + "        R1: [A]\n        R2: [B]\n      remainder: Unknown county\n"
            + "    - column: Sex\n      role: sex\n      total: Total\n  count: Cases\n"
        let table = try FixtureRun.table(csv, yaml)
        let remainders = table.remainderCells.map { cell in (table.coordinates(of: cell).map(\.value), table.counts[cell]) }
        #expect(remainders.map(\.0) == [["Unknown county", "Total"], ["Unknown county", "Female"], ["Unknown county", "Male"]])
        #expect(remainders.map(\.1) == [5, 2, 3])
        let county = try #require(table.dimensions.firstIndex { $0.column == "County" })
        // California = R1 + R2 + the remainder; R1 = A and R2 = B exactly.
        #expect(table.relations.contains { $0.total == 0 && $0.dimension == county && Set($0.parts.map(Int.init)) == [3, 9, 15] })
        #expect(table.relations.contains { $0.total == 3 && $0.dimension == county && Array($0.parts) == [6] })
    }
}
