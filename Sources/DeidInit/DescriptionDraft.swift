import DeidDescription

/// A table description drafted by `deid init`: every declaration with the evidence for it, and the questions it
/// could not answer. `yaml` writes it; nothing here loosens protection (no `high_risk: none`, no
/// `personal_characteristics: false`).
public struct DescriptionDraft: Sendable {
    struct Dimension: Sendable {
        var column: String
        var role: DimensionRole?
        var roleEvidence: String
        var structure: DraftStructure
    }

    struct Column: Sendable {
        var name: String
        var evidence: String
    }

    var table: String
    var rows: Int
    var input: InputKind
    var dimensions: [Dimension] = []
    var counts: [Column] = []
    var denominator: Column?
    var derived: [Column] = []
    var annotation: Column?
    var identifiers: [Column] = []
    /// Label columns that only describe another column's labels (a parent column).
    var descriptive: [Column] = []
    var thousandsSeparator = false
    /// Questions about columns that are not dimensions.
    var questions: [String] = []

    /// How many decisions were left to the user.
    public var openDecisions: Int {
        questions.count + dimensions.filter { dimension in
            if case .undecided = dimension.structure { return true }
            return dimension.role == nil
        }.count
    }

    public var dimensionCount: Int { dimensions.count }
    public var countColumns: [String] { counts.map(\.name) }
}

