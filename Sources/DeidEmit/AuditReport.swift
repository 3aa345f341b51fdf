import DeidSupport
import DeidModel
import DeidRecode
import DeidAssess
import DeidProtect
import DeidDescription
import DeidVerify

/// The JSON audit written beside every release: provenance, every hidden cell with its reason and audited
/// interval (never its value), and a summary a reviewer can read. Keys are stable; `schema_version` changes
/// when they do.
public struct AuditReport: Sendable, Encodable {
    public struct FileInfo: Sendable, Encodable {
        public var file: String
        public var sha256: String

        public init(file: String, sha256: String) {
            self.file = file
            self.sha256 = sha256
        }
    }

    public struct PolicyInfo: Sendable, Encodable {
        public var name: String
        public var title: String
        public var edition: String
        public var file: String
        public var sha256: String
    }

    public struct InputInfo: Sendable, Encodable {
        public var file: String
        public var sha256: String
        public var kind: String
        public var cells: Int
    }

    public struct Interval: Sendable, Encodable {
        public var lower: Int
        public var upper: Int?
        public var width: Int?
        /// Present, and false, only when the bounds are outer bounds: an integer program ran out of its budget
        /// on a cell whose verdict integer completions had already settled. Absent means exact.
        public var exact: Bool?
    }

    public struct HiddenCell: Sendable, Encodable {
        public var cell: [Coordinate]
        public var line: Int?
        public var reason: HiddenReason
        public var annotation: String?
        /// nil for a cell the count audit treats as published (`survey.protect_unreliable: false`).
        public var interval: Interval?
    }

    public struct UpdateInfo: Sendable, Encodable {
        public var previous: String
        public var kept: Int
        public var newlyHidden: [[Coordinate]]
        public var newlyShown: [[Coordinate]]

        enum CodingKeys: String, CodingKey {
            case previous, kept, newlyHidden = "newly_hidden", newlyShown = "newly_shown"
        }
    }

    public struct LabelInfo: Sendable, Encodable {
        public var mode: LabelDecision.Mode
        public var reason: String
    }

    public struct Summary: Sendable, Encodable {
        public var cells: Int
        public var hiddenCells: Int
        public var hiddenByReason: [HiddenReason: Int]
        /// Share of the table's total count that is hidden; nil where it could reveal a hidden value.
        public var hiddenShareOfTotalCount: Double?
        public var hiddenShareNote: String?
        public var audit: AuditSummary
        public var labels: LabelInfo
        public var notes: [String]

        enum CodingKeys: String, CodingKey {
            case cells, audit, labels, notes
            case hiddenCells = "hidden_cells", hiddenByReason = "hidden_by_reason"
            case hiddenShareOfTotalCount = "hidden_share_of_total_count", hiddenShareNote = "hidden_share_note"
        }
    }

