import DeidDescription

/// Decides each column's status from its name and its tallied values, in this order: the user's declaration;
/// identifying content (emails, SSNs, telephone numbers, URLs, IP addresses, full dates, ZIP+4 codes); ages over
/// the limit; 3-digit ZIP areas; a name that names an identifier; nearly unique values; a quasi-identifier's name.
/// The conservative reading throughout: one email address in a column makes it an identifier.
struct ColumnClassifier {
    let rules: InventoryRules

    /// Content that makes a column an identifier, with the Safe Harbor category it falls under.
    static let identifyingShapes: [(shape: ValueShape, kind: String)] = [
        (.email, "email"), (.ssn, "ssn"), (.phone, "phone"), (.url, "url"), (.ipv4, "ip_address"),
        (.fullDate, "date"), (.yearMonth, "date"), (.zipPlus4, "geography"),
    ]

    func classify(name: String, tally: ColumnTally) -> (ColumnStatus, StatusReason) {
        let words = ColumnWords(name)
        if let declared = declared(name) { return declared }
        for (shape, kind) in Self.identifyingShapes where tally.count(of: shape) > 0 {
            return (.identifier, .content(safeHarbor: category(kind), shape: shape, values: tally.count(of: shape)))
        }
        if words.matches(any: rules.ageNames), tally.all(.integer), let largest = tally.largestInteger {
            guard largest > rules.ageOver else { return (.quasiIdentifier, .ageInYears(over: rules.ageOver)) }
            return (.identifier, .agesOver(safeHarbor: category("date"), over: rules.ageOver, values: tally.integersAbove))
        }
        if let zip3 = zip3(words, tally) { return zip3 }
        if let category = rules.identifiers.first(where: { words.matches(any: $0.names) }) {
            if category.kind == "date", tally.all(.year) { return (.quasiIdentifier, .yearsOnly) }
            if category.kind == "geography", tally.all(.zip5) {
                let restricted = tally.zip3Areas.intersection(rules.restrictedZIP3).count
                return (.identifier, .zip5(
                    safeHarbor: category.safeHarbor, areas: tally.zip3Areas.count, restricted: restricted,
                    populationAbove: rules.zip3PopulationAbove))
            }
            return (.identifier, .name(safeHarbor: category.safeHarbor))
        }
        if let unique = nearlyUnique(tally) { return unique }
        if words.matches(any: rules.quasiIdentifierNames) { return (.quasiIdentifier, .quasiIdentifierName) }
        return (.other, .nothingFound)
    }

    /// The Safe Harbor words of identifier category `kind`.
    private func category(_ kind: String) -> String { rules.identifier(kind)?.safeHarbor ?? kind }

    private func declared(_ name: String) -> (ColumnStatus, StatusReason)? {
        let declared = rules.declared
        let file = declared.file ?? ""
        if declared.identifiers.contains(name) { return (.identifier, .declared(file: file)) }
        if declared.quasiIdentifiers.contains(name) { return (.quasiIdentifier, .declared(file: file)) }
        if declared.other.contains(name) { return (.other, .declared(file: file)) }
        return nil
    }

    /// A column named as a 3-digit ZIP, or a ZIP column whose values all have 3 digits.
    private func zip3(_ words: ColumnWords, _ tally: ColumnTally) -> (ColumnStatus, StatusReason)? {
        let zipNamed = words.words.contains { $0.hasPrefix("zip") || $0 == "postal" }
        guard words.matches(any: rules.zip3Names) || (zipNamed && tally.all(.zip3)), tally.all(.zip3) else { return nil }
        let restricted = tally.zip3Areas.intersection(rules.restrictedZIP3).count
        let reason = StatusReason.zip3(
            safeHarbor: restricted > 0 ? category("geography") : nil, areas: tally.zip3Areas.count,
            restricted: restricted, populationAbove: rules.zip3PopulationAbove)
        return (restricted > 0 ? .identifier : .quasiIdentifier, reason)
    }

    private func nearlyUnique(_ tally: ColumnTally) -> (ColumnStatus, StatusReason)? {
        guard tally.nonEmpty >= rules.uniqueMinRecords, !tally.all(.decimal) else { return nil }
        let share = Double(tally.distinct.count) / Double(tally.nonEmpty)
        guard share >= rules.uniqueShare else { return nil }
        return (.identifier, .nearlyUnique(safeHarbor: category("unique_code"), share: min(share, 1)))
    }
}
