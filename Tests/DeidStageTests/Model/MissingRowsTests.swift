import Foundation
import Testing
@testable import DeidModel
@testable import DeidDescription

/// `missing_rows:` sparse files leave out the rows whose count is zero (`zero`); ragged files publish some
/// categories only at the total (`total_only`). Without the declaration both are errors.
@Suite struct MissingRowsTests {
    static func yaml(_ missing: String?) -> String {
        """
        version: 1
        policy: calhhs-ddg-2.0
        table:
          input: aggregate
          personal_characteristics: true
          dimensions:
            - column: Disease
              role: other
            - column: County
              role: residence_geography
              total: California
          count: Cases
          annotation: Annotation
        \(missing.map { "  missing_rows: \($0)\n" } ?? "")
        """
    }

    /// Sparse: Inyo has no Mumps row (its count is zero) and Alpine no Pertussis row.
    static let sparse = """
        Disease,County,Cases
        Pertussis,California,152
        Pertussis,Alameda,120
        Pertussis,Inyo,32
        Mumps,California,48
        Mumps,Alameda,41
        Mumps,Alpine,7

        """

    /// Ragged: Botulism is published only statewide.
    static let ragged = """
        Disease,County,Cases
        Pertussis,California,152
        Pertussis,Alameda,120
        Pertussis,Inyo,32
        Botulism,California,4

        """

    @Test func absentRowsAreErrorsUnlessDeclared() throws {
        for csv in [Self.sparse, Self.ragged] {
            #expect { try FixtureRun.table(csv, Self.yaml(nil)) } throws: { error in
                guard case .missingChild = error as? ModelError else { return false }
                return true
            }
        }
    }

    @Test func aSparseFileReadsAbsentRowsAsZeros() throws {
        let table = try FixtureRun.table(Self.sparse, Self.yaml("zero"))
        let relations = table.relations.map { [$0.total] + $0.parts.map(Int.init) }
        #expect(relations.sorted { $0[0] < $1[0] } == [[0, 1, 2], [3, 4, 5]])
        // A total the present parts do not add up to is still an error.
        let wrong = Self.sparse.replacingOccurrences(of: "Mumps,California,48", with: "Mumps,California,50")
        #expect(throws: ModelError.self) { try FixtureRun.table(wrong, Self.yaml("zero")) }
    }

    @Test func aRaggedFilesLoneTotalIsAPlainCell() throws {
        let table = try FixtureRun.table(Self.ragged, Self.yaml("total_only"))
        #expect(table.relations.count == 1 && table.relations.first?.total == 0)
        // A total with some of its parts but not all is still an error.
        #expect(throws: ModelError.self) { try FixtureRun.table(Self.sparse, Self.yaml("total_only")) }
    }

    @Test func theReleasesOfBothPassTheirCheck() throws {
        for (csv, missing) in [(Self.sparse, "zero"), (Self.ragged, "total_only")] {
            let run = try FixtureRun(csv: csv, description: Self.yaml(missing))
            defer { run.remove() }
            let released = try run.release()
            #expect(released.report.summary.hiddenCells > 0)
            #expect(try !run.check(run.outputPath).hasErrors)
        }
    }
}
