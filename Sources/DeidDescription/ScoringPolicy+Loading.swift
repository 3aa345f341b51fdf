import Yams
import DeidSupport

/// Reads a policy's `scoring:` section. Every key is required (criteria an edition lacks are written `null`),
/// and band lists are checked for gaps so no value can fall between two bands.
struct ScoringReader {
    let yaml: StrictYAML

    static let keys = [
        "threshold", "mask_at_any_score", "no_risk_labels", "events", "population_scale", "age", "time",
        "residence_geography", "service_geography", "insurance", "program", "interactions",
    ] + ScoringPolicy.categoryRoles.map(\.rawValue) + ["other"]

    func scoring(_ node: Node, keyLocation: SourceLocation?) throws(DescriptionError) -> ScoringPolicy {
        let map = try section(node, "scoring", Self.keys, at: keyLocation)
        let scale = try nullable(map, "population_scale") { node throws(DescriptionError) in
            try bands(node, key: "population_scale", coveringFrom: 0)
        }
        var categories: [DimensionRole: CategoryCriterion?] = [:]
        for role in ScoringPolicy.categoryRoles {
            // updateValue keeps a nil criterion as a present key: "no criterion in this edition".
            categories.updateValue(
                try nullable(map, role.rawValue) { node throws(DescriptionError) in
                    try category(node, key: role.rawValue, at: map.keyLocation(role.rawValue), scale: scale)
                }, forKey: role)
        }
        let other = try other(map, scale: scale)
        return ScoringPolicy(
            threshold: try int(map, "threshold", atLeast: 0),
            maskAtAnyScore: try yaml.bool(map.required("mask_at_any_score"), key: "mask_at_any_score"),
            noRiskLabels: try texts(map.required("no_risk_labels"), key: "no_risk_labels"),
            events: try events(map), populationScale: scale, age: try age(map), time: try time(map),
            residenceGeography: try residence(map), serviceGeography: try service(map),
            insurance: try nullable(map, "insurance") { node throws(DescriptionError) in try insurance(node, map) },
            program: try nullable(map, "program") { node throws(DescriptionError) in try program(node, map) },
            interactions: try interactions(map), categories: categories, other: other)
    }

    // MARK: Criteria

    private func events(_ parent: StrictMapping) throws(DescriptionError) -> EventsCriterion {
        let map = try section(try parent.required("events"), "events", ["exclude_zero", "bands"], at: parent.keyLocation("events"))
        return EventsCriterion(
            excludeZero: try yaml.bool(map.required("exclude_zero"), key: "exclude_zero"),
            bands: try bands(map.required("bands"), key: "events.bands", coveringFrom: 0))
    }

    private func age(_ parent: StrictMapping) throws(DescriptionError) -> AgeCriterion {
        let map = try section(try parent.required("age"), "age", ["open_ended_max_age", "bands"], at: parent.keyLocation("age"))
        return AgeCriterion(
            openEndedMaxAge: try int(map, "open_ended_max_age", atLeast: 1),
            bands: try bands(map.required("bands"), key: "age.bands", coveringFrom: 1))
    }

    private func time(_ parent: StrictMapping) throws(DescriptionError) -> TimeCriterion {
        let map = try section(try parent.required("time"), "time", ["periods", "pooled"], at: parent.keyLocation("time"))
        let periodNodes = try yaml.list(map.required("periods"), key: "periods", meaning: "periods")
        var periods: [TimeCriterion.PeriodBand] = []
        let names = ["day", "week", "month", "quarter", "half_year", "year"]
        for node in periodNodes {
            let item = try section(node, "periods", ["period", "points", "category"])
            let name = try yaml.text(item.required("period"), key: "period", meaning: "a period")
            guard names.contains(name), !periods.contains(where: { $0.period == name }) else {
                throw .invalidValue(
                    yaml.location(node), key: "period",
                    reason: "'\(name)' is not one of \(names.joined(separator: ", ")) or is listed twice")
            }
            periods.append(.init(period: name, points: try points(item), category: try category(item)))
        }
        for name in names where !periods.contains(where: { $0.period == name }) {
            throw .missingKey(map.location, key: name, context: "'time.periods'", example: "- {period: \(name), points: …, category: …}")
        }
        return TimeCriterion(periods: periods, pooled: try bands(map.required("pooled"), key: "time.pooled", coveringFrom: 2))
    }

    private func residence(_ parent: StrictMapping) throws(DescriptionError) -> PopulationCriterion {
        let key = "residence_geography"
        let map = try section(try parent.required(key), key, ["reference", "bands"], at: parent.keyLocation(key))
        return PopulationCriterion(reference: try reference(map), bands: try bands(map.required("bands"), key: key, coveringFrom: 0))
    }

