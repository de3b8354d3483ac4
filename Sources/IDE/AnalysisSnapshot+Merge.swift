import AlembicModel
import Foundation
import Lint

extension AnalysisSnapshot {
    /// The title of the merge quick fix; stable across analyses, so a command can find the
    /// action again (the revision id inside the file is new each time).
    public static let mergeFixTitle = "Create a merge migration of the heads"

    /// The merge migration of the heads of the environment holding `path` (or of the only
    /// environment with several heads when `path` is nil), as a fix creating the file
    /// `alembic merge heads` would write. Unsafe: it creates a file. Nil when no such
    /// environment has more than one head.
    public func mergeMigrationFix(forPath path: String?, date: Date? = nil, revisionID: String? = nil) -> Result<Fix, MergeError>? {
        let candidates: [Int]
        if let path, let refs = fileRefs[path] {
            candidates = refs.map(\.environment)
        } else if let path, let index = project.environments.firstIndex(where: { $0.environment.configFile == path }) {
            candidates = [index]
        } else {
            candidates = Array(project.environments.indices)
        }
        guard let index = candidates.first(where: { project.environments[$0].lintGraph.heads.count > 1 }) else { return nil }
        let environment = project.environments[index]
        let request = MergeRequest(revisions: ["heads"], message: "merge heads", revisionID: revisionID, date: date)
        return MergeMigration.planReadingTemplate(request, environment: environment).map { plan in
            Fix(title: Self.mergeFixTitle, newFiles: [NewFile(path: plan.path, contents: plan.contents)], applicability: .unsafe)
        }
    }
}
