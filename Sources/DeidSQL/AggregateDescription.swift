import Foundation
import Yams
import DeidDescription

/// The description of the table the query returns: the records' description as it was written, read as an
/// aggregate (`input: aggregate`, the count in `count:`), so `deid release` takes the query's output directly and
/// releases what it would have released from the records. Comments are not kept; a header says where it came from.
public enum AggregateDescription {
    public static func yaml(for description: TableDescription) throws(SQLError) -> String {
        let path = description.file
        let text: String
        var document: Node
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
            guard let node = try Yams.compose(yaml: text) else {
                throw SQLError.unreadableDescription(path: path, reason: "the file is empty")
            }
            document = node
        } catch let error as SQLError {
            throw error
        } catch {
            throw .unreadableDescription(path: path, reason: "\(error)")
        }
        document["table"]?["input"] = Node("aggregate")
        document["table"]?["count"] = Node(description.countColumn)
        // A policy file is named relative to the description's folder; the aggregate's description may be
        // written elsewhere.
        if case .path(let policy) = description.policy, !policy.hasPrefix("/") {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            document["policy"] = Node(folder.appendingPathComponent(policy).standardizedFileURL.path)
        }
        let body: String
        do {
            body = try Yams.serialize(node: document, allowUnicode: true)
        } catch {
            throw .unreadableDescription(path: path, reason: "\(error)")
        }
        return "# The aggregate table `deid sql` builds from the records described in \(path).\n" + body
    }
}
