import DeidDescription
import DeidModel

/// How far the audit refines intervals whose LP optimum was fractional (see `DisclosureAudit`).
public enum AuditPrecision: Sendable, Hashable {
    /// Every interval is the exact integer interval. For final audits and reports.
    case exact
    /// Every verdict is the exact verdict, but no integer program is spent on a cell whose verdict is already
    /// certain: it fails its standard even under its LP bounds (which contain the integer interval, and
    /// narrowing never rescues a cell), or integer completions already found span what the standard asks.
    /// Such a cell keeps its LP bounds, rounded inward, and is marked `exact == false`. For the protection
    /// loop, which needs to know which cells fail, not by how much.
    case verdict
}

/// Everything an attacker knows about a released table, in the form the audit needs.
///
/// The attacker knows every published cell, every additive relation of the table (all dimensions, every
/// hierarchy level at once), that counts are integers, that hidden cells are non-zero, and what the labels say.
public struct AuditProblem: Sendable {
    /// Number of cells; indices in `relations`, `hidden` and `labels` are in `0..<cellCount`.
    public var cellCount: Int
    /// Every `total = Σ parts` relation of the table.
    public var relations: Relations
    /// Published values by cell index. Entries of hidden cells are ignored (they may be -1 = unknown), so
    /// `deid check` can audit a released table whose hidden values it never saw.
    public var values: [Int]
    /// Indices of the hidden cells.
    public var hidden: [Int]
    /// The label each hidden cell carries in the release; an absent entry means `.unlabelled`.
    public var labels: [Int: HiddenLabel]
    /// The largest small count: the policy's numerator minimum − 1 (10 under the DDG presets).
    public var smallMax: Int
    /// The width an attacker's interval must reach for a hidden cell that could be small (11 under the presets).
    public var minIntervalWidth: Int
    /// `.exact` (the default) for reports; `.verdict` where only the verdict matters.
    public var precision: AuditPrecision
    /// Moves protection found (`Move`), checked by the audit before use: in a large component, a hidden cell
    /// that verified moves already prove protected needs no linear program; its interval is then reported as
    /// the outer bound the relations give, marked not exact. Empty for `check`, which never sees true values.
    public var hints: [Move] = []
    /// Components with at least this many hidden cells may settle cells by verified hints (tests lower it).
    public var hintsSettleFrom = AuditProblem.defaultHintsSettleFrom
    /// Above the hidden cells of any component of the benchmark tables (a) and (b) and of the random tables, so
    /// their reports keep exact intervals.
    public static let defaultHintsSettleFrom = 2_000

    public init(
        cellCount: Int, relations: Relations, values: [Int], hidden: [Int], labels: [Int: HiddenLabel] = [:],
        smallMax: Int, minIntervalWidth: Int, precision: AuditPrecision = .exact
    ) {
        self.cellCount = cellCount
        self.relations = relations
        self.values = values
        self.hidden = hidden
        self.labels = labels
        self.smallMax = smallMax
        self.minIntervalWidth = minIntervalWidth
        self.precision = precision
    }

    /// Takes `smallMax` and `minIntervalWidth` from a policy, so no threshold is restated in code.
    public init(
        cellCount: Int, relations: Relations, values: [Int], hidden: [Int], labels: [Int: HiddenLabel] = [:],
        policy: Policy, precision: AuditPrecision = .exact
    ) {
        self.init(
            cellCount: cellCount, relations: relations, values: values, hidden: hidden, labels: labels,
            smallMax: policy.numerator.minimum - 1, minIntervalWidth: policy.audit.minIntervalWidth,
            precision: precision)
    }

    func label(of cell: Int) -> HiddenLabel { labels[cell] ?? .unlabelled }

    /// The bounds the attacker knows before using any relation: x ≥ 1 because zeros are never hidden, narrowed
    /// by the label.
    func box(of cell: Int) -> (lower: Int, upper: Int?) {
        switch label(of: cell) {
        case .unlabelled: (1, nil)
        case .unpublished: (0, nil)
        case .smallNumber: (1, smallMax)
        case .complementary: (smallMax + 1, nil)
        case .roundedShare(let lower, let upper): (max(lower, 1), upper)
        }
    }

    /// Rejects problems that would make the audit index out of bounds or GLPK abort. Returns, per cell, its
    /// position in `hidden` or -1, which the audit uses to tell hidden from published cells.
    func validatedHiddenPositions() throws(AuditError) -> [Int32] {
        guard cellCount >= 0, values.count == cellCount else {
            throw .invalidProblem(detail: "values has \(values.count) entries for \(cellCount) cells")
        }
        guard smallMax >= 1, minIntervalWidth >= 0 else {
            throw .invalidProblem(detail: "smallMax must be ≥ 1 and minIntervalWidth ≥ 0")
        }
        guard hidden.count <= Int(Int32.max) else { throw .invalidProblem(detail: "too many hidden cells") }
        var position = [Int32](repeating: -1, count: cellCount)
        for (p, cell) in hidden.enumerated() {
            guard cell >= 0, cell < cellCount else {
                throw .invalidProblem(detail: "hidden cell index \(cell) is outside the table")
            }
            guard position[cell] < 0 else { throw .invalidProblem(detail: "cell \(cell) is listed as hidden twice") }
            position[cell] = Int32(p)
        }
        for cell in labels.keys.sorted() where cell < 0 || cell >= cellCount || position[cell] < 0 {
            throw .invalidProblem(detail: "cell \(cell) has a suppression label but is not hidden")
        }
        for r in relations.indices {
            let relation = relations[r]
            // Iterates the stored indices directly: `cells` would allocate once per relation.
            let outside = relation.total >= cellCount || relation.parts.contains { $0 < 0 || Int($0) >= cellCount }
            guard relation.total >= 0, !outside else {
                throw .invalidProblem(detail: "relation \(r) refers to a cell outside the table")
            }
        }
        return position
    }
}
