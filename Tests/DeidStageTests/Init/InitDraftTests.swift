import DeidDescription
import DeidRead
import Foundation
import PropertyBased
import Testing
@testable import DeidInit

/// The pieces of `deid init`: labels written so the description loader reads them back unchanged, totals found
/// only by exact sums, and roles from names and vocabularies.
@Suite struct InitDraftTests {
    /// Labels drawn from what YAML treats specially: quotes, `: `, ` #`, brackets, commas, booleans, numbers.
    static let label = Gen<Character?>.element(of: Array("aZ 0,:#[]{}\"'\\-é&*!%@|>yesnoTRUE~.\t"))
        .compactMap { $0 }.string(of: 1...10)

    /// Any label, written as a column name and as a total, is read back as itself by the description loader.
    @Test func labelsSurviveTheDescriptionLoader() async {
        await propertyCheck(count: 300, input: Self.label, Self.label) { column, total in
            // Blank names and labels are refused by the loader whatever their quoting (a table cannot have them).
            let blank = { (text: String) in text.allSatisfy { $0 == " " || $0 == "\t" } }
            guard column != total, !column.contains("\t"), !total.contains("\t"), !blank(column), !blank(total) else {
                return
            }
            let yaml = """
                version: 1
                policy: calhhs-ddg-2.0
                table:
                  input: aggregate
                  dimensions:
                    - column: \(YAMLText.scalar(column))
                      role: other
                      total: \(YAMLText.scalar(total))
                  count: \(YAMLText.scalar(column + "x"))
                  derived: \(YAMLText.list([total + "y"]))

                """
            do {
                let description = try TableDescription.parse(yaml: yaml, file: "t.deid.yaml")
                #expect(description.dimensions.first?.column == column, "\(yaml)")
                #expect(description.dimensions.first?.structure.grandTotal == total, "\(yaml)")
                #expect(description.derived == [total + "y"], "\(yaml)")
            } catch {
                Issue.record("\(error) in\n\(yaml)")
            }
        }
    }

    static func values(_ labels: [String]) -> ColumnValues {
        var values = ColumnValues()
        for label in labels { values.append(label) }
        return values
    }

    /// 'Total' adds up Female and Male in each county; a county row that does not add up breaks it.
    @Test func aTotalHoldsOnlyWhereEverySliceAddsUp() {
        let county = Self.values(["A", "A", "A", "B", "B", "B"])
        let sex = Self.values(["Female", "Male", "Total", "Female", "Male", "Total"])
        let finder = TotalFinder(counts: [3, 4, 7, 10, 0, 10], dimensions: [0: county, 1: sex])
        #expect(finder.flatTotals(in: finder.slices(of: 1)).map(\.label) == [2])
        let broken = TotalFinder(counts: [3, 4, 7, 10, 1, 10], dimensions: [0: county, 1: sex])
        #expect(broken.flatTotals(in: broken.slices(of: 1)).isEmpty)
        #expect(broken.failures(of: 2, in: broken.slices(of: 1)) == (failing: 1, slices: 2))
    }

    /// A blank count proves nothing: the slice is skipped, not counted against the total.
    @Test func blankCountsAreSkipped() {
        let county = Self.values(["A", "A", "A", "B", "B", "B"])
        let sex = Self.values(["Female", "Male", "Total", "Female", "Male", "Total"])
        let finder = TotalFinder(counts: [3, 4, 7, nil, 5, 10], dimensions: [0: county, 1: sex])
        #expect(finder.flatTotals(in: finder.slices(of: 1)).map(\.slices) == [1])
    }

    static let vocabulary: Vocabulary = {
        var vocabulary = Vocabulary()
        for county in ["Alameda", "Alpine", "Amador"] { vocabulary.geography[Vocabulary.key(county)] = "county" }
        vocabulary.sex = ["male", "female"]
        vocabulary.race = ["white", "asian", "hispanic or latino"]
        return vocabulary
    }()

    static func profile(_ name: String, _ labels: [String]) -> ColumnProfile {
        ColumnProfile(name: name, values: values(labels))
    }

    @Test func rolesComeFromNamesAndVocabularies() {
        let classifier = ColumnClassifier(vocabulary: Self.vocabulary)
        let outcome = classifier.classify([
            Self.profile("Where", ["Alameda", "Alpine", "Amador", "Total"]),
            Self.profile("Bracket", ["0-17", "18 to 44", "65+", "All ages"]),
            Self.profile("Who", ["Male", "Female", "Male", "Female"]),
            Self.profile("Group", ["White", "Asian", "Hispanic or Latino", "White"]),
            Self.profile("Cases", ["1", "20", "300", "4"]),
            Self.profile("Population", ["1000", "2000", "3000", "4000"]),
            Self.profile("Rate", ["0.1", "1.0", "10.0", "0.1"]),
            Self.profile("cumulative_cases", ["1", "21", "321", "325"]),
        ])
        let roles = outcome.jobs.map { job -> String in
            switch job {
            case .dimension(let role, _): role?.rawValue ?? "?"
            case .count: "count"
            case .denominator: "denominator"
            case .derived: "derived"
            case .identifier: "identifier"
            case .annotation: "annotation"
            case .undecided: "undecided"
            }
        }
        #expect(roles == ["residence_geography", "age", "sex", "race_ethnicity", "count", "denominator", "derived", "undecided"])
        #expect(outcome.input == .aggregate)
    }

    /// Without any count, a column with a different value in each row is a person identifier: person records.
    @Test func withoutACountTheRowsArePersonRecords() {
        let outcome = ColumnClassifier(vocabulary: Self.vocabulary).classify([
            Self.profile("Patient ID", ["P1", "P2", "P3"]),
            Self.profile("County", ["Alameda", "Alpine", "Alameda"]),
        ])
        #expect(outcome.input == .records)
        guard case .identifier = outcome.jobs[0] else {
            Issue.record("\(outcome.jobs[0])")
            return
        }
    }

    /// A description still holding a TODO line is refused at that line.
    @Test func anOpenDecisionIsRefusedAtItsLine() {
        let yaml = "version: 1\npolicy: calhhs-ddg-2.0\ntable:\n  # TODO(deid init): which column is the count?\n  input: aggregate\n"
        let error = descriptionError { () throws(DescriptionError) in try TableDescription.parse(yaml: yaml, file: "t.deid.yaml") }
        #expect(error?.location?.line == 4 && error?.location?.column == 5)
        #expect(error?.message == "deid init left this open: which column is the count?; decide it, then delete the TODO line")
    }
}
