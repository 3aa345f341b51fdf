import DeidSupport

/// What `deid inventory` looks for in a record-level file (the preset `inventory/safe-harbor.yaml`), plus the
/// user's own decisions for one file (`--rules FILE`). Data, not code: the identifier names, the thresholds and
/// the restricted 3-digit ZIP areas live in the preset.
public struct InventoryRules: Sendable, Hashable {
    /// One Safe Harbor identifier category (45 CFR 164.514(b)(2)(i)(A)–(R)).
    public struct Identifier: Sendable, Hashable {
        /// deid's name for it (`name`, `geography`, `date`, …); content checks refer to these.
        public var kind: String
        /// The rule's own words, e.g. "(F) email addresses".
        public var safeHarbor: String
        /// Column names, as word sequences, that mark a column as this identifier.
        public var names: [ColumnWords]
    }

    public var title: String
    public var file: String
    public var identifiers: [Identifier]
    public var ageNames: [ColumnWords]
    /// Ages above this are identifiers (C), unless grouped as "90 or older".
    public var ageOver: Int
    public var zip3Names: [ColumnWords]
    public var zip3PopulationAbove: Int
    /// 3-digit ZIP areas of at most `zip3PopulationAbove` people: they must become `000`.
    public var restrictedZIP3: Set<String>
    /// A column whose distinct values are at least this share of its non-empty values is a unique code (R).
    public var uniqueShare: Double
    /// ... when it has at least this many non-empty values.
    public var uniqueMinRecords: Int
    public var quasiIdentifierNames: [ColumnWords]
    /// Groups of the quasi-identifiers' combination of 1 to this many records are counted, never listed.
    public var smallGroupMax: Int
    /// The user's decisions for one file (`--rules`), which override what the names and contents suggest.
    public var declared = DeclaredStatuses()

    /// The identifier category of `kind`, if the rules have one.
    public func identifier(_ kind: String) -> Identifier? { identifiers.first { $0.kind == kind } }
}

/// Column statuses a user declares for one file (`deid inventory --rules FILE`).
public struct DeclaredStatuses: Sendable, Hashable {
    public var identifiers: [String] = []
    public var quasiIdentifiers: [String] = []
    public var other: [String] = []
    public var file: String?
    /// Where each declared column is written, for an error about a column the file does not have.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    public var all: [String] { identifiers + quasiIdentifiers + other }
}

/// A column name as lowercase words: letters and digits, everything else a separator ("Race/Ethnicity" →
/// `race ethnicity`), so names match whatever their case and punctuation.
public struct ColumnWords: Sendable, Hashable {
    public var words: [String]

    public init(_ name: String) {
        var words: [String] = [], word = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        self.words = words
    }

    /// Whether `pattern`'s words appear in these, in order and next to each other.
    public func contains(_ pattern: ColumnWords) -> Bool {
        let n = pattern.words.count
        guard n > 0, n <= words.count else { return false }
        return (0...(words.count - n)).contains { Array(words[$0..<($0 + n)]) == pattern.words }
    }

    /// Whether any of `patterns` appears in these words.
    public func matches(any patterns: [ColumnWords]) -> Bool { patterns.contains(where: contains) }
}
