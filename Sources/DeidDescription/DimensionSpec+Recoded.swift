import DeidSupport

extension DimensionSpec {
    /// The hierarchy a released table shows after the description's `aggregate:` rules merged some values, so
    /// `deid check` can read a release with the description that produced it. A group label found in the data
    /// takes the place of its members that are absent from it: for `groups:` the declared members, for
    /// `into: parent` the parent's detailed values that do not appear. Labels that fit neither stay errors when
    /// the table is built. Flat totals and dimensions without a total take their labels from the data anyway.
    package func recoded(by declarations: [AggregateDeclaration], observed: Set<String>) -> DimensionSpec {
        guard case .hierarchy(var hierarchy) = structure else { return self }
        for declaration in declarations where declaration.column == column {
            switch declaration.target {
            case .groups(let groups):
                for group in groups where observed.contains(group.label) {
                    let absent = group.members.filter { !observed.contains($0) }
                    if absent.count == group.members.count { hierarchy.merge(absent, into: group.label) }
                }
            case .parent(let template):
                for entry in hierarchy.entries {
                    let label = template.replacing("{parent}", with: entry.parent)
                    let parents = Set(hierarchy.entries.map(\.parent))
                    guard observed.contains(label), !hierarchy.labels.contains(label) else { continue }
                    let absent = entry.children.filter { !observed.contains($0) && !parents.contains($0) }
                    if !absent.isEmpty { hierarchy.merge(absent, into: label) }
                }
            }
        }
        var spec = self
        spec.structure = .hierarchy(hierarchy)
        return spec
    }
}

extension Hierarchy {
    var labels: Set<String> { Set(entries.flatMap { [$0.parent] + $0.children }) }

    /// Replaces `members` by `group`: in their parent's list, at the first member's place; a member that is
    /// itself a subtotal hands its children to the group.
    mutating func merge(_ members: [String], into group: String) {
        let set = Set(members)
        var groupChildren: [String] = []
        var groupLocation: SourceLocation?
        var kept: [Entry] = []
        for var entry in entries {
            if set.contains(entry.parent) {
                groupChildren += entry.children
                groupLocation = groupLocation ?? entry.location
                continue
            }
            if let first = entry.children.firstIndex(where: set.contains) {
                entry.children = entry.children.enumerated().compactMap { i, child in
                    i == first ? group : (set.contains(child) ? nil : child)
                }
            }
            kept.append(entry)
        }
        if let groupLocation, !groupChildren.isEmpty {
            kept.append(Entry(parent: group, children: groupChildren, location: groupLocation))
        }
        entries = kept
    }
}
