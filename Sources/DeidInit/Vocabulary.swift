import DeidDescription
import DeidRead

/// The labels `deid init` recognises, read from the presets' reference files (data, not code): California's
/// counties, regions and local health jurisdictions, sex and gender labels, race and ethnicity labels, and the
/// counties of each Census region.
struct Vocabulary {
    /// Normalised label → the reference's category (`county`, `region`, `state`, `city`, `lhj`).
    var geography: [String: String] = [:]
    var sex: Set<String> = []
    var race: Set<String> = []
    /// Region → its counties, in the reference file's order.
    var regions: [(region: String, counties: [String])] = []

    static func load(presets: String) throws(InitError) -> Vocabulary {
        let folder = DescriptionFiles.join(presets, "reference")
        var vocabulary = Vocabulary()
        for file in ["ca-county-population.csv", "ca-lhj-population.csv"] {
            for row in try rows(of: DescriptionFiles.join(folder, file)) where row.count >= 3 {
                // The first file's category wins: a county stays `county` though it is also a jurisdiction.
                for label in labels(row) where vocabulary.geography[key(label)] == nil {
                    vocabulary.geography[key(label)] = row[2]
                }
            }
        }
        for row in try rows(of: DescriptionFiles.join(folder, "ca-sex-gender-population.csv")) {
            vocabulary.sex.formUnion(labels(row).map(key))
        }
        for row in try rows(of: DescriptionFiles.join(folder, "ca-race-ethnicity-population.csv")) {
            vocabulary.race.formUnion(labels(row).map(key))
        }
        let regions = DescriptionFiles.join(DescriptionFiles.join(presets, "vocabulary"), "ca-county-regions.csv")
        for row in try rows(of: regions) where row.count == 2 {
            if let last = vocabulary.regions.indices.last, vocabulary.regions[last].region == row[0] {
                vocabulary.regions[last].counties.append(row[1])
            } else {
                vocabulary.regions.append((row[0], [row[1]]))
            }
        }
        return vocabulary
    }

    /// Labels compare ignoring case and repeated spaces (the reference files list "Alameda County" as an alias).
    static func key(_ label: String) -> String {
        label.lowercased().split(separator: " ").joined(separator: " ")
    }

    /// The label and its aliases (first two columns of a reference row).
    private static func labels(_ row: [String]) -> [String] {
        guard let label = row.first else { return [] }
        let aliases = row.count > 1 ? row[1].split(separator: "|").map(String.init) : []
        return [label] + aliases
    }

    /// The data rows of a reference CSV (the header skipped).
    private static func rows(of path: String) throws(InitError) -> [[String]] {
        var rows: [[String]] = []
        do {
            let reader = try CSVReader(source: .file(path))
            try reader.read(header: { _ in }, row: { row in rows.append((0..<row.count).map(row.string)) })
        } catch let error as ReadError {
            throw .read(error)
        } catch {
            throw .draftRejected(problem: "reading \(path): \(error)")
        }
        return rows
    }
}