    private func service(_ parent: StrictMapping) throws(DescriptionError) -> ServiceGeographyCriterion {
        let key = "service_geography"
        let map = try section(try parent.required(key), key, ["reference", "bands", "addresses"], at: parent.keyLocation(key))
        var addresses: [ServiceGeographyCriterion.AddressBand] = []
        for node in try yaml.list(map.required("addresses"), key: "addresses", meaning: "address bands") {
            let item = try section(node, "addresses", ["address", "points", "category"])
            let kind = try yaml.choice(item.required("address"), key: "address", noun: "address kind", of: AddressKind.self)
            addresses.append(.init(address: kind, points: try points(item), category: try category(item)))
        }
        guard addresses.contains(where: { $0.address == .street }) else {
            throw .missingKey(map.location, key: "street", context: "'service_geography.addresses'", example: "- {address: street, points: 3, category: …}")
        }
        return ServiceGeographyCriterion(
            reference: try reference(map), bands: try bands(map.required("bands"), key: key, coveringFrom: 0),
            addresses: addresses)
    }

    private func insurance(_ node: Node, _ parent: StrictMapping) throws(DescriptionError) -> InsuranceCriterion {
        let map = try section(node, "insurance", ["reference", "bands", "versus_geography"], at: parent.keyLocation("insurance"))
        return InsuranceCriterion(
            reference: try reference(map), bands: try bands(map.required("bands"), key: "insurance", coveringFrom: 0),
            versusGeography: try yaml.choice(
                map.required("versus_geography"), key: "versus_geography", noun: "rule",
                of: InsuranceCriterion.VersusGeography.self))
    }

    private func program(_ node: Node, _ parent: StrictMapping) throws(DescriptionError) -> ProgramCriterion {
        let map = try section(
            node, "program", ["reference", "bands", "interaction_max_enrollment"], at: parent.keyLocation("program"))
        return ProgramCriterion(
            reference: try reference(map), bands: try bands(map.required("bands"), key: "program", coveringFrom: 0),
            interactionMaxEnrollment: try int(map, "interaction_max_enrollment", atLeast: 0))
    }

    private func interactions(_ parent: StrictMapping) throws(DescriptionError) -> InteractionCriterion {
        let map = try section(
            try parent.required("interactions"), "interactions",
            ["without_variables", "with_variables", "credit_below_numerator_minimum"],
            at: parent.keyLocation("interactions"))
        var without: [InteractionCriterion.EventsMinimumBand] = []
        for node in try yaml.list(map.required("without_variables"), key: "without_variables", meaning: "bands") {
            let item = try section(node, "without_variables", ["min_events", "points", "category"])
            without.append(.init(minEvents: try int(item, "min_events", atLeast: 0), points: try points(item), category: try category(item)))
        }
        guard without.contains(where: { $0.minEvents == 0 }) else {
            throw .missingKey(
                map.location, key: "min_events: 0", context: "'interactions.without_variables'",
                example: "- {min_events: 0, points: 0, category: \"Only Events (no minimum), Time, Geography\"}")
        }
        var with: [InteractionCriterion.VariableBand] = []
        for node in try yaml.list(map.required("with_variables"), key: "with_variables", meaning: "bands") {
            let item = try section(node, "with_variables", ["variables", "points", "category"])
            let n = try int(item, "variables", atLeast: 1)
            guard n == with.count + 1 else {
                throw .invalidValue(
                    yaml.location(node), key: "variables", reason: "list the bands for 1, 2, 3, … variables in order, without gaps")
            }
            with.append(.init(variables: n, points: try points(item), category: try category(item)))
        }
        guard !with.isEmpty else {
            throw .invalidValue(map.location, key: "with_variables", reason: "list at least the band for 1 variable")
        }
        return InteractionCriterion(
            withoutVariables: without.sorted { $0.minEvents > $1.minEvents }, withVariables: with,
            creditBelowNumeratorMinimum: try yaml.bool(
                map.required("credit_below_numerator_minimum"), key: "credit_below_numerator_minimum"))
    }

    private func category(_ node: Node, key: String, at: SourceLocation?, scale: [ScoreBand]?) throws(DescriptionError) -> CategoryCriterion {
        let map = try section(node, key, ["reference", "sets", "detailed"], at: at)
        var sets: [CategoryCriterion.CategorySet] = []
        for setNode in try yaml.list(map.required("sets"), key: "sets", meaning: "category sets") {
            let item = try section(setNode, "sets", ["points", "category", "labels"])
            sets.append(.init(points: try points(item), category: try category(item), labels: try texts(item.required("labels"), key: "labels")))
        }
        var detailed: DetailedRule?
        if let node = map["detailed"], node.tagName != .null {
            let item = try section(node, "detailed", ["method", "points", "category", "review", "unknown_labels"], optional: ["points"])
            let methodNode = try item.required("method")
            let method: DetailedRule.Method
            switch try yaml.text(methodNode, key: "method", meaning: "a method") {
            case "population_scale":
                guard scale != nil else {
                    throw .invalidValue(yaml.location(methodNode), key: "method", reason: "population_scale needs the `population_scale:` bands, which are null")
                }
                method = .populationScale
            case "fixed":
                guard item["points"] != nil else {
                    throw .missingKey(item.location, key: "points", context: "'detailed' (method fixed)", example: "points: 4")
                }
                method = .fixed(try points(item))
            case "high_risk": method = .highRisk
            case let other:
                throw .unknownValue(
                    yaml.location(methodNode), key: "method", value: other, allowed: ["population_scale", "fixed", "high_risk"],
                    suggestion: Suggestion.nearest(to: other, in: ["population_scale", "fixed", "high_risk"]))
            }
            if case .fixed = method {
            } else if let extra = item["points"] {
                throw .invalidValue(yaml.location(extra), key: "points", reason: "only the fixed method takes points")
            }
            let unknown = try yaml.text(item.required("unknown_labels"), key: "unknown_labels", meaning: "error or accept")
            guard unknown == "error" || unknown == "accept" else {
                throw .unknownValue(
                    yaml.location(try item.required("unknown_labels")), key: "unknown_labels", value: unknown,
                    allowed: ["error", "accept"], suggestion: nil)
            }
            detailed = DetailedRule(
                method: method, category: try category(item),
                review: try yaml.bool(item.required("review"), key: "review"), acceptUnknownLabels: unknown == "accept")
        }
        return CategoryCriterion(reference: try reference(map), sets: sets.sorted { $0.points < $1.points }, detailed: detailed)
    }

