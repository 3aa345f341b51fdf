import DeidSupport

/// SARIF 2.1.0 for GitHub code scanning: stable rule ids, repository-relative paths, the record and cell in
/// `properties`. The results are streamed in one by one (`JSONSplice`); the structs below define their layout,
/// which `Result.prettyJSON` follows and the tests hold it to.
enum SARIFRenderer {
    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    /// `results` is the marker `JSONSplice` replaces.
    struct Run: Encodable { let tool: Tool; let results: String }
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

    static func write(_ reports: [CheckReport], to output: (String) -> Void) {
        let rules = RuleID.summaries.keys.sorted { $0.rawValue < $1.rawValue }.map {
            Rule(id: $0.rawValue, shortDescription: Text(text: RuleID.summaries[$0] ?? ""))
        }
        let findings = reports.flatMap(\.findings)
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: JSONSplice.marker(0))])
        let results = JSONSplice.Array(key: "results", marker: JSONSplice.marker(0), count: findings.count) {
            result(findings[$0]).prettyJSON
        }
        JSONSplice.write(JSONOutput.encode(log), splicing: [results], to: output)
    }

    static func result(_ finding: Finding) -> Result {
        var properties = finding.properties
        if !finding.cell.isEmpty { properties["cell"] = finding.cell.label }
        return Result(
            ruleId: finding.rule.rawValue,
            level: finding.severity.rawValue,
            message: Text(text: finding.message),
            locations: [
                Location(
                    physicalLocation: Physical(
                        artifactLocation: Artifact(uri: finding.location.file),
                        region: finding.location.line.map { Region(startLine: $0) }))
            ],
            properties: properties)
    }
}

extension SARIFRenderer.Result {
    var prettyJSON: PrettyJSON.Value {
        .object([
            ("ruleId", .string(ruleId)),
            ("level", .string(level)),
            ("message", .object([("text", .string(message.text))])),
            ("locations", .array(locations.map(\.prettyJSON))),
            ("properties", .object(properties.map { (key: $0.key, value: .string($0.value)) })),
        ])
    }
}

extension SARIFRenderer.Location {
    var prettyJSON: PrettyJSON.Value {
        var physical: [(key: String, value: PrettyJSON.Value)] = [
            ("artifactLocation", .object([("uri", .string(physicalLocation.artifactLocation.uri))]))
        ]
        if let region = physicalLocation.region { physical.append(("region", .object([("startLine", .int(region.startLine))]))) }
        return .object([("physicalLocation", .object(physical))])
    }
}
