/// The Frictionless Data Package descriptor (`datapackage.json`, Data Package v1, profile
/// `tabular-data-package`): one tabular resource, the release, with its Table Schema. Hidden cells are the
/// schema's missing value, so a validator checks every shown value against its column's type. The licence and
/// the source are placeholders (`FILL-IN`) for the publishing program: deid cannot know them.
extension PortalBundle {
    struct Descriptor: Encodable {
        var profile = "tabular-data-package"
        var name: String
        var title: String
        var description: String
        var licenses: [License]
        var sources: [Source]
        var contributors: [Contributor]
        var resources: [Resource]
    }

    struct License: Encodable {
        var name: String
        var title: String
    }

    struct Source: Encodable {
        var title: String
    }

    struct Contributor: Encodable {
        var title: String
        var role: String
    }

    struct Resource: Encodable {
        var profile = "tabular-data-resource"
        var name: String
        var path: String
        var format = "csv"
        var mediatype = "text/csv"
        var encoding = "utf-8"
        var bytes: Int
        var hash: String
        var schema: Schema
    }

    struct Schema: Encodable {
        var fields: [Field]
        var missingValues: [String]
    }

    struct Field: Encodable {
        var name: String
        var type: String
        var description: String
        var constraints: Constraints?
    }

    struct Constraints: Encodable {
        var `enum`: [String]
    }

    /// Placeholder text the publishing program replaces before upload.
    static let fillIn = "FILL-IN"

    var descriptor: Descriptor {
        let codeList = codes.map { "\($0.code): \($0.meaning)" }
        let text = ([method] + tableNotes + (codes.isEmpty ? [] : ["Annotation codes: " + codeList.joined(separator: " ")]))
            .joined(separator: "\n\n")
        let fields = columns.map { column in
            Field(
                name: column.name, type: column.type.rawValue, description: column.description,
                constraints: column.role == "annotation" && !codes.isEmpty ? Constraints(enum: codes.map(\.code)) : nil)
        }
        return Descriptor(
            name: name, title: "\(Self.fillIn): the dataset's title on the portal (\(releaseFile))", description: text,
            licenses: [License(name: Self.fillIn, title: "\(Self.fillIn): the licence the portal lists for this dataset")],
            sources: [Source(title: "\(Self.fillIn): the program and data system the counts come from")],
            contributors: [Contributor(title: "\(Self.fillIn): the publishing department and program", role: "publisher")],
            resources: [
                Resource(
                    name: name, path: releaseFile, bytes: bytes, hash: "sha256:" + sha256,
                    schema: Schema(fields: fields, missingValues: [Self.hiddenValue]))
            ])
    }

    /// `datapackage.json`'s text.
    public var descriptorJSON: String { JSONStream.encode(descriptor) + "\n" }
}
