import Foundation
import Testing

@testable import DeidDescription
@testable import DeidModel
@testable import DeidRecode
@testable import DeidEmit
@testable import DeidProtect

/// `aggregate:` rules (DDG Step 4, "reduce granularity"): counties into "Other <region>", years into periods.
@Suite struct RecodeTests {
    /// recode-county: Alpine (1,200), Modoc (8,700) and Mono (13,200) are below 20,000 people and together make
    /// 23,100, so they become one value, "Other Mountain", in every row and relation.
    @Test func countyBelow20000IsReleasedAsOtherRegion() throws {
        let run = try FixtureRun(fixture: "ddg/recode-county")
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == (try Masking.expected("recode-county")))

        let counties = Set(Masking.rows(released.csv).dropFirst().map { $0[0] })
        #expect(counties.contains("Other Mountain"))
        #expect(counties.isDisjoint(with: ["Alpine", "Modoc", "Mono"]))
        // The group's row is where Alpine's was; members' sums, the recomputed rate, and no member's Source.
        #expect(released.csv.contains("\nOther Mountain,Total,15,23100,64.9,,\n"))

        let recodings = try #require(released.report.recodings)
        #expect(recodings.count == 1)
        #expect(recodings.first?.group == "Other Mountain")
        #expect(recodings.first?.members == ["Alpine", "Modoc", "Mono"])
        #expect(recodings.first?.parent == "Mountain")
        #expect(recodings.first.map { RecodeText.condition($0.condition) } == "population_below 20000")
        #expect(recodings.first?.groupStillFails == false)
        #expect(released.report.summary.audit.verdict == .pass)
        #expect(released.summary.contains("recoded 3 values into 1 group"))
        let written = try #require(released.json["recodings"] as? [[String: Any]])
        #expect(written.first?["group"] as? String == "Other Mountain")
        #expect(written.first?["reason"] as? String == "Alpine, Modoc, Mono fail population_below 20000 "
            + "(population from the denominator column 'Population' of each value's total rows)")
    }

    /// The recoded table is a table in its own right: one value in place of three, sums in every cell, and every
    /// total still the sum of its parts.
    @Test func recodedTableKeepsItsRelations() throws {
        let run = try FixtureRun(fixture: "ddg/recode-county")
        defer { run.remove() }
        let (table, description, policy) = try run.load()
        let result = try Recoding.apply(description.masking.aggregate, to: table, description: description, policy: policy)
        let recoded = result.table

        #expect(table.cellCount == 33)
        #expect(recoded.cellCount == 27)
        let county = recoded.dimensions[0]
        #expect(county.labels == ["California", "Bay Area", "Alameda", "Marin", "San Francisco", "Mountain",
                                  "Other Mountain", "Placer", "Nevada"])
        let other = try #require(county.labels.firstIndex(of: "Other Mountain"))
        #expect(county.labels[Int(county.parent[other])] == "Mountain")
        #expect(county.children[5].map { county.labels[Int($0)] } == ["Other Mountain", "Placer", "Nevada"])

        let total = try #require(recoded.cell("Other Mountain", "Total"))
        let female = try #require(recoded.cell("Other Mountain", "Female"))
        #expect(recoded.counts[total] == 15 && recoded.counts[female] == 8)
        #expect(recoded.denominators?[total] == 23_100)
        #expect(recoded.relationsHold)
        #expect(recoded.relations.count == table.relations.count - 2)  // two counties fewer, each with a Sex total
        // Rows: the group is written at Alpine's rows (18–20), Modoc's and Mono's are dropped.
        #expect(result.rows.cellWritten(atRow: 18) == total)
        #expect(result.rows.cellWritten(atRow: 21) == nil && result.rows.cellWritten(atRow: 24) == nil)
        let placer = try #require(recoded.cell("Placer", "Total"))
        #expect(result.rows.isMerged(total) && !result.rows.isMerged(placer))
    }

    /// Explicit groups pool years: 2019–2021's small age-group counts add up to publishable ones.
    @Test func yearsArePooledByADeclaredGroup() throws {
        let run = try FixtureRun(fixture: "ddg/pooled-years")
        defer { run.remove() }
        let released = try run.release()
        #expect(released.csv == (try Masking.expected("pooled-years")))
        #expect(released.report.summary.hiddenCells == 0)
        let recoding = try #require(released.report.recodings?.first)
        #expect(recoding.members == ["2019", "2020", "2021"])
        #expect(recoding.parent == nil)
        #expect(RecodeText.condition(recoding.condition) == "always")
        #expect(recoding.groupStillFails == nil)
    }

    /// A value that fails alone is not renamed: the group takes in the parent's smallest passing value too.
    @Test func aLoneFailingValueIsWidenedWithItsSmallestSibling() throws {
        let description = try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
            .replacingOccurrences(
                of: "      into: parent\n",
                with: "      into: parent\n      label: \"{parent}, small counties\"\n"
                    + "      populations: {Alameda: 1650000, Marin: 260000, San Francisco: 870000, Alpine: 1200, "
                    + "Modoc: 28000, Mono: 30000, Placer: 400000, Nevada: 102000}\n")
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: description)
        defer { run.remove() }
        let released = try run.release()
        let recoding = try #require(released.report.recodings?.first)
        #expect(recoding.group == "Mountain, small counties")
        #expect(recoding.members == ["Alpine", "Modoc"])
        #expect(RecodeText.reason(recoding.reason) == "Alpine fails population_below 20000 (public populations listed in the rule); Modoc "
            + "added so the group has at least two members and reaches the threshold")
        #expect(recoding.groupStillFails == false)
        // The label has a comma, so the release quotes it; its total of 7 is small and hidden.
        #expect(released.csv.contains("\n\"Mountain, small counties\",Total,,9900,,,"))
    }

    /// `hidden_share_above`: Alpine, Modoc and Mono would lose every non-zero cell; merged they still would lose
    /// two of three, so the sibling with the smallest share (Placer, by label order among equals) joins.
    @Test func hiddenShareMergesValuesThatWouldMostlyBeHidden() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(of: "{population_below: 20000}", with: "{hidden_share_above: 0.5}"))
        defer { run.remove() }
        let (table, description, policy) = try run.load()
        let result = try Recoding.apply(description.masking.aggregate, to: table, description: description, policy: policy)
        let recoding = try #require(result.recodings.first)
        #expect(recoding.members == ["Alpine", "Modoc", "Mono", "Placer"])
        #expect(RecodeText.reason(recoding.reason).contains("Alpine") == false)  // a member's own share would describe its counts
        #expect(recoding.groupStillFails == nil)
        #expect(result.table.counts[try #require(result.table.cell("Other Mountain", "Total"))] == 62)
        #expect(result.table.relationsHold)
    }

    @Test func aRuleWithNothingFailingChangesNothing() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(of: "20000", with: "1000"))
        defer { run.remove() }
        let (table, description, policy) = try run.load()
        let result = try Recoding.apply(description.masking.aggregate, to: table, description: description, policy: policy)
        #expect(result.recodings.isEmpty)
        #expect(result.rows.isIdentity)
        #expect(result.table.cellCount == table.cellCount)
        #expect(result.notes.map(RecodeText.note) == ["aggregate rule 1 ('County'): no value failed its condition; nothing was merged"])
    }

    /// Subtotals can be grouped too: the group takes over their children, and the release and `check` agree.
    @Test func subtotalsMergeWithTheirChildren() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(
                    of: "      when: {population_below: 20000}\n      into: parent\n",
                    with: "      groups:\n        Bay Area and Mountain: [Bay Area, Mountain]\n"))
        defer { run.remove() }
        let (table, description, policy) = try run.load()
        let result = try Recoding.apply(description.masking.aggregate, to: table, description: description, policy: policy)
        let county = result.table.dimensions[0]
        let group = try #require(county.labels.firstIndex(of: "Bay Area and Mountain"))
        #expect(county.children[group].map { county.labels[Int($0)] }
            == ["Alameda", "Marin", "San Francisco", "Alpine", "Modoc", "Mono", "Placer", "Nevada"])
        #expect(county.labels[Int(county.parent[group])] == "California")
        #expect(result.table.relationsHold)
        _ = try run.release()
        let check = try run.check(run.outputPath)
        #expect(check.findings.isEmpty)
    }

    /// `deid check` reads the release with the description that produced it: the group stands in for its members.
    @Test func checkReadsARecodedRelease() throws {
        let run = try FixtureRun(fixture: "ddg/recode-county")
        defer { run.remove() }
        _ = try run.release()
        let report = try run.check(run.outputPath)
        #expect(report.findings.isEmpty)
        #expect(report.summary.hiddenCells == 4)
        #expect(report.summary.audit?.verdict == .pass)
    }

    @Test func recordsInputReleasesTheRecodedCategories() throws {
        let run = try FixtureRun(
            csv: "County,Sex\n" + String(repeating: "Alpine,F\n", count: 3) + String(repeating: "Mono,M\n", count: 9)
                + String(repeating: "Placer,F\n", count: 20) + String(repeating: "Placer,M\n", count: 14),
            description: """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: records
                  dimensions:
                    - column: County
                      role: residence_geography
                      total: All counties
                    - column: Sex
                      role: sex
                  count: People
                  aggregate:
                    - column: County
                      groups:
                        Alpine and Mono: [Alpine, Mono]
                """)
        defer { run.remove() }
        let released = try run.release()
        // Alpine and Mono's counts (3 and 9) are small: hidden, with Placer's as their complementary cells.
        #expect(released.csv == """
            County,Sex,People
            All counties,F,23
            All counties,M,23
            Alpine and Mono,F,
            Alpine and Mono,M,
            Placer,F,
            Placer,M,

            """)
        #expect(Set(Masking.rows(released.csv).map { $0[0] }).isDisjoint(with: ["Alpine", "Mono"]))
        #expect(released.report.recodings?.first?.members == ["Alpine", "Mono"])
    }

    // MARK: errors

    @Test func membersOfDifferentParentsAreRefused() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(
                    of: "      when: {population_below: 20000}\n      into: parent\n",
                    with: "      groups:\n        Marin and Mono: [Marin, Mono]\n"))
        defer { run.remove() }
        let error = expectError(RecodeError.self) { _ = try run.release() }
        #expect(error?.message.contains("the members of 'Marin and Mono' have different parents ('Bay Area', 'Mountain')") == true)
        #expect(error?.location?.file == run.descriptionPath)
        #expect(run.wroteNothing)
    }

    @Test func aGroupLabelThatIsAlreadyAValueIsRefused() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(of: "      into: parent\n", with: "      into: parent\n      label: Nevada\n"))
        defer { run.remove() }
        let error = expectError(RecodeError.self) { _ = try run.release() }
        #expect(error?.message == "the aggregate rule for 'County' cannot be applied: the group label 'Nevada' is "
            + "already a value of 'County'; choose another label")
    }

    @Test func anUnknownPopulationIsRefusedWithoutPrintingOne() throws {
        let run = try FixtureRun(
            csv: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.csv", encoding: .utf8),
            description: try String(contentsOfFile: Masking.fixtures + "/recode-county/table.deid.yaml", encoding: .utf8)
                .replacingOccurrences(of: "      into: parent\n", with: "      into: parent\n      populations: {Alpine: 1200}\n"))
        defer { run.remove() }
        let error = expectError(RecodeError.self) { _ = try run.release() }
        #expect(error?.message == "the population of 'Alameda' in 'County' is unknown: list it under the rule's "
            + "`populations:` (public figures) or fill the denominator of its total row")
    }

    @Test func descriptionMistakesAreReportedAtTheirLine() throws {
        func problem(_ rule: String) -> String? {
            let text = """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: aggregate
                  dimensions:
                    - column: County
                      role: residence_geography
                      total: California
                    - column: Year
                      role: time
                  count: Cases
                  aggregate:
                \(rule)
                """
            return descriptionError { () throws(DescriptionError) in try TableDescription.parse(yaml: text, file: "t.deid.yaml") }?
                .description
        }
        #expect(problem("    - column: Countie\n      groups: {A: [x, y]}")
            == "t.deid.yaml:13:15: error: unknown aggregate column 'Countie' (did you mean 'County'?); allowed: County, Year")
        #expect(problem("    - column: County\n      into: parent")
            == "t.deid.yaml:13:7: error: missing required key 'when' in an aggregate rule with 'into: parent'; add it, "
                + "e.g. `when: {population_below: 20000}`")
        #expect(problem("    - column: Year\n      when: {population_below: 20000}\n      into: parent")?
            .contains("'into: parent' needs a parent, but dimension 'Year' has no total or hierarchy") == true)
        #expect(problem("    - column: County\n      groups: {Small: [Alpine]}")?
            .contains("group 'Small' needs at least two members") == true)
        #expect(problem("    - column: County\n      groups: {A: [x, y]}\n      into: parent")?
            .contains("exactly one of 'into: parent'") == true)
        #expect(problem("    - column: County\n      when: {population_below: 20000}\n      into: parent")?
            .contains("'population_below' needs each value's population") == true)
        #expect(problem("    - column: County\n      groups: {A: [x, y], B: [y, z]}")?
            .contains("'y' is in group 'A' and in group 'B'") == true)
        #expect(problem("    - column: County\n      when: {hidden_share_above: 1.5}\n      into: parent")?
            .contains("must be a share from 0 up to (not including) 1") == true)
    }

    /// Each year's count can be audited exactly, but the pooled count could not: the release stops at the
    /// second member, as it would at a count that large in the file.
    @Test func aMergedCountBeyondWhatTheAuditCanSolveExactlyIsRefused() throws {
        let description = try String(contentsOfFile: Masking.fixtures + "/pooled-years/table.deid.yaml", encoding: .utf8)
        let large = 4_503_599_627_370_496  // 2^52: three of them add up to more than 2^53
        let csv = "Year,Age Group,Deaths\n"
            + ["2019", "2020", "2021"].map { "\($0),All ages,\(large)\n\($0),0-44,1\n\($0),45+,\(large - 1)\n" }.joined()
        let run = try FixtureRun(csv: csv, description: description)
        defer { run.remove() }
        let error = expectError(ModelError.self) { _ = try run.release() }
        guard case .countTooLarge(let column, let at) = error else {
            Issue.record("expected countTooLarge, got \(String(describing: error))")
            return
        }
        #expect(column == "Deaths")
        #expect(at.line == 5)  // 2020's "All ages", the first count the pooled 2019-2021 cannot take
        #expect(run.wroteNothing)
    }
}
