import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidPipeline

/// `cumulative:` running totals as cells of their own (`Tests/Fixtures/cumulative`, new cases by county and day
/// with `cumulative_cases`): released, an independent attacker who knows that each running total is the day
/// before's plus the day's count, and that counties add up to California, pins down no hidden count.
@Suite struct CumulativeTests {
    static let folder = Repo.fixtures + "/cumulative/"

    static func run(csv: String? = nil) throws -> FixtureRun {
        try FixtureRun(
            csv: csv ?? String(contentsOfFile: folder + "county-day.csv", encoding: .utf8),
            description: String(contentsOfFile: folder + "county-day.deid.yaml", encoding: .utf8))
    }

    /// Every hidden count or running total an attacker holding `release` narrows below the standard. Unknowns:
    /// rows 0..<n are the counts, n..<2n the running totals; equations written here from the file: California is
    /// the sum of the counties (for both), and total(t) = total(t − 1) + count(t), total(first) = count(first).
    static func attack(_ release: PlainCSV, verifier: ReleaseVerifier) throws -> [String] {
        let (county, date, count, running) = (0, 1, 2, 3)
        let rows = release.rows
        let n = rows.count
        var relations: [(total: Int, parts: [Int])] = []
        let byDate = Dictionary(grouping: rows.indices, by: { rows[$0][date] })
        for indices in byDate.values {
            guard let total = indices.first(where: { rows[$0][county] == "California" }) else { continue }
            let parts = indices.filter { $0 != total }
            relations.append((total, parts))
            relations.append((n + total, parts.map { n + $0 }))
        }
        let bySlice = Dictionary(grouping: rows.indices, by: { rows[$0][county] })
        for indices in bySlice.values {
            let ordered = indices.sorted { rows[$0][date] < rows[$1][date] }
            relations.append((n + ordered[0], [ordered[0]]))
            for (previous, cell) in zip(ordered, ordered.dropFirst()) { relations.append((n + cell, [n + previous, cell])) }
        }
        let published = rows.map { Int($0[count]) } + rows.map { Int($0[running]) }
        var attacker = verifier
        attacker.integerPrograms = true
        let intervals = try attacker.attack(relations, published: published, codes: nil, cap: 0)
        return intervals.keys.sorted().compactMap { v in
            guard let range = intervals[v], let problem = attacker.standardProblem(range, code: "") else { return nil }
            let row = rows[v % n]
            return "\(v < n ? "new_cases" : "cumulative_cases") of \(row[county]) on \(row[date]): \(problem)"
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
        for r in careless.rows.indices { careless.rows[r][3] = input.rows[r][3] }
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
        #expect(table.cellCount == 2 * rows + 7)
        #expect(table.cumulativeFrom == rows && table.rowCells == 2 * rows)
        #expect(table.dimensions.last?.labels == ["new_cases", "cumulative_cases", "cumulative_cases before 2020-04-01"])
        let runningSums = table.relations.filter { $0.dimension == 1 }
        #expect(runningSums.count == rows)
    }
}
