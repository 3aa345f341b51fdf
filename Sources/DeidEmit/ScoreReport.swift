import DeidAssess

/// What `deid score` found for one table: its assessment (DDG Steps 1–3).
public struct ScoreReport: Sendable, Encodable {
    public var file: String
    public var assessment: Assessment

    package init(file: String, assessment: Assessment) {
        self.file = file
        self.assessment = assessment
    }
}
