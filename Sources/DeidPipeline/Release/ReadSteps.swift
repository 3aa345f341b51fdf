import DeidSupport
import DeidRead
import DeidModel
import DeidRecode
import DeidAssess
import DeidEmit

/// The table's description and policy, found and loaded, and the outputs checked against them.
struct Described {
    let request: ReleaseRequest
    let context: DescriptionContext
    let outputs: OutputPlan
}

/// The table as read.
struct ReadTable {
    let described: Described
    /// The input, in a temporary file if it could be read only once: the release is written by a second pass.
    let spool: InputSpool
    /// The table as protection sees it: for a published table (blank counts), one completion of it.
    let loaded: LoadedTable
    /// A published table to protect again, with its blank counts unknown; nil for unmasked data.
    var republished: Republished? = nil
}

/// The table after the description's `aggregate:` context (DDG Step 4 restructuring).
struct RecodedTable {
    let read: ReadTable
    let recode: RecodeResult
    var table: Table { recode.table }
}

/// DDG Steps 1–3 on the recoded table.
struct AssessedTable {
    let recoded: RecodedTable
    let assessment: Assessment
    /// When recoding changed the table: its score before, or why that could not be computed.
    let scoreBeforeRecoding: ScoreBeforeRecoding?
}

extension ReleaseSteps {
    /// Every output is checked before the input is read: none may replace an input, none another output.
    static func describe(_ request: ReleaseRequest) throws -> Described {
        let context = try DescriptionContext.load(
            source: request.source, descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        let previous = request.previous.map { [PlannedInput(path: $0, role: "the previous release")] } ?? []
        let outputs = try OutputPlan(
            outputs: request.plannedOutputs, inputs: context.inputFiles(table: request.source) + previous)
        return Described(request: request, context: context, outputs: outputs)
    }

    static func read(_ described: Described) throws -> ReadTable {
        let request = described.request
        let spool = try InputSpool(request.source, displayName: request.displayName)
        let context = described.context
        func load(_ purpose: TablePurpose) throws -> LoadedTable {
            try StageTrace.measure("read and model") {
                try TableLoader.load(
                    spool.source, displayName: request.displayName, description: context.description,
                    policy: context.policy, purpose: purpose, digest: true)
            }
        }
        do {
            return ReadTable(described: described, spool: spool, loaded: try load(.release))
        } catch let error as ModelError where error.suggestsAPublishedTable {
            // Blank counts (and the annotation column a release adds): a published table to protect again.
            let loaded = try load(.republish)
            guard let republished = Republished.of(loaded.table) else { throw error }
            try Republished.requireSupported(context.description, descriptionFile: context.descriptionFile)
            let completed = try StageTrace.measure("complete") { try republished.completed(policy: context.policy) }
            return ReadTable(
                described: described, spool: spool,
                loaded: loaded.replacingTable(completed),
                republished: republished)
        }
    }

    /// `aggregate:` context merge values; every later step sees the recoded table.
    static func recode(_ read: ReadTable) throws -> RecodedTable {
        let context = read.described.context
        let recode = try Recoding.apply(
            context.description.masking.aggregate, to: read.loaded.table, description: context.description,
            policy: context.policy)
        return RecodedTable(read: read, recode: recode)
    }

    /// DDG Steps 1–3 on the table that is released decide whether Step 4 masking applies; without it the release
    /// hides no small count.
    static func assess(_ recoded: RecodedTable) throws -> AssessedTable {
        let context = recoded.read.described.context
        var description = context.description
        for record in recoded.recode.recodings {
            description.mergedGroups[record.column, default: [:]][record.group] = record.members
        }
        // A published table is assessed as published, its hidden counts unknown, as `check` assesses it: the
        // completion protection works on must not decide a score.
        let table = recoded.read.republished?.published ?? recoded.table
        let assessment = try StageTrace.measure("assess") {
            try Assessor.assess(
                table: table, description: description, policy: context.policy,
                referenceDirectory: context.referenceDirectory)
        }
        var before: ScoreBeforeRecoding?
        if !recoded.recode.recodings.isEmpty, let after = assessment.score?.total {
            let original = Result { () throws(AssessError) in
                try Assessor.assess(
                    table: recoded.read.loaded.table, description: context.description, policy: context.policy,
                    referenceDirectory: context.referenceDirectory)
            }
            switch original {
            case .success(let original):
                if let score = original.score {
                    before = .score(before: score.total, after: after)
                } else {
                    before = original.scoreFailure.map { .notComputed(reason: $0.message) }
                }
            case .failure(let error): before = .notComputed(reason: error.message)
            }
        }
        return AssessedTable(recoded: recoded, assessment: assessment, scoreBeforeRecoding: before)
    }
}
