import DeidDescription
import DeidModel

/// Decides, for one `aggregate:` rule, which values of its dimension are merged into which groups.
///
/// * `groups:` without `when:` merges every declared group. With `when:`, a group is merged when any of its
///   members fails the condition.
/// * `into: parent` merges the failing detailed values (leaves) under each parent into one new value. A group
///   of one value would only rename it, and a group that still fails helps little, so the group is widened
///   with the parent's other detailed values, closest to failing first (smallest population, or largest
///   hidden share), until it has two members and passes, or every sibling has joined.
struct RecodePlanner {
    struct Plan {
        var groups: [MergeGroup] = []
        var records: [RecodingRecord] = []
        var notes: [RecodeNote] = []
    }

    let rule: AggregateDeclaration
    let number: Int
    let table: Table
    let d: Int
    let description: TableDescription
    let policy: Policy
    private let dimension: Dimension
    private let cellsOf: [[Int]]

    init(
        rule: AggregateDeclaration, number: Int, table: Table, dimension d: Int, description: TableDescription,
        policy: Policy
    ) throws {
        self.rule = rule
        self.number = number
        self.table = table
        self.d = d
        self.description = description
        self.policy = policy
        dimension = table.dimensions[d]
        var cellsOf = Array(repeating: [Int](), count: dimension.count)
        for cell in 0..<table.cellCount { cellsOf[Int(table.value(of: cell, in: d))].append(cell) }
        self.cellsOf = cellsOf
        for label in rule.populations.keys.sorted() where !dimension.labels.contains(label) {
            throw fail("`populations:` names '\(label)', which is not a value of '\(rule.column)'")
        }
    }

    func plan() throws -> Plan {
        switch rule.target {
        case .groups(let groups): try declaredGroups(groups)
        case .parent(let template): try parentGroups(template)
        }
    }

    // MARK: declared groups

    private func declaredGroups(_ groups: [AggregateDeclaration.Group]) throws -> Plan {
        var plan = Plan()
        for group in groups {
            var members: [Int32] = []
            for label in group.members {
                guard let id = dimension.labels.firstIndex(of: label) else {
                    throw fail("group '\(group.label)' names '\(label)', which is not a value of '\(rule.column)'")
                }
                members.append(Int32(id))
            }
            members.sort()
            try checkMergeable(members, group: group.label)
            try checkLabelFree(group.label, members: members)
            let reason: RecodingReason
            if let condition = rule.condition {
                let failing = try members.filter { try fails([$0], condition) }
                guard !failing.isEmpty else { continue }
                reason = .declaredGroupMemberFails(condition)
            } else {
                reason = .declaredGroup
            }
            plan.groups.append(MergeGroup(label: group.label, members: members))
            plan.records.append(
                record(group.label, members, reason: reason,
                       stillFails: try rule.condition.flatMap { try publicVerdict(members, $0) }))
        }
        return plan
    }

    // MARK: into: parent

    private func parentGroups(_ template: String) throws -> Plan {
        guard let condition = rule.condition else { return Plan() }
        var plan = Plan()
        let leaves = (0..<dimension.count).map(Int32.init).filter { dimension.parent[Int($0)] >= 0 && dimension.isLeaf($0) }
        let failing = try leaves.filter { try fails([$0], condition) }
        var parents: [Int32] = []
        for value in failing where !parents.contains(dimension.parent[Int(value)]) {
            parents.append(dimension.parent[Int(value)])
        }
        for parent in parents {
            var members = failing.filter { dimension.parent[Int($0)] == parent }
            let failed = members
            var siblings = try orderedSiblings(of: parent, excluding: members, condition)
            while !siblings.isEmpty, try members.count < 2 || fails(members, condition) {
                members.append(siblings.removeFirst())
            }
            let parentLabel = dimension.labels[Int(parent)]
            guard members.count >= 2 else {
                plan.notes.append(lonelyNote(members[0], parentLabel, condition))
                continue
            }
            members.sort()
            let label = template.replacing("{parent}", with: parentLabel)
            try checkLabelFree(label, members: members)
            if plan.groups.contains(where: { $0.label == label }) {
                throw fail("the label template gives '\(label)' for more than one parent; put {parent} in `label:`")
            }
            plan.groups.append(MergeGroup(label: label, members: members))
            plan.records.append(
                record(label, members, reason: reason(condition, failed: failed, all: members),
                       stillFails: try publicVerdict(members, condition)))
            if siblings.isEmpty && members.count == dimension.children[Int(parent)].count {
                plan.notes.append(.groupRepeatsParent(rule: number, column: rule.column, group: label, parent: parentLabel))
            }
        }
        return plan
    }

    /// Whether the group still fails, when saying so reveals nothing: populations are public, but whether most of
    /// a group's cells are small would tell a reader which of its blank cells are small counts.
    private func publicVerdict(_ members: [Int32], _ condition: AggregateDeclaration.Condition) throws -> Bool? {
        guard case .populationBelow = condition else { return nil }
        return try fails(members, condition)
    }

    private func lonelyNote(_ value: Int32, _ parent: String, _ condition: AggregateDeclaration.Condition) -> RecodeNote {
        // Populations are public, so the value below one may be named; a hidden share would describe its counts.
        let named: String? = if case .populationBelow = condition { dimension.labels[Int(value)] } else { nil }
        return .loneValueKept(rule: number, column: rule.column, value: named, parent: parent, condition: condition)
    }

