import Testing
import DeidDescription
@testable import DeidSQL

/// The query `deid sql` writes, as text: what it refuses, how it quotes, how it walks a hierarchy and orders
/// labels. (SQLCommandTests runs it on DuckDB.)
@Suite struct RecordsQueryTests {
    static func records(_ dimensions: String, extra: String = "") throws -> TableDescription {
        try TableDescription.parse(yaml: """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: records
              personal_characteristics: true
              dimensions:
            \(dimensions)
              count: People
            \(extra)
            """, file: "t.deid.yaml")
    }

    static let regions = """
            - column: Place
              role: other
              hierarchy:
                State: [North, South]
                North: [O'Brien, "Alpha \\"A\\""]
                South: [Zed]
        """

    @Test func everyLeafCountsTowardsItsAncestorsAndTheLabelsKeepTheirPreorder() throws {
        let query = try RecordsQuery(description: Self.records(Self.regions), dialect: .duckdb).text(from: "people")
        #expect(query.contains("('O''Brien', 'O''Brien'), ('O''Brien', 'North'), ('O''Brien', 'State')"), "\(query)")
        #expect(query.contains("('Zed', 'Zed'), ('Zed', 'South'), ('Zed', 'State')"))
        #expect(!query.contains("('North', 'North')"), "an inner label is no record's label")
        #expect(query.contains("('State', 0, ''), ('North', 1, ''), ('O''Brien', 2, ''), ('Alpha \"A\"', 3, ''), ('South', 4, ''), ('Zed', 5, '')"))
        #expect(query.contains("FROM people\n"))
        #expect(!query.hasSuffix(";\n"), "the query goes inside COPY (…) as it is")
    }

    @Test func columnsAreQuotedAndFilesAreReadAsText() throws {
        let description = try Self.records("""
                - column: Age "band"
                  role: age
                  total: All ages
            """)
        let query = try RecordsQuery(description: description, dialect: .duckdb).text(from: "data/people's.csv")
        #expect(query.contains("CAST(\"Age \"\"band\"\"\" AS VARCHAR)"), "\(query)")
        #expect(query.contains("AS \"Age \"\"band\"\"\""))
        #expect(query.contains("read_csv('data/people''s.csv', header = true, all_varchar = true"))
        #expect(query.contains("d0 = 'All ages'"), "a record at the total is a misfit")
        #expect(try RecordsQuery(description: description, dialect: .duckdb).text(from: "x.parquet").contains("read_parquet('x.parquet')"))
    }

    @Test func anAggregateDescriptionIsRefused() throws {
        let description = try TableDescription.parse(yaml: """
            version: 1
            policy: calhhs-ddg-2.0
            table:
              input: aggregate
              personal_characteristics: true
              dimensions:
                - column: Sex
                  role: sex
                  total: Total
              count: Cases
            """, file: "agg.deid.yaml")
        #expect(throws: SQLError.notRecords(at: .init(file: "agg.deid.yaml"))) {
            try RecordsQuery(description: description, dialect: .duckdb)
        }
    }

    @Test func tablesReleasedTogetherAreRefusedWithAWayOut() throws {
        var description = try Self.records(Self.regions)
        description.releasedTogether = ["other.csv"]
        do {
            _ = try RecordsQuery(description: description, dialect: .duckdb)
            Issue.record("a set of tables released together was accepted")
        } catch {
            #expect(error.description.contains("t.deid.yaml: error: deid sql cannot build a set of tables released together"))
            #expect(error.message.contains("deid release RECORDS.csv"))
        }
    }
}
