import AlembicModel
import Lint
import TextCore

extension AnalysisSnapshot {
    /// The `revision = …` value of the file defining the id (or branch label) under `offset`.
    public func definition(path: String, offset: Int) -> [Location] {
        guard let mention = mention(at: path, offset: offset) else { return [] }
        var out: [Location] = []
        for environment in environments(containing: path) {
            let id: String?
            if environment.fileIndexByRevision[mention.value] != nil {
                id = mention.value
            } else {
                id = environment.fileIndexByLabel[mention.value].flatMap { environment.files[$0].revisionID }
            }
            guard let id, let location = environment.revisionLocation(id) else { continue }
            let target = Location(path: location.path, range: location.range)
            if !out.contains(target) { out.append(target) }
        }
        return out
    }

    /// Every literal naming the id (or label) under `offset`, across the files of its
    /// environments; the defining `revision = …` literal only with `includeDeclaration`.
    public func references(path: String, offset: Int, includeDeclaration: Bool) -> [Location] {
        guard let mention = mention(at: path, offset: offset) else { return [] }
        var out: [Location] = []
        var seen = Set<Location>()
        for environment in environments(containing: path) {
            // A label stands for its revision: references to either are the same revision's.
            var names: Set<String> = [mention.value]
            let owner = environment.fileIndexByRevision[mention.value] ?? environment.fileIndexByLabel[mention.value]
            if let owner {
                let file = environment.files[owner]
                if let id = file.revisionID { names.insert(id) }
                for label in file.branchLabels.value ?? [] { names.insert(label.value) }
            }
            for file in environment.files {
                for item in file.mentions where names.contains(item.value) {
                    if item.role == .revision || item.role == .branchLabel, !includeDeclaration { continue }
                    let location = Location(path: file.path, range: item.range)
                    if seen.insert(location).inserted { out.append(location) }
                }
            }
        }
        return out
    }
}
