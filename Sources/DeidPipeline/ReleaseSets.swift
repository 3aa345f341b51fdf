import Foundation
import DeidRead
import DeidDescription

/// Tables whose descriptions say they are published together (`released_together:`), so that `check` audits
/// them as one release even when a pre-commit hook names only the one that changed.
enum ReleaseSets {
    /// The tables of `requests`, grouped: a table whose description lists others forms a set with them (those
    /// not named are added, after the named ones), sets that share a table are one set, and every other table
    /// stands alone. A table whose description cannot be read stands alone, so its check reports the error.
    static func group(_ requests: [CheckRequest]) -> [[CheckRequest]] {
        var groups: [[CheckRequest]] = []
        var keysOfGroup: [Set<String>] = []
        for request in requests {
            let members = [request] + listed(by: request)
            let keys = Set(members.map(key))
            var merged = members
            var mergedKeys = keys
            // Earlier groups this one touches fold into it, in their original order.
            for g in groups.indices.reversed() where !keysOfGroup[g].isDisjoint(with: keys) {
                merged = groups[g] + merged.filter { !keysOfGroup[g].contains(key($0)) }
                mergedKeys.formUnion(keysOfGroup[g])
                groups.remove(at: g)
                keysOfGroup.remove(at: g)
            }
            groups.append(merged)
            keysOfGroup.append(mergedKeys)
        }
        return groups
    }

    /// The tables the request's description lists as published with it, as check requests. The errors dropped
    /// here are not lost: a table whose description cannot be found or read is checked alone, and its check
    /// reports that error (exit 2).
    private static func listed(by request: CheckRequest) -> [CheckRequest] {
        guard case .file(let path) = request.source,
            let file = try? DescriptionDiscovery.descriptionFile(forTable: path, explicit: request.descriptionFile),
            let description = try? TableDescription.load(path: file)
        else { return [] }
        let folder = DescriptionFiles.folder(of: file)
        return description.releasedTogether.map { DescriptionFiles.join(folder, $0) }.filter { key(path) != key($0) }
            .map { member in
                CheckRequest(
                    source: .file(member), displayName: member, descriptionFile: request.descriptionFile,
                    presetsDirectory: request.presetsDirectory, findingLimit: request.findingLimit)
            }
    }

    private static func key(_ request: CheckRequest) -> String {
        if case .file(let path) = request.source { return key(path) }
        return "-"
    }

    private static func key(_ path: String) -> String {
        DescriptionFiles.absolute(path, base: FileManager.default.currentDirectoryPath)
    }
}