    private func other(_ parent: StrictMapping, scale: [ScoreBand]?) throws(DescriptionError) -> OtherCriterion {
        let map = try section(try parent.required("other"), "other", ["population_scale", "groups"], at: parent.keyLocation("other"))
        let node = try map.required("population_scale")
        let use = try yaml.bool(node, key: "population_scale")
        if use && scale == nil {
            throw .invalidValue(yaml.location(node), key: "population_scale", reason: "true needs the `population_scale:` bands, which are null")
        }
        return OtherCriterion(usePopulationScale: use, groups: try bands(map.required("groups"), key: "other.groups", coveringFrom: 1))
    }

    // MARK: Building blocks

    /// A mapping whose keys are all required, except those in `optional`.
    private func section(
        _ node: Node, _ key: String, _ keys: [String], at: SourceLocation? = nil, optional: [String] = []
    ) throws(DescriptionError) -> StrictMapping {
        try yaml.mapping(
            node, key: key, context: "'\(key)'", allowed: keys,
            required: Dictionary(uniqueKeysWithValues: keys.filter { !optional.contains($0) }.map { ($0, "\($0): …") }),
            keyLocation: at)
    }

    private func nullable<T>(_ map: StrictMapping, _ key: String, _ read: (Node) throws(DescriptionError) -> T) throws(DescriptionError) -> T? {
        let node = try map.required(key)
        return node.tagName == .null ? nil : try read(node)
    }

    private func int(_ map: StrictMapping, _ key: String, atLeast minimum: Int) throws(DescriptionError) -> Int {
        let node = try map.required(key)
        let value = try yaml.int(node, key: key)
        guard value >= minimum else { throw .invalidValue(yaml.location(node), key: key, reason: "must be at least \(minimum)") }
        return value
    }

    private func points(_ map: StrictMapping) throws(DescriptionError) -> Int { try yaml.int(map.required("points"), key: "points") }
    private func category(_ map: StrictMapping) throws(DescriptionError) -> String {
        try yaml.name(map.required("category"), key: "category", meaning: "the DDG's wording of the category")
    }

    private func reference(_ map: StrictMapping) throws(DescriptionError) -> String? {
        try nullable(map, "reference") { node throws(DescriptionError) in try yaml.name(node, key: "reference", meaning: "a reference file name") }
    }

    private func texts(_ node: Node, key: String) throws(DescriptionError) -> [String] {
        var values: [String] = []
        for item in try yaml.list(node, key: key, meaning: "labels") { values.append(try yaml.name(item, key: key, meaning: "a label")) }
        return values
    }

    /// Bands `{min, max, points, category}` that together cover every whole number from `start` up.
    private func bands(_ node: Node, key: String, coveringFrom start: Int) throws(DescriptionError) -> [ScoreBand] {
        var bands: [ScoreBand] = []
        for item in try yaml.list(node, key: key, meaning: "bands") {
            let map = try section(item, key, ["min", "max", "points", "category"], optional: ["min", "max"])
            let band = ScoreBand(
                min: try map["min"].map { n throws(DescriptionError) in try yaml.int(n, key: "min") },
                max: try map["max"].map { n throws(DescriptionError) in try yaml.int(n, key: "max") },
                points: try points(map), category: try category(map))
            if let lo = band.min, let hi = band.max, lo > hi {
                throw .invalidValue(yaml.location(item), key: key, reason: "min \(lo) is above max \(hi)")
            }
            bands.append(band)
        }
        // Walk up from `start`: each step must land in some band, and some band must be open-ended.
        var next = start
        while true {
            let covering = bands.filter { $0.contains(next) }
            guard !covering.isEmpty else {
                throw .invalidValue(yaml.location(node), key: key, reason: "no band covers \(next); bands must leave no gap from \(start) up")
            }
            let reach = covering.compactMap(\.max).max() ?? next
            if covering.contains(where: { $0.max == nil }) || reach == Int.max { break }
            next = reach + 1
        }
        return bands
    }
}