    /// The parent's other detailed values, closest to failing first (ties: label order).
    private func orderedSiblings(of parent: Int32, excluding members: [Int32], _ condition: AggregateDeclaration.Condition)
        throws -> [Int32]
    {
        var keyed: [(value: Int32, key: Double)] = []
        for child in dimension.children[Int(parent)] where dimension.isLeaf(child) && !members.contains(child) {
            keyed.append((child, try closeness(child, condition)))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.value < $1.value }
        return keyed.map(\.value)
    }

    private func reason(_ condition: AggregateDeclaration.Condition, failed: [Int32], all: [Int32]) -> RecodingReason {
        switch condition {
        case .populationBelow(let threshold):
            .populationBelow(
                threshold, failed: failed.map { dimension.labels[Int($0)] },
                added: all.filter { !failed.contains($0) }.map { dimension.labels[Int($0)] },
                source: rule.populations.isEmpty ? .denominator(column: description.denominator ?? "") : .listedInRule)
        case .hiddenShareAbove(let share):
            .hiddenShareAbove(share)
        }
    }

    private func record(_ group: String, _ members: [Int32], reason: RecodingReason, stillFails: Bool?) -> RecodingRecord {
        let parent = dimension.parent[Int(members[0])]
        return RecodingRecord(
            column: rule.column, rule: number, group: group, members: members.map { dimension.labels[Int($0)] },
            parent: parent >= 0 ? dimension.labels[Int(parent)] : nil,
            condition: rule.condition, reason: reason, groupStillFails: stillFails)
    }

    // MARK: conditions

    private func fails(_ members: [Int32], _ condition: AggregateDeclaration.Condition) throws -> Bool {
        switch condition {
        case .populationBelow(let threshold): try population(members) < Double(threshold)
        case .hiddenShareAbove(let share): hiddenShare(members) > share
        }
    }

    /// Sort key of a sibling: lower means closer to failing, so it joins a group first.
    private func closeness(_ value: Int32, _ condition: AggregateDeclaration.Condition) throws -> Double {
        switch condition {
        case .populationBelow: try population([value])
        case .hiddenShareAbove: -hiddenShare([value])
        }
    }

    /// The members' combined population: from `populations:` when the rule lists any, otherwise the smallest,
    /// over slices of the table (e.g. years without a total), of the summed denominators on their total rows.
    private func population(_ members: [Int32]) throws -> Double {
        if !rule.populations.isEmpty {
            var sum = 0.0
            for member in members {
                let label = dimension.labels[Int(member)]
                guard let population = rule.populations[label] else {
                    throw RecodeError.populationUnknown(label: label, column: rule.column, rule: rule.location)
                }
                sum += Double(population)
            }
            return sum
        }
        var bySlice: [[Int32]: Double] = [:]
        for member in members {
            var found = false
            for cell in cellsOf[Int(member)] where isTotalRow(cell) {
                guard let value = table.denominators?[cell], !value.isNaN else {
                    throw RecodeError.populationUnknown(
                        label: dimension.labels[Int(member)], column: rule.column, rule: rule.location)
                }
                bySlice[sliceKey(cell), default: 0] += value
                found = true
            }
            guard found else {
                throw RecodeError.populationUnknown(
                    label: dimension.labels[Int(member)], column: rule.column, rule: rule.location)
            }
        }
        return bySlice.values.min() ?? 0
    }

    /// A value's total row: every other dimension with a total is at its root.
    private func isTotalRow(_ cell: Int) -> Bool {
        table.dimensions.indices.allSatisfy { e in
            e == d || !table.dimensions[e].isAdditive || table.dimensions[e].parent[Int(table.value(of: cell, in: e))] < 0
        }
    }

    /// The values of the dimensions without a total, which split the table into independent slices.
    private func sliceKey(_ cell: Int) -> [Int32] {
        table.dimensions.indices.filter { $0 != d && !table.dimensions[$0].isAdditive }.map { table.value(of: cell, in: $0) }
    }

    /// Share of the members' non-zero cells (summed over the members) that primary suppression would hide.
    private func hiddenShare(_ members: [Int32]) -> Double {
        var sums: [[Int32]: Int] = [:]
        for member in members {
            for cell in cellsOf[Int(member)] {
                let key = table.dimensions.indices.filter { $0 != d }.map { table.value(of: cell, in: $0) }
                sums[key, default: 0] += max(table.counts[cell], 0)
            }
        }
        let nonZero = sums.values.filter { $0 > 0 }
        guard !nonZero.isEmpty else { return 0 }
        return Double(nonZero.filter(policy.numerator.isSmall).count) / Double(nonZero.count)
    }

    // MARK: structure checks

    private func checkMergeable(_ members: [Int32], group: String) throws {
        let parents = Set(members.map { dimension.parent[Int($0)] })
        guard parents.count == 1 else {
            let names = parents.sorted().map { $0 >= 0 ? "'\(dimension.labels[Int($0)])'" : "none (a total)" }
            throw fail(
                "the members of '\(group)' have different parents (\(names.joined(separator: ", "))); a group takes "
                    + "its members' place under one parent, so group values that add up into the same total")
        }
        let leaves = members.filter { dimension.isLeaf($0) }.count
        guard leaves == 0 || leaves == members.count else {
            throw fail("'\(group)' mixes detailed values and subtotals; group values of one level")
        }
    }

    private func checkLabelFree(_ label: String, members: [Int32]) throws {
        if let existing = dimension.labels.firstIndex(of: label), !members.contains(Int32(existing)) {
            throw fail("the group label '\(label)' is already a value of '\(rule.column)'; choose another label")
        }
    }

    private func fail(_ problem: String) -> RecodeError {
        .recodeImpossible(column: rule.column, problem: problem, rule: rule.location)
    }
}