    public let schemaVersion = 1
    public let tool = ToolInfo()
    public var policy: PolicyInfo
    /// The table description file (`rules` in the JSON, its name before `--description`).
    public var descriptionFile: FileInfo
    public var input: InputInfo
    public var output: FileInfo
    public var hiddenCells: [HiddenCell]
    public var summary: Summary
    /// Whether Step 4 masking applied and why, in one sentence (the report's headline).
    public var release: ReleaseDecisionInfo
    /// The footnotes to publish with the release: one per annotation code it uses.
    public var footnotes: [FootnoteInfo]
    /// Why the table is not a HIPAA Safe Harbor release, as far as its dimensions show (Expert Determination
    /// template, ddg-rules §8); empty when nothing was detected, and the reviewer completes it.
    public var safeHarbor: [String]
    /// DDG Steps 1–3: the declarations (personal characteristics, high-risk population), the Step 2 screen,
    /// the publication score and the masking decision, with the reference files used and their hashes.
    public var assessment: Assessment?
    /// Values merged by the description's `aggregate:` rules (absent when none was).
    public var recodings: [RecodingRecord]?
    /// The rounded-percentages (three-category) method, when a dimension uses it.
    public var percentagesOnly: PercentagesInfo?
    /// Survey reliability suppression, for `data: survey`.
    public var survey: SurveyInfo?
    /// What changed since the table's previous release (`release --previous`): cells hidden for the first time
    /// and cells hidden then and shown now, by their labels.
    public var update: UpdateInfo?
    /// Whether the release tells small and complementary cells apart (distinct codes in an annotation column).
    /// Not encoded: it decides what the terminal line may say.
    public var labelsPublished: Bool

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", tool, policy, descriptionFile = "rules", input, output, summary
        case assessment, recodings
        case survey, hiddenCells = "hidden_cells", percentagesOnly = "percentages_only"
        case release, footnotes, safeHarbor = "safe_harbor", update
    }

    /// The description and policy a release was made under, with the digests of their files (read by the
    /// caller: a report does no file I/O of its own).
    public struct MadeUnder: Sendable {
        public var description: TableDescription
        public var descriptionFile: FileInfo
        public var policy: Policy
        public var policySHA256: String

        public init(description: TableDescription, descriptionFile: FileInfo, policy: Policy, policySHA256: String) {
            self.description = description
            self.descriptionFile = descriptionFile
            self.policy = policy
            self.policySHA256 = policySHA256
        }
    }

    public init(
        table: Table, pattern: Pattern, madeUnder: MadeUnder, inputName: String, inputDigest: String,
        output: String, outputDigest: String, protection: ProtectionResult, labelling: LabelOutcome,
        assessment: Assessment? = nil, masking: MaskingReport = MaskingReport()
    ) {
        self.assessment = assessment
        policy = PolicyInfo(
            name: madeUnder.policy.name, title: madeUnder.policy.title, edition: madeUnder.policy.edition,
            file: PresetLocator.displayName(of: madeUnder.policy.file), sha256: madeUnder.policySHA256)
        self.descriptionFile = madeUnder.descriptionFile
        input = InputInfo(file: inputName, sha256: inputDigest, kind: table.kind.rawValue, cells: table.cellCount)
        self.output = FileInfo(file: output, sha256: outputDigest)
        // With distinct codes published, an attacker also knows which cells are small: the label-aware audit's
        // intervals are the ones he can prove, and never wider than the label-blind ones. Without an annotation
        // column no code is published, whatever the mode.
        labelsPublished = labelling.mode == .distinct && madeUnder.description.annotation != nil
        for case .previousRelease(let file, let kept, let newlyHidden, let newlyShown) in protection.notes {
            update = UpdateInfo(previous: file, kept: kept, newlyHidden: newlyHidden, newlyShown: newlyShown)
        }
        let audit = labelsPublished ? labelling.audit ?? protection.audit : protection.audit
        let intervals = Dictionary(audit.intervals.map { ($0.cell, $0) }, uniquingKeysWith: { a, _ in a })
        // Counts withheld for rounded percentages are every cell of the table; `percentages_only` describes them.
        hiddenCells = pattern.hiddenCells.filter { pattern.reasons[$0] != .percentagesOnly }.map { cell in
            HiddenCell(
                cell: table.coordinates(of: cell), line: table.location(of: cell).line,
                reason: pattern.reasons[cell] ?? .primary, annotation: labelling.annotations[cell],
                interval: intervals[cell].map {
                    Interval(lower: $0.lower, upper: $0.upper, width: $0.width, exact: $0.exact ? nil : false)
                })
        }
        var byReason: [HiddenReason: Int] = [:]
        for reason in pattern.reasons.compactMap({ $0 }) { byReason[reason, default: 0] += 1 }
        let share = HiddenShare.compute(
            table: table, pattern: pattern, stacked: madeUnder.description.strata != nil)
        summary = Summary(
            cells: table.cellCount, hiddenCells: pattern.hiddenCount, hiddenByReason: byReason,
            hiddenShareOfTotalCount: share.value, hiddenShareNote: share.note,
            audit: AuditSummary(
                released: audit, method: ProtectionText.method(protection.method), rounds: protection.rounds,
                policy: madeUnder.policy),
            labels: LabelInfo(
                mode: labelling.mode, reason: ProtectionText.labelReason(labelling.decision.reason, policy: madeUnder.policy)),
            notes: (assessment.map { [$0.decisionSummary] } ?? []) + ProtectionText.notes(protection.notes)
                + masking.notes)
        recodings = masking.recodings.isEmpty ? nil : masking.recodings
        percentagesOnly = masking.percentages
        survey = masking.survey
        release = ReleaseDecisionInfo(assessment)
        footnotes = FootnoteInfo.forRelease(
            codes: Set(labelling.annotations.values), masked: release.masked, percentages: masking.percentages != nil,
            policy: madeUnder.policy)
        safeHarbor = SafeHarborScreen.reasons(table: table, description: madeUnder.description)
    }

    /// One line for the terminal, after a prominent first line when the table is released without masking.
    public var summaryLine: String {
        let unmasked = assessment.flatMap { $0.requiresMasking ? nil : "deid: \($0.decisionSummary.uppercasedFirst)\n" } ?? ""
        return unmasked + releaseLine
    }

    private var releaseLine: String {
        // Terminal output ends up in shared CI logs. Unless the release's codes say which hidden cells are small,
        // neither does this line (the reports for the reviewer do).
        let reasons = !labelsPublished
            ? [] : summary.hiddenByReason.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }
        let hidden =
            summary.hiddenCells == 0
            ? "no cell hidden"
            : "\(summary.hiddenCells) cells hidden" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
        let narrowest = summary.audit.narrowestWidth.map { ", narrowest interval width \($0)" } ?? ""
        let groups = Set((recodings ?? []).map { "\($0.column)=\($0.group)" }).count
        let recoded =
            groups == 0
            ? "" : "; recoded \((recodings ?? []).reduce(0) { $0 + $1.members.count }) values into \(groups) group\(groups == 1 ? "" : "s")"
        let percentages = percentagesOnly.map { "; '\($0.dimension)' published as rounded percentages only" } ?? ""
        return "deid: released \(input.file) (\(summary.cells) cells) to \(output.file)\(recoded)\(percentages): \(hidden); "
            + "audit \(summary.audit.verdict.rawValue)\(narrowest); labels \(summary.labels.mode.rawValue)"
    }
}
