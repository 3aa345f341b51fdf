import Yams

/// Reads one `aggregate:` declaration and checks it against the declared dimensions.
struct AggregateDeclarationReader {
    let yaml: StrictYAML
    let description: TableDescription
    let percentages: PercentagesDeclaration?

    enum Into: String, CaseIterable { case parent }

    func declaration(_ node: Node) throws(DescriptionError) -> AggregateDeclaration {
        let map = try yaml.mapping(
            node, key: "aggregate", context: "an aggregate rule",
            allowed: ["column", "when", "into", "label", "groups", "populations"],
            required: ["column": "- column: County"])
        let column = try yaml.name(map.required("column"), key: "column", meaning: "a dimension column")
        guard let spec = description.dimensions.first(where: { $0.column == column }) else {
            let names = description.dimensions.map(\.column)
            throw .unknownValue(
                yaml.location(try map.required("column")), key: "aggregate column", value: column, allowed: names,
                suggestion: Suggestion.nearest(to: column, in: names))
        }
        if percentages?.dimension == column {
            throw .invalidTable(
                map.location,
                problem: "dimension '\(column)' is published as rounded percentages of exactly three categories; "
                    + "it cannot also be recoded")
        }
        let condition = try map["when"].map { node throws(DescriptionError) in try self.condition(node) }
        let populations = try map["populations"].map { node throws(DescriptionError) in try self.populations(node) } ?? [:]
        let target: AggregateDeclaration.Target
        switch (map["into"], map["groups"]) {
        case (.some, .some), (nil, nil):
            throw .invalidTable(
                map.location,
                problem: "an aggregate rule has exactly one of 'into: parent' (merge failing values under their "
                    + "parent) and 'groups:' (declared groups)")
        case (.some(let into), nil):
            _ = try yaml.choice(into, key: "into", noun: "aggregate target", of: Into.self)
            guard condition != nil else {
                throw .missingKey(
                    map.location, key: "when", context: "an aggregate rule with 'into: parent'",
                    example: "when: {population_below: 20000}")
            }
            if case .none = spec.structure {
                throw .invalidTable(
                    map.keyLocation("into") ?? map.location,
                    problem: "'into: parent' needs a parent, but dimension '\(column)' has no total or hierarchy; "
                        + "declare `groups:` instead")
            }
            let template =
                try map["label"].map { node throws(DescriptionError) in
                    try yaml.name(node, key: "label", meaning: "a label template such as \"Other {parent}\"")
                } ?? AggregateDeclaration.defaultLabelTemplate
            target = .parent(labelTemplate: template)
        case (nil, .some(let groups)):
            if map["label"] != nil {
                throw .invalidTable(
                    map.keyLocation("label") ?? map.location,
                    problem: "'label' is the template for 'into: parent'; with 'groups:' each group's key is its label")
            }
            target = .groups(try self.groups(groups, spec: spec))
        }
        if case .populationBelow = condition {
            if description.denominator == nil && populations.isEmpty {
                throw .invalidTable(
                    map.keyLocation("when") ?? map.location,
                    problem: "'population_below' needs each value's population: add `populations:` to the rule "
                        + "(public figures by label) or a `denominator:` column to the table")
            }
        } else if map["populations"] != nil {
            throw .invalidTable(
                map.keyLocation("populations") ?? map.location,
                problem: "'populations' is used only with `when: {population_below: …}`")
        }
        return AggregateDeclaration(
            column: column, condition: condition, target: target, populations: populations, location: map.location)
    }

    private func condition(_ node: Node) throws(DescriptionError) -> AggregateDeclaration.Condition {
        let map = try yaml.mapping(
            node, key: "when", context: "'when'", allowed: ["population_below", "hidden_share_above"])
        switch (map["population_below"], map["hidden_share_above"]) {
        case (.some(let node), nil):
            let value = try yaml.int(node, key: "population_below")
            guard value >= 1 else {
                throw .invalidValue(yaml.location(node), key: "population_below", reason: "must be at least 1")
            }
            return .populationBelow(value)
        case (nil, .some(let node)):
            let value = try yaml.number(node, key: "hidden_share_above")
            guard value >= 0, value < 1 else {
                throw .invalidValue(
                    yaml.location(node), key: "hidden_share_above",
                    reason: "must be a share from 0 up to (not including) 1, e.g. 0.5")
            }
            return .hiddenShareAbove(value)
        default:
            throw .invalidTable(
                map.location,
                problem: "'when' has exactly one condition: `population_below: 20000` or `hidden_share_above: 0.5`")
        }
    }

    private func populations(_ node: Node) throws(DescriptionError) -> [String: Int] {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "populations", expected: "a mapping of labels to populations",
                found: yaml.describe(node))
        }
        var result: [String: Int] = [:]
        for (key, value) in mapping {
            let label = try yaml.text(key, key: "populations", meaning: "a label")
            let population = try yaml.int(value, key: label)
            guard population >= 0 else {
                throw .invalidValue(yaml.location(value), key: label, reason: "a population cannot be negative")
            }
            guard result.updateValue(population, forKey: label) == nil else {
                throw .duplicateKey(yaml.location(key), key: label)
            }
        }
        return result
    }

    private func groups(_ node: Node, spec: DimensionSpec) throws(DescriptionError) -> [AggregateDeclaration.Group] {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(
                yaml.location(node), key: "groups", expected: "a mapping of group labels to lists of members",
                found: yaml.describe(node))
        }
        let declared = spec.declaredLabels
        var groups: [AggregateDeclaration.Group] = []
        var memberOf: [String: String] = [:]
        for (key, value) in mapping {
            let label = try yaml.name(key, key: "groups", meaning: "a group label")
            let at = yaml.location(key)
            if groups.contains(where: { $0.label == label }) { throw .duplicateKey(at, key: label) }
            var members: [String] = []
            for item in try yaml.list(value, key: label, meaning: "member labels") {
                let member = try yaml.text(item, key: label, meaning: "a member label")
                if let other = memberOf[member] {
                    throw .invalidTable(
                        yaml.location(item),
                        problem: "'\(member)' is in group '\(other)' and in group '\(label)'; a value joins one group")
                }
                if let declared, !declared.contains(member) {
                    throw .invalidTable(
                        yaml.location(item),
                        problem: "'\(member)' in group '\(label)' is not a label of the hierarchy of '\(spec.column)'")
                }
                memberOf[member] = label
                members.append(member)
            }
            guard members.count >= 2 else {
                throw .invalidTable(
                    at, problem: "group '\(label)' needs at least two members; a group of one only renames a value")
            }
            groups.append(AggregateDeclaration.Group(label: label, members: members, location: at))
        }
        for group in groups where memberOf[group.label] != nil {
            throw .invalidTable(
                group.location,
                problem: "the group label '\(group.label)' is also a member of a group; choose a new label")
        }
        return groups
    }
}
