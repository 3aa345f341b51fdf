import Foundation
import DeidDescription
import DeidRead

/// `deid init`: reads a table once and drafts its description.
public enum DescriptionInit {
    public static func draft(source: InputSource, displayName: String, presets: String) throws(InitError) -> DescriptionDraft {
        let sample = try TableSample.read(source, displayName: displayName)
        let vocabulary = try Vocabulary.load(presets: presets)
        let profiles = sample.header.indices.map { ColumnProfile(name: sample.header[$0], values: sample.columns[$0]) }
        let outcome = ColumnClassifier(vocabulary: vocabulary).classify(profiles)
        var draft = DescriptionDraft(table: displayName, rows: sample.rowCount, input: outcome.input)
        var dimensionColumns: [Int] = []
        for (index, job) in outcome.jobs.enumerated() {
            let name = sample.header[index]
            switch job {
            case .dimension: dimensionColumns.append(index)
            case .count(let evidence): draft.counts.append(.init(name: name, evidence: evidence))
            case .denominator(let evidence): draft.denominator = .init(name: name, evidence: evidence)
            case .derived(let evidence): draft.derived.append(.init(name: name, evidence: evidence))
            case .annotation(let evidence): draft.annotation = .init(name: name, evidence: evidence)
            case .identifier(let evidence): draft.identifiers.append(.init(name: name, evidence: evidence))
            case .undecided(let question): draft.questions.append(question)
            }
        }
        let parents = parentColumns(sample, dimensionColumns)
        dimensionColumns.removeAll { parents.values.contains($0) }
        draft.descriptive = parents.sorted { $0.value < $1.value }.map { child, parent in
            .init(name: sample.header[parent], evidence: "names the parent of each '\(sample.header[child])' label")
        }
        let numeric = draft.counts.map(\.name) + [draft.denominator?.name].compactMap { $0 }
        draft.thousandsSeparator = profiles.contains {
            numeric.contains($0.name) && $0.shape == .wholeNumbers(thousands: true)
        }
        let finder = TotalFinder(
            counts: countsOfFirstCount(sample, draft),
            dimensions: Dictionary(uniqueKeysWithValues: dimensionColumns.map { ($0, sample.columns[$0]) }))
        for index in dimensionColumns {
            guard case .dimension(let role, let evidence) = outcome.jobs[index] else { continue }
            let values = sample.columns[index]
            let structure: DraftStructure
            if let parent = parents[index] {
                structure = finder.structure(of: index, values: values, parentColumn: sample.header[parent], sample.columns[parent])
            } else if outcome.input == .records {
                structure = recordsStructure(role: role, values: values, vocabulary: vocabulary)
            } else {
                structure = finder.structure(of: index, values: values, vocabulary: vocabulary)
            }
            draft.dimensions.append(.init(column: sample.header[index], role: role, roleEvidence: evidence, structure: structure))
        }
        return draft
    }

    /// Dimension column → the column that gives each of its labels' parent (`ParentColumn`).
    private static func parentColumns(_ sample: TableSample, _ dimensions: [Int]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        for child in dimensions where !found.values.contains(child) {
            for parent in dimensions where parent != child && found[parent] == nil && !found.values.contains(parent) {
                if ParentColumn.tree(child: sample.columns[child], parent: sample.columns[parent]) != nil {
                    found[child] = parent
                    break
                }
            }
        }
        return found
    }

    /// The first count column's value in each row: nil where blank or not a whole number.
    private static func countsOfFirstCount(_ sample: TableSample, _ draft: DescriptionDraft) -> [Int?] {
        guard let name = draft.counts.first?.name, let column = sample.header.firstIndex(of: name) else {
            return Array(repeating: nil, count: sample.rowCount)
        }
        let values = sample.columns[column]
        let parsed = values.distinct.map { Int($0.replacingOccurrences(of: ",", with: "")) }
        return values.rows.map { parsed[Int($0)] }
    }

    /// Person records hold no totals: deid adds them. Counties get California's regions; age groups "All ages";
    /// time none; every other dimension "Total".
    private static func recordsStructure(role: DimensionRole?, values: ColumnValues, vocabulary: Vocabulary) -> DraftStructure {
        let labels = values.labels
        if role == .time { return .none(note: "periods are not added up") }
        if role == .residenceGeography || role == .serviceGeography,
            labels.allSatisfy({ vocabulary.geography[Vocabulary.key($0)] == "county" })
        {
            let regions = vocabulary.regions.map { region in
                (parent: region.region, members: region.counties.filter { values.index[$0] != nil })
            }.filter { !$0.members.isEmpty }
            return .hierarchy(
                root: "California", children: [(parent: "California", members: regions.map(\.parent))] + regions,
                evidence: "every label is a California county: deid adds the Census regions and the state")
        }
        let total = role == .age ? "All ages" : "Total"
        return .total(label: total, evidence: "deid adds this total row from the records")
    }
}
