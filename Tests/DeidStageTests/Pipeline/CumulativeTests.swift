import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidPipeline

/// Several counts and `cumulative:` running totals as cells of their own (`Tests/Fixtures/cumulative`, new cases
/// and deaths by county and day with `cumulative_cases` and `cumulative_deaths`): released, an independent attacker
/// who knows that each running total is the day before's plus the day's count, and that counties add up to
/// California, pins down no hidden count or running total.
@Suite struct CumulativeTests {
    static let folder = Repo.fixtures + "/cumulative/"

    static func run(csv: String? = nil) throws -> FixtureRun {
        try FixtureRun(
            csv: csv ?? String(contentsOfFile: folder + "county-day.csv", encoding: .utf8),
            description: String(contentsOfFile: folder + "county-day.deid.yaml", encoding: .utf8))
    }

    /// The count and running-total columns, in pairs.
    static let pairs = [(count: 2, running: 3), (count: 4, running: 5)]

    /// Every hidden count or running total an attacker holding `release` narrows below the standard. Unknowns:
    /// for each column of `pairs`, one per row; equations written here from the file: California is the sum of the
    /// counties (for every column), and total(t) = total(t − 1) + count(t), total(first) = count(first).
    static func attack(_ release: PlainCSV, verifier: ReleaseVerifier) throws -> [String] {
        let (county, date) = (0, 1)
        let rows = release.rows
        let n = rows.count
        let columns = pairs.flatMap { [$0.count, $0.running] }
        let variable = { (column: Int, row: Int) in (columns.firstIndex(of: column) ?? 0) * n + row }
        var relations: [(total: Int, parts: [Int])] = []
        for indices in Dictionary(grouping: rows.indices, by: { rows[$0][date] }).values {
            guard let total = indices.first(where: { rows[$0][county] == "California" }) else { continue }
            let parts = indices.filter { $0 != total }
            for column in columns { relations.append((variable(column, total), parts.map { variable(column, $0) })) }
        }
        for indices in Dictionary(grouping: rows.indices, by: { rows[$0][county] }).values {
            let ordered = indices.sorted { rows[$0][date] < rows[$1][date] }
            for pair in pairs {
                relations.append((variable(pair.running, ordered[0]), [variable(pair.count, ordered[0])]))
                for (previous, row) in zip(ordered, ordered.dropFirst()) {
                    relations.append((variable(pair.running, row), [variable(pair.running, previous), variable(pair.count, row)]))
                }
            }
        }
        let published = columns.flatMap { column in rows.map { Int($0[column]) } }
        var attacker = verifier
        attacker.integerPrograms = true
        let intervals = try attacker.attack(relations, published: published, codes: nil, cap: 0)
        return intervals.keys.sorted().compactMap { v in
            guard let range = intervals[v], let problem = attacker.standardProblem(range, code: "") else { return nil }
            let row = rows[v % n]
            return "\(release.header[columns[v / n]]) of \(row[county]) on \(row[date]): \(problem)"
        }
    }

    @Test func theReleaseGivesNoHiddenCountAwayThroughTheRunningTotals() throws {
        let run = try Self.run()
        defer { run.remove() }
        let released = try run.release()
        let output = try PlainCSV(text: released.csv)
        let hiddenCounts = output.rows.filter { $0[2].isEmpty }
        #expect(hiddenCounts.count > 20)
        // A running total shown beside a hidden count is fine only where the audit says so; some are shown.
        #expect(output.rows.contains { $0[2].isEmpty == false } && output.rows.contains { !$0[3].isEmpty })
        let violations = try Self.attack(output, verifier: try run.verifier())
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(try !run.check(run.outputPath).hasErrors)
    }

    /// Hiding the counts and publishing the running totals beside them, as a column declared `derived:` or not
    /// declared at all would be handled, gives the counts away by differencing: the attacker and `check` find it.
    @Test func runningTotalsPublishedBesideHiddenCountsGiveThemAway() throws {
        let run = try Self.run()
        defer { run.remove() }
        let released = try PlainCSV(text: try run.release().csv)
        var careless = released
        let input = try run.input
        for r in careless.rows.indices { careless.rows[r][3] = input.rows[r][3]; careless.rows[r][5] = input.rows[r][5] }
        let violations = try Self.attack(careless, verifier: try run.verifier())
        #expect(violations.count > 10, "\(violations.count)")
        try careless.text.write(toFile: run.folder.path + "/careless.csv", atomically: true, encoding: .utf8)
        let report = try run.check(run.folder.path + "/careless.csv")
        #expect(report.findings.contains { $0.code == .underProtected })
    }

    @Test func aRunningTotalThatDoesNotAddUpIsAnError() throws {
        let csv = try String(contentsOfFile: Self.folder + "county-day.csv", encoding: .utf8)
        var lines = csv.split(separator: "\n").map(String.init)
        var fields = lines[8].split(separator: ",").map(String.init)
        fields[3] = String((Int(fields[3]) ?? 0) + 1)
        lines[8] = fields.joined(separator: ",")
        let run = try Self.run(csv: lines.joined(separator: "\n") + "\n")
        defer { run.remove() }
        #expect { try run.table() } throws: { error in
            guard case .cumulativeMismatch(let column, let at) = error as? ModelError else { return false }
            return column == "cumulative_cases" && at.line == 9
        }
    }

    @Test func theRunningTotalsAreCellsWithTheirOwnRelations() throws {
        let run = try Self.run()
        defer { run.remove() }
        let table = try run.table()
        let rows = try run.input.rows.count
        // A count and a running total per row, and one "before the first date" cell per county and California.
        // Four cells per row (two counts, two running totals), and per running total one "before the first date"
        // cell for each county and California.
        #expect(table.cellCount == 4 * rows + 2 * 7)
        #expect(table.measures?.columns == ["new_cases", "new_deaths", "cumulative_cases", "cumulative_deaths"])
        #expect(table.rowCells == 4 * rows)
        #expect(table.dimensions.last?.labels == [
            "new_cases", "new_deaths", "cumulative_cases", "cumulative_deaths", "cumulative_cases before 2020-04-01",
            "cumulative_deaths before 2020-04-01",
        ])
        let runningSums = table.relations.filter { $0.dimension == 1 }
        #expect(runningSums.count == 2 * rows)
    }
}
