import DeidSupport

/// What a user declared about one CSV table in its description file (`TABLE.deid.yaml` or `deid.yaml`).
/// See docs/table-description.md for every key and schema/table-description.schema.json for its schema.
public struct TableDescription: Sendable, Hashable {
    /// Format version of the description file; only 1 exists.
    public var version: Int
    /// The policy preset name (`calhhs-ddg-2.0`) or a path to a policy file.
    public var policy: PolicyReference
    public var input: InputKind
    public var dimensions: [DimensionSpec]
    /// The numerator column (people counted). Absent for `records` input, where it names the output column.
    public var count: String?
    /// More count columns of the same rows (`count: [cases, deaths]`): each is protected and audited as counts of
    /// its own, with the same relations; no relation between them is assumed.
    public var moreCounts: [String] = []
    /// The column holding each cell's denominator, if any.
    public var denominator: String?
    /// Columns computed from the count (rates, percentages, means), hidden together with it.
    public var derived: [String]
    /// The annotation column the release adds (Open Data Portal codes); absent: no annotation column.
    public var annotation: String?
    /// Where the description was read from, for messages and the audit's provenance.
    public var file: String
    /// Where `policy:` is written, so an unknown preset or missing policy file is reported at that line.
    public var policyLocation: SourceLocation?
    /// Where each count, denominator, derived and annotation column is named, so a column missing from the
    /// table is reported at the line that declares it.
    public var columnLocations: [String: SourceLocation]
    /// Step 1–3 facts: personal characteristics, high-risk population, implicit geography and period.
    public var assessment: AssessmentDeclarations
    /// Recoding, survey data, rate formulas and rounded percentages (DDG Step 4 beyond cell suppression).
    public var masking = MaskingDeclarations()
    /// `released_together:` the tables published with this one, as paths relative to the description's folder
    /// (as written); `check` audits them with it as one release, and `release` refuses to release it alone.
    public var releasedTogether: [String] = []
    /// `strata:` the file stacks several breakdowns; nil for a plain table.
    public var strata: StrataSpec?
    /// `cumulative:` running totals of the count along a dimension.
    public var cumulative: [CumulativeSpec] = []
    /// Declared bounds between counts of one row (`count_bounds:`); none is assumed.
    public var countBounds: [CountBound] = []
    /// `descriptive:` columns that only describe a row's labels (a county's FIPS code, a cause's description):
    /// published as they are, on hidden rows too. Every other column must be declared with its role.
    public var descriptive: [String] = []
    /// `no_data_codes:` annotation codes that mean "no data / not applicable": the blank count beside one is no
    /// hidden cell but an empty one, which adds nothing to any total.
    public var noDataCodes: [String] = []
    /// `hidden_marker:` a note column and the text in it that marks a hidden cell (`<11`), whatever the count
    /// column holds on that row (a placeholder).
    public var hiddenMarker: HiddenMarker?
    /// `missing_rows:` what a total's part with no row means.
    public var missingRows: MissingRows = .error
    /// Not read from YAML: the groups `aggregate:` rules merged in this release, per column (group → members),
    /// filled in after recoding so that scoring gives a merged group the population of its members.
    public var mergedGroups: [String: [String: [String]]] = [:]
    /// `number_format:` the separator between groups of three digits in counts and denominators (`,`), if any.
    public var thousandsSeparator: Character?
    /// `number_format:` whether whole numbers may be written with a zero fraction (`3.0`).
    public var trailingZeroDecimals = false

    /// Every column the description gives a role, by name.
    public var declaredColumns: Set<String> {
        var columns = Set(dimensions.filter { $0.stratum == nil }.map(\.column))
        columns.formUnion([count, denominator, annotation, masking.sampleSize, masking.percentages?.column].compactMap { $0 })
        columns.formUnion(derived + descriptive + moreCounts + cumulative.map(\.column))
        if let hiddenMarker { columns.insert(hiddenMarker.column) }
        if let strata { columns.formUnion([strata.typeColumn, strata.valueColumn]) }
        return columns
    }

    public init(
        version: Int = 1, policy: PolicyReference, input: InputKind, dimensions: [DimensionSpec],
        count: String?, denominator: String? = nil, derived: [String] = [], annotation: String? = nil,
        file: String, policyLocation: SourceLocation? = nil, columnLocations: [String: SourceLocation] = [:],
        assessment: AssessmentDeclarations = AssessmentDeclarations()
    ) {
        self.version = version
        self.policy = policy
        self.input = input
        self.dimensions = dimensions
        self.count = count
        self.denominator = denominator
        self.derived = derived
        self.annotation = annotation
        self.file = file
        self.policyLocation = policyLocation
        self.columnLocations = columnLocations
        self.assessment = assessment
    }

    /// Every count column, the table's count first.
    public var countColumns: [String] { [countColumn] + moreCounts }

    /// The name of the count column in the release: `count:` or, for records input without it, `Count`.
    public var countColumn: String { count ?? "Count" }

    /// What describes the table `release` writes from records input: the same table as an aggregate, its counts in
    /// `countColumn`.
    public var releasedFromRecords: TableDescription {
        var released = self
        released.input = .aggregate
        released.count = countColumn
        return released
    }
}

