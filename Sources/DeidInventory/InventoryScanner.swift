import DeidDescription
import DeidRead

/// Streams a record-level file once and builds its `Inventory`: a `ColumnTally` per column and the record
/// counts per combination of the columns that may turn out to be quasi-identifiers (by name, or declared), from
/// which the quasi-identifiers' group sizes are derived at the end.
public enum InventoryScanner {
    public static func scan(
        source: InputSource, displayName: String, rules: InventoryRules, options: CSVOptions = CSVOptions()
    ) throws -> Inventory {
        let reader = try CSVReader(source: source, displayName: displayName, options: options)
        var header: [String] = []
        var tallies: [ColumnTally] = []
        var combinations = CombinationCounter(fields: [])
        var dropped = Set<Int>()
        var records = 0
        try reader.read(
            header: { fields in
                header = fields
                try checkDeclared(rules.declared, header: fields)
                tallies = fields.map { _ in ColumnTally(integerLimit: rules.ageOver) }
                combinations = CombinationCounter(fields: fields.indices.filter { mayBeQuasiIdentifier(fields[$0], rules) })
            },
            row: { row in
                records += 1
                for i in 0..<row.count { tallies[i].add(row[i]) }
                combinations.add { row[$0] }
                // A column whose values identify is no quasi-identifier: stop counting its combinations.
                if records % 4096 == 0 { dropIdentifying(&combinations, tallies, header, rules, &dropped) }
            })
        guard records > 0 else { throw InventoryError.noRecords(file: displayName) }
        dropIdentifying(&combinations, tallies, header, rules, &dropped)
        let classifier = ColumnClassifier(rules: rules)
        let columns = zip(header, tallies).map { name, tally in
            let (status, reason) = classifier.classify(name: name, tally: tally)
            return ColumnEntry(
                column: name, type: valueType(tally), distinct: tally.distinct.count,
                distinctEstimated: tally.distinct.isEstimate, missing: tally.empty, records: records, status: status,
                reason: reason)
        }
        return Inventory(
            file: displayName, records: records, columns: columns,
            quasiIdentifiers: measure(columns, header: header, combinations: combinations, rules: rules),
            rulesTitle: rules.title, rulesFile: PresetLocator.displayName(of: rules.file),
            declaredFile: rules.declared.file)
    }

    static func checkDeclared(_ declared: DeclaredStatuses, header: [String]) throws {
        for column in declared.all where !header.contains(column) {
            throw InventoryError.unknownColumn(declared.locations[column], column: column, available: header)
        }
    }

    /// Columns whose combinations are counted: named as quasi-identifiers, ages, 3-digit ZIPs or dates (which
    /// may hold years only), or declared quasi-identifiers; never one declared as something else.
    static func mayBeQuasiIdentifier(_ name: String, _ rules: InventoryRules) -> Bool {
        let declared = rules.declared
        if declared.quasiIdentifiers.contains(name) { return true }
        if declared.identifiers.contains(name) || declared.other.contains(name) { return false }
        let words = ColumnWords(name)
        let dateNames = rules.identifier("date")?.names ?? []
        return words.matches(any: rules.quasiIdentifierNames + rules.ageNames + rules.zip3Names + dateNames)
            || words.words.contains { $0.hasPrefix("zip") }
    }

    /// Drops from the combination count every tracked column that already shows identifying content (unless
    /// the user declared it a quasi-identifier).
    static func dropIdentifying(
        _ combinations: inout CombinationCounter, _ tallies: [ColumnTally], _ header: [String], _ rules: InventoryRules,
        _ dropped: inout Set<Int>
    ) {
        for field in combinations.fields where !rules.declared.quasiIdentifiers.contains(header[field]) {
            let identifying = ColumnClassifier.identifyingShapes.contains { tallies[field].count(of: $0.shape) > 0 }
            if identifying, dropped.insert(field).inserted { combinations.drop(field: field) }
        }
    }

    static func valueType(_ tally: ColumnTally) -> ValueType {
        guard tally.nonEmpty > 0 else { return .empty }
        if tally.all(.integer) { return .integer }
        if tally.count(of: .integer) + tally.count(of: .decimal) == tally.nonEmpty { return .number }
        if tally.all(.fullDate) { return .date }
        if tally.all(.yearMonth) { return .yearMonth }
        return .text
    }

    static func measure(
        _ columns: [ColumnEntry], header: [String], combinations: CombinationCounter, rules: InventoryRules
    ) -> QuasiIdentifierMeasure {
        let fields = columns.indices.filter { columns[$0].status == .quasiIdentifier }
        var measure = QuasiIdentifierMeasure(
            columns: fields.map { header[$0] }, groups: 0, k: 0, uniqueRecords: 0, smallGroups: 0,
            recordsInSmallGroups: 0, smallGroupMax: rules.smallGroupMax)
        guard !fields.isEmpty else { measure.notMeasured = .noQuasiIdentifiers; return measure }
        if combinations.overflowed { measure.notMeasured = .tooManyCombinations(limit: combinations.limit); return measure }
        let untracked = fields.filter { !combinations.fields.contains($0) }
        guard untracked.isEmpty, let sizes = combinations.groupSizes(over: fields) else {
            measure.notMeasured = .untracked(columns: untracked.map { header[$0] })
            return measure
        }
        measure.groups = sizes.count
        measure.k = sizes.min() ?? 0
        measure.uniqueRecords = sizes.filter { $0 == 1 }.count
        let small = sizes.filter { $0 <= rules.smallGroupMax }
        measure.smallGroups = small.count
        measure.recordsInSmallGroups = small.reduce(0, +)
        return measure
    }
}
