import DeidSupport

/// SARIF 2.1.0 for GitHub code scanning: stable rule ids, repository-relative paths, the record and cell in
/// `properties`. The results are encoded one by one as they are written (`JSONArrayStream`).
enum SARIFRenderer {
    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { let tool: Tool; let results: JSONArrayStream<Result> }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name = "deid"
        let semanticVersion = DeidVersion.current
        let informationUri = "https://kb.data.chhs.ca.gov/ddg"
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let shortDescription: Text
        let fullDescription: Text
        /// What `deid explain ID` prints: meaning, DDG source, what to do.
        let help: Text
    }
    struct Text: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Text
        let locations: [Location]
        let properties: [String: String]
    }
    struct Location: Encodable { let physicalLocation: Physical }
    struct Physical: Encodable {
        let artifactLocation: Artifact
        let region: Region?
    }
    struct Artifact: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int }

    /// One rule per finding code, with `deid explain`'s text as its help.
    static var rules: [Rule] {
        FindingExplanation.all.map {
            Rule(
                id: $0.code.rawValue, shortDescription: Text(text: $0.summary), fullDescription: Text(text: $0.meaning),
                help: Text(text: $0.helpText))
        }
    }

    static func write(_ reports: [CheckReport], to output: (String) -> Void) {
        // (report, finding) index pairs: each result is made only when it is written.
        let places = reports.indices.flatMap { r in reports[r].findings.indices.map { (r, $0) } }
        let results = JSONArrayStream(count: places.count) { index in
            let (r, f) = places[index]
            return result(reports[r].findings[f], in: reports[r])
        }
        JSONStream.write(Log(runs: [Run(tool: Tool(driver: Driver(rules: Self.rules)), results: results)]), to: output)
    }

    static func result(_ finding: Finding, in report: CheckReport) -> Result {
        var properties = report.properties(of: finding)
        if !finding.cell.isEmpty { properties["cell"] = finding.cell.label }
        return Result(
            ruleId: finding.code.rawValue,
            level: finding.severity.rawValue,
            message: Text(text: report.message(of: finding)),
            locations: [
                Location(
                    physicalLocation: Physical(
                        artifactLocation: Artifact(uri: finding.location.file),
                        region: finding.location.line.map { Region(startLine: $0) }))
            ],
            properties: properties)
    }
}