/// `hidden_marker:` the note column and the text that marks a hidden cell.
public struct HiddenMarker: Sendable, Hashable {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// What a part of a total with no row means (`missing_rows:`). Declared, never guessed.
public enum MissingRows: String, Sendable, Hashable, CaseIterable {
    /// Every part of a total must have a row (the default).
    case error
    /// A sparse file: a combination with no row is a true zero.
    case zero
    /// A ragged file: a total none of whose parts has a row (a disease published only statewide) is a plain
    /// published cell; a total with some parts but not all is still an error.
    case totalOnly = "total_only"
}

/// How the policy was named in the description.
public enum PolicyReference: Sendable, Hashable, CustomStringConvertible {
    /// A preset shipped in `Presets/`, e.g. `calhhs-ddg-2.0`.
    case preset(String)
    /// A policy file, resolved relative to the description file's folder.
    case path(String)

    public var description: String {
        switch self {
        case .preset(let name): name
        case .path(let path): path
        }
    }
}

/// `aggregate`: one row per cell with a count column. `records`: one row per person.
public enum InputKind: String, Sendable, Hashable, CaseIterable {
    case aggregate, records
}

/// One dimension column and how its values add up.
public struct DimensionSpec: Sendable, Hashable {
    public var column: String
    public var role: DimensionRole
    public var structure: DimensionStructure
    /// Where the dimension is declared, for messages about it.
    public var location: SourceLocation
    /// Facts the publication score needs when the labels alone do not tell (period, ages, populations).
    public var scoring: DimensionScoringSpec
    /// The name of what an incomplete total holds beyond its listed parts (`remainder:`): the total is its parts
    /// plus an unpublished remainder of at least 0 people (unknown age, other causes), which deid models as one
    /// more part, never published, and protects like any hidden cell. nil: the total is exactly its parts.
    public var remainder: String?
    /// `stratum:` the stratum type whose rows hold this dimension's values in the strata value column; nil for a
    /// column of the file. On the rows of other strata the dimension stands at its total.
    public var stratum: String?
    /// `aliases:` other spellings of a label, each read as the label (`missing: Missing`, `Multi-Race: Multiracial`).
    public var aliases: [String: String] = [:]

    public init(
        column: String, role: DimensionRole, structure: DimensionStructure, location: SourceLocation,
        scoring: DimensionScoringSpec = .none, remainder: String? = nil, stratum: String? = nil
    ) {
        self.column = column
        self.role = role
        self.structure = structure
        self.location = location
        self.scoring = scoring
        self.remainder = remainder
        self.stratum = stratum
    }
}

/// The additive structure of a dimension's values.
public enum DimensionStructure: Sendable, Hashable {
    /// No total: each value is its own slice.
    case none
    /// A flat total: every other value is a child of this label.
    case total(String)
    /// A tree: the root is the grand total, inner nodes are subtotals.
    case hierarchy(Hierarchy)

    /// The label of the whole: a flat total, or a hierarchy's root; nil without a total.
    public var grandTotal: String? {
        switch self {
        case .total(let label): label
        case .hierarchy(let tree): tree.root
        case .none: nil
        }
    }
}

/// `parent: [children]` entries in declaration order. The root is the one parent that is nobody's child.
public struct Hierarchy: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var parent: String
        public var children: [String]
        public var location: SourceLocation

        public init(parent: String, children: [String], location: SourceLocation) {
            self.parent = parent
            self.children = children
            self.location = location
        }
    }

    public var entries: [Entry]
    public init(entries: [Entry]) { self.entries = entries }
}

/// What a dimension describes; the publication score (DDG Step 3) is computed from roles and values.
/// Each role except `other` is one criterion of the DDG Publication Scoring Criteria (ddg-rules §5).
public enum DimensionRole: String, Sendable, Hashable, CaseIterable {
    case residenceGeography = "residence_geography"
    case serviceGeography = "service_geography"
    case time
    case age
    case sex
    case race
    case ethnicity
    case raceEthnicity = "race_ethnicity"
    case language
    /// DDG Ed. 2.0 SOGI criteria (V2-S4.3).
    case sexualOrientation = "sexual_orientation"
    case genderIdentity = "gender_identity"
    case intersex
    case immigrationStatus = "immigration_status"
    /// Health plan / insurance coverage, scored by member count (Ed. 2.0).
    case insurance
    /// Expected payer, public assistance and means-tested programs, scored by enrollment (Ed. 2.0).
    case program
    case other

    /// Geography roles stand for the base population (R4).
    public var isGeography: Bool { self == .residenceGeography || self == .serviceGeography }
}

extension Hierarchy {
    /// The labels root first, each parent before its children, children in declared order: the order deid gives
    /// a hierarchy's labels when it builds the table from records.
    public var preorder: [String] {
        var childrenOf: [String: [String]] = [:]
        var isChild = Set<String>()
        for entry in entries {
            childrenOf[entry.parent, default: []].append(contentsOf: entry.children)
            isChild.formUnion(entry.children)
        }
        var order: [String] = []
        var seen = Set<String>()
        func visit(_ label: String) {
            guard seen.insert(label).inserted else { return }
            order.append(label)
            for child in childrenOf[label] ?? [] { visit(child) }
        }
        for entry in entries where !isChild.contains(entry.parent) { visit(entry.parent) }
        return order
    }

    /// The labels with no children, in pre-order: the values records carry.
    public var leaves: [String] {
        let inner = Set(entries.map(\.parent))
        return preorder.filter { !inner.contains($0) }
    }

    /// Each label's parent; the root has none.
    public var parents: [String: String] {
        var parent: [String: String] = [:]
        for entry in entries {
            for child in entry.children { parent[child] = entry.parent }
        }
        return parent
    }
}
