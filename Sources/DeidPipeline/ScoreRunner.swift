import DeidRead
import DeidModel
import DeidAssess
import DeidEmit

/// `deid score`: Read → Model → Assess, printing the publication score and the masking decision.
public enum ScoreRunner {
    /// Unlike `check`, a score that cannot be computed is an error even when the decision would not need it:
    /// the user asked for the score.
    public static func score(_ request: CheckRequest) throws -> ScoreReport {
        let context = try DescriptionContext.load(
            source: request.source, descriptionFile: request.descriptionFile, presetsDirectory: request.presetsDirectory)
        let spool = try InputSpool(request.source, displayName: request.displayName, keepStandardInput: true)
        let loaded = try TableLoader.load(
            spool.source, displayName: request.displayName, description: context.description, policy: context.policy,
            purpose: .check)
        let assessment = try Assessor.assess(
            table: loaded.table, description: context.description, policy: context.policy,
            referenceDirectory: context.referenceDirectory)
        if let failure = assessment.scoreFailure { throw failure }
        return ScoreReport(file: request.displayName, assessment: assessment)
    }
}
