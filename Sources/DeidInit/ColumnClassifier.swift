import DeidDescription

/// Decides what each column of a table is, from its name and its values (`ColumnWords`, `LabelShapes`, the
/// presets' vocabularies), and whether the rows are cells of a table or person records.
struct ColumnClassifier {
    var vocabulary: Vocabulary

    struct Outcome {
        var input: InputKind
        var jobs: [ColumnJob]
    }

    func classify(_ profiles: [ColumnProfile]) -> Outcome {
        var jobs = profiles.map(firstGuess)
        // Several denominators or counts are possible (several counts are allowed); a second denominator is not.
        var seenDenominator = false
        for index in jobs.indices {
            guard case .denominator = jobs[index] else { continue }
            if seenDenominator {
                jobs[index] = .undecided(question: "'\(profiles[index].name)' is a second population-like column; "
                    + "declare it under `descriptive:` if it only describes the row, or remove it")
            }
            seenDenominator = true
        }
        let hasCount = jobs.contains { if case .count = $0 { true } else { false } }
        if !hasCount {
            if let only = soleUnnamedWholeNumber(profiles, jobs) {
                jobs[only] = .count(evidence: "the only whole-number column not named as something else")
            } else {
                return Outcome(input: .records, jobs: recordJobs(profiles, jobs))
            }
        }
        return Outcome(input: .aggregate, jobs: jobs)
    }

    /// The guess for one column before the table as a whole is looked at.
    private func firstGuess(_ column: ColumnProfile) -> ColumnJob {
        switch column.shape {
        case .empty:
            if column.nameHas(ColumnWords.annotation) {
                return .annotation(evidence: "empty, named as a note: deid writes its codes for hidden cells here")
            }
            return .undecided(question: "'\(column.name)' is empty in every row; delete the column or say what it holds")
        case .wholeNumbers:
            return wholeNumberGuess(column)
        case .decimals:
            if column.nameHas(ColumnWords.denominator), !column.nameHas(ColumnWords.derived) {
                return .denominator(evidence: "named as a population")
            }
            return .derived(evidence: "decimal values\(column.nameHas(ColumnWords.derived) ? " named as a rate or share" : ""), "
                + "computed from the count, so hidden with it")
        case .labels:
            if column.unique, column.nameHas(ColumnWords.identifier) {
                return .identifier(evidence: "a different value in every row: an identifier of the person")
            }
            if column.nameHas(ColumnWords.annotation) {
                return .annotation(evidence: "named as a note or code column; deid writes its codes for hidden cells here")
            }
            return labelGuess(column)
        }
    }

    private func wholeNumberGuess(_ column: ColumnProfile) -> ColumnJob {
        if column.labels.allSatisfy(LabelShapes.isYear), column.nameHas(ColumnWords.time) || column.labels.count <= 60 {
            return .dimension(role: .time, evidence: "every value is a year (\(column.labels.prefix(3).joined(separator: ", "))…)")
        }
        if column.nameHas(ColumnWords.cumulative) {
            return .undecided(question: "'\(column.name)' looks like a running total; declare it under `cumulative:` "
                + "(of: the count, along: the time column) so its relations are protected")
        }
        if column.nameHas(ColumnWords.derived) { return .derived(evidence: "named as a rate or share") }
        if column.nameHas(ColumnWords.denominator) { return .denominator(evidence: "named as a population") }
        if column.nameHas(ColumnWords.count) { return .count(evidence: "whole numbers, named as a count") }
        if column.nameHas(ColumnWords.age) { return .dimension(role: .age, evidence: "whole numbers named as an age") }
        if column.nameHas(ColumnWords.geography) {
            return .dimension(role: geographyRole(column), evidence: "codes named as a place")
        }
        return .undecided(question: "whole numbers in '\(column.name)': a count (add it to `count:`), a denominator "
            + "(`denominator:`), computed from the count (`derived:`) or describing the row (`descriptive:`)?")
    }

    /// The role of a label column: by its name first, then by how many of its labels a vocabulary knows.
    func labelGuess(_ column: ColumnProfile) -> ColumnJob {
        let labels = column.labels.filter { !LabelShapes.isTotalLike($0) && !LabelShapes.isAnyVocabulary($0) }
        let half = max(1, (labels.count + 1) / 2)
        func share(_ known: (String) -> Bool) -> Int { labels.filter(known).count }
        let places = share { vocabulary.geography[Vocabulary.key($0)] != nil }
        if places >= max(2, half) {
            return .dimension(role: geographyRole(column), evidence: "\(places) of \(labels.count) labels are California places")
        }
        if column.nameHas(ColumnWords.geography) {
            return .dimension(role: geographyRole(column), evidence: "named as a place")
        }
        if column.nameHas(ColumnWords.time) || (!labels.isEmpty && labels.allSatisfy { LabelShapes.isYear($0) || LabelShapes.isDateLike($0) }) {
            return .dimension(role: .time, evidence: "named as a time or holding dates")
        }
        let ages = share(LabelShapes.isAgeBand)
        if column.nameHas(ColumnWords.age) || ages >= half {
            return .dimension(role: .age, evidence: "\(ages) of \(labels.count) labels are age groups")
        }
        let sexes = share { vocabulary.sex.contains(Vocabulary.key($0)) }
        if column.nameHas(ColumnWords.sex) || (sexes >= half && sexes >= 2) {
            return .dimension(role: .sex, evidence: "\(sexes) of \(labels.count) labels are sex or gender labels")
        }
        let races = share { vocabulary.race.contains(Vocabulary.key($0)) }
        if column.nameHas(ColumnWords.race) || (races >= half && races >= 2) {
            return .dimension(role: raceRole(column), evidence: "\(races) of \(labels.count) labels are race or ethnicity labels")
        }
        return .dimension(role: nil, evidence: "\(column.labels.count) labels")
    }

    private func geographyRole(_ column: ColumnProfile) -> DimensionRole {
        column.nameHas(ColumnWords.serviceGeography) ? .serviceGeography : .residenceGeography
    }

    private func raceRole(_ column: ColumnProfile) -> DimensionRole {
        let name = column.words
        let hispanic = column.labels.contains { $0.lowercased().contains("hispanic") || $0.lowercased().contains("latin") }
        let nonHispanicRace = column.labels.contains { ["white", "black", "asian"].contains(Vocabulary.key($0)) }
        if (name.contains("race") && name.contains("ethnic")) || (hispanic && nonHispanicRace) { return .raceEthnicity }
        return name.contains("ethnic") && !name.contains("race") ? .ethnicity : .race
    }

    /// Without a count, a single whole-number column that no name placed is the count.
    private func soleUnnamedWholeNumber(_ profiles: [ColumnProfile], _ jobs: [ColumnJob]) -> Int? {
        let candidates = jobs.indices.filter {
            if case .undecided = jobs[$0], case .wholeNumbers = profiles[$0].shape { return true }
            return false
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Person records: every label column is a dimension, an identifier is left out, numbers are questions.
    private func recordJobs(_ profiles: [ColumnProfile], _ jobs: [ColumnJob]) -> [ColumnJob] {
        jobs.indices.map { index in
            switch jobs[index] {
            case .dimension, .identifier, .annotation: return jobs[index]
            default:
                if profiles[index].unique {
                    return .identifier(evidence: "a different value in every row: an identifier of the person")
                }
                return jobs[index]
            }
        }
    }
}
