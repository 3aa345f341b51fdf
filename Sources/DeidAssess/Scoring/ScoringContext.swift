import DeidSupport
import DeidDescription
import DeidModel

/// What every criterion reads: the table, its description, the edition's scoring tables and the reference
/// data. Warnings for the statistical expert are collected here.
final class ScoringContext {
    let table: Table
    let description: TableDescription
    let policy: Policy
    let scoring: ScoringPolicy
    let references: ReferenceLibrary
    /// The DDG source of the criteria tables: "V2-S4.3" for Ed. 2.0, "V1-S6.2" for v1.0.
    let source: String
    private(set) var warnings: [String] = []
    private let noRisk: Set<String>
    private var ownDenominators: [Int: OwnDenominator] = [:]

    init(table: Table, description: TableDescription, policy: Policy, scoring: ScoringPolicy, references: ReferenceLibrary) {
        self.table = table
        self.description = description
        self.policy = policy
        self.scoring = scoring
        self.references = references
        source = policy.edition.hasPrefix("1") ? "V1-S6.2" : "V2-S4.3"
        noRisk = Set(scoring.noRiskLabels.map(ScoringText.key))
    }

    func warn(_ text: String) {
        if !warnings.contains(text) { warnings.append(text) }
    }

    /// The declaration of table dimension `d` (matched by column, so the order of the two may differ).
    func spec(_ d: Int) -> DimensionSpec {
        let column = table.dimensions[d].column
        return description.dimensions.first { $0.column == column }
            ?? DimensionSpec(column: column, role: table.dimensions[d].role, structure: .none,
                             location: SourceLocation(file: description.file))
    }

    /// The population of dimension `d`'s `label` from the table's own denominator column (`OwnDenominator`),
    /// with a warning for the report; nil when the table has none or the label's total row lacks one.
    func ownPopulation(_ d: Int, _ label: String, noun: String) -> SmallestUnit? {
        guard let column = description.denominator,
            let index = table.dimensions[d].labels.firstIndex(of: label)
        else { return nil }
        if ownDenominators[d] == nil { ownDenominators[d] = OwnDenominator(dimension: d, of: table) }
        guard let population = ownDenominators[d]?.population(of: Int32(index)) else { return nil }
        let origin = "the table's own '\(column)' on its total row"
        warn("no reference knows '\(label)' in '\(table.dimensions[d].column)': its \(noun) is taken from \(origin)"
            + " (the smallest over the table's slices)")
        return SmallestUnit(label: label, figure: .exact(population), origin: origin)
    }

    func isNoRisk(_ label: String) -> Bool { noRisk.contains(ScoringText.key(label)) }

    /// The labels that are categories for scoring: not totals or subtotals, not "Unknown"-style labels (Q17),
    /// not the unpublished remainder of an incomplete total.
    func categories(_ d: Int) -> [String] {
        let dimension = table.dimensions[d]
        let remainder = spec(d).remainder
        return dimension.labels.indices.filter { dimension.isLeaf(Int32($0)) }.map { dimension.labels[$0] }
            .filter { !isNoRisk($0) && $0 != remainder }
    }

    func dimensions(with role: DimensionRole) -> [Int] {
        table.dimensions.indices.filter { table.dimensions[$0].role == role }
    }

    /// A resolver over the dimension's `populations:` and its reference file (the dimension's `reference:`
    /// or the criterion's default from the policy).
    func resolver(for d: Int, defaultReference: String?) throws(AssessError) -> LabelResolver {
        let spec = spec(d)
        return try resolver(
            populations: spec.scoring.populations, reference: spec.scoring.reference ?? defaultReference,
            declaredAt: spec.scoring.referenceLocation ?? SourceLocation(file: policy.file))
    }

    func resolver(populations: [String: Int], reference: String?, declaredAt: SourceLocation) throws(AssessError)
        -> LabelResolver
    {
        let file = try reference.map { name throws(AssessError) in try references.load(name, declaredAt: declaredAt) }
        return LabelResolver(populations: populations, reference: file)
    }
}

/// A label after lookup: the category it counts as and its population, with where each came from.
struct ResolvedLabel {
    var label: String
    /// The policy category the label counts as (via the reference's `category` column), if any.
    var category: String?
    var figure: PopulationFigure?
    /// "the description's populations" or the reference file's name.
    var origin: String
}

struct LabelResolver {
    private let populations: [String: Int]
    let reference: ReferencePopulations?

    init(populations: [String: Int], reference: ReferencePopulations?) {
        var keyed: [String: Int] = [:]
        for (label, value) in populations { keyed[ScoringText.key(label)] = value }
        self.populations = keyed
        self.reference = reference
    }

    /// Nil when neither `populations:` nor the reference file knows the label.
    func resolve(_ label: String) -> ResolvedLabel? {
        let row = reference?.row(for: label)
        if let value = populations[ScoringText.key(label)] {
            return ResolvedLabel(
                label: label, category: row?.category, figure: .exact(value), origin: "the description's populations")
        }
        guard let row, let reference else { return nil }
        return ResolvedLabel(label: label, category: row.category, figure: row.figure, origin: reference.info.name)
    }

    /// Where a missing label should be declared, for error messages.
    var lookedIn: String {
        reference.map { "the description's `populations:` or \($0.info.name)" } ?? "the description's `populations:`"
    }
}

extension Array where Element == String {
    /// "A, B, C" or "A, B, C and 4 more", for evidence that names labels.
    var shortList: String {
        count <= 6 ? joined(separator: ", ") : prefix(5).joined(separator: ", ") + " and \(count - 5) more"
    }
}
