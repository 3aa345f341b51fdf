import Testing
@testable import DeidAssess

/// Units no reference file knows are scored with the table's own denominator on their total row; California's
/// local health jurisdictions are known.
@Suite struct ScoringOwnDenominatorTests {
    func score(_ keys: String, _ dims: String, _ csv: String) throws -> ScoreBreakdown {
        let c = try InlineCase(policy: "calhhs-ddg-2.0", table: "  high_risk: none\n\(keys)  dimensions:\n\(dims)", csv: csv)
        defer { c.remove() }
        return try c.score()
    }

    static let dims = "    - column: Year\n      role: time\n    - column: Place\n      role: residence_geography\n      total: All\n"

    /// Two made-up places: the smaller's population is the smallest of its total-row denominators over the years,
    /// and the report's warnings say where the figure came from.
    @Test func anUnknownUnitTakesItsSmallestTotalRowDenominator() throws {
        let csv = """
            Year,Place,Cases,Population
            2020,All,60,90000
            2020,Northtown,40,60000
            2020,Southtown,20,30000
            2021,All,61,91000
            2021,Northtown,40,61000
            2021,Southtown,21,29000

            """
        let s = try score("  denominator: Population\n", Self.dims, csv)
        #expect(s.line("residence_geography")?.evidence
            == "smallest unit Southtown, population 29,000 (the table's own 'Population' on its total row)")
        #expect(s.points("residence_geography") == 4)
        #expect(s.warnings.contains {
            $0.contains("no reference knows 'Southtown' in 'Place': its population is taken from the table's own 'Population'")
        })
    }

    /// A total row without a denominator leaves the unit unknown: scoring stops and says what to declare.
    @Test func aMissingDenominatorIsStillAnError() throws {
        let csv = "Year,Place,Cases,Population\n2020,All,60,90000\n2020,Northtown,40,60000\n2020,Southtown,20,\n"
        #expect {
            try score("  denominator: Population\n", Self.dims, csv)
        } throws: { error in
            let message = (error as? AssessError)?.message ?? "\(error)"
            return message.contains("cannot score 'Southtown'") && message.contains("ca-lhj-population")
                && message.contains("`denominator:`")
        }
    }

    /// Without a denominator column nothing is read from the table.
    @Test func withoutADenominatorColumnTheUnitIsUnknown() throws {
        let csv = "Year,Place,Cases\n2020,All,60\n2020,Northtown,40\n2020,Southtown,20\n"
        #expect(throws: AssessError.self) { try score("", Self.dims, csv) }
    }

    /// The three cities that are local health jurisdictions are in the default geography reference.
    @Test func cityJurisdictionsAreInTheDefaultReference() throws {
        let csv = "Year,Place,Cases\n2020,All,60\n2020,Berkeley,40\n2020,Pasadena,20\n"
        let s = try score("", Self.dims.replacingOccurrences(of: "total: All", with: "total: All"), csv)
        #expect(s.line("residence_geography")?.evidence == "smallest unit Berkeley, population 124,321 (ca-county-population)")
    }

    /// `reference: ca-lhj-population`: Alameda as a jurisdiction, without Berkeley.
    @Test func theJurisdictionReferenceExcludesTheCities() throws {
        let dims = "    - column: Place\n      role: residence_geography\n      total: All\n      reference: ca-lhj-population\n"
        let s = try score("  period: year\n", dims, "Place,Cases\nAll,60\nAlameda,40\nLos Angeles,20\n")
        #expect(s.line("residence_geography")?.evidence == "smallest unit Alameda, population 1,558,032 (ca-lhj-population)")
    }
}
