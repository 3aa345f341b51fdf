import DeidSupport

extension Finding {
    /// The finding as its Codable conformance encodes it (keys and optional fields alike), for `PrettyJSON`.
    var prettyJSON: PrettyJSON.Value {
        var location: [(key: String, value: PrettyJSON.Value)] = [("file", .string(self.location.file))]
        if let line = self.location.line { location.append(("line", .int(line))) }
        if let column = self.location.column { location.append(("column", .int(column))) }
        if let record = self.location.record { location.append(("record", .int(record))) }
        return .object([
            ("rule", .string(rule.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("location", .object(location)),
            ("message", .string(message)),
            ("cell", .array(cell.map { .object([("dimension", .string($0.dimension)), ("value", .string($0.value))]) })),
            ("properties", .object(properties.map { (key: $0.key, value: .string($0.value)) })),
        ])
    }
}
