import DeidSupport
import DeidDescription

/// `deid release`, step by step as the data flows: describe (the table description, the policy and every output
/// checked before anything is read) → read → recode → assess → protect ⇄ audit → label → verify → emit. Each step
/// is a function from the previous step's result to the next; nothing is written unless every step succeeds and
/// the audit passes, and any doubt is an error (exit 2). The outputs are written to temporary files and renamed
/// into place only once all of them are complete.
public enum Releaser {
    public static func release(_ request: ReleaseRequest) throws -> ReleaseOutcome {
        let described = try ReleaseSteps.describe(request)
        let together = described.context.description.releasedTogether
        guard together.isEmpty else {
            throw DescriptionError.invalidTable(
                SourceLocation(file: described.context.descriptionFile),
                problem: "\(request.displayName) is published together with \(together.joined(separator: ", ")) "
                    + "(`released_together:`); release them as one with `deid release --linked`")
        }
        let read = try ReleaseSteps.read(described)
        let recoded = try ReleaseSteps.recode(read)
        let assessed = try ReleaseSteps.assess(recoded)
        let previous = try request.previous.map { try PreviousRelease.load($0, for: assessed.recoded.table, request: request) }
        let protected = try ReleaseSteps.protect(assessed, limits: request.limits, previous: previous)
        let labelled = try ReleaseSteps.label(protected)
        let verified = try StageTrace.measure("verify") { try ReleaseSteps.verify(labelled) }
        return try StageTrace.measure("emit") { try ReleaseSteps.emit(verified) }
    }
}

/// The steps of `Releaser.release`, in order.
enum ReleaseSteps {}
