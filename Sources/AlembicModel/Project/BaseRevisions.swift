/// What `check --base REF` compares the working tree with, for one environment: the
/// migrations at the ref's tip (where the branch will merge into) and at the merge base
/// (what was published when the branch started).
public struct BaseRevisions: Sendable {
    /// The ref as the user gave it (for messages).
    public var ref: String
    /// The environment at the ref's tip.
    public var tip: RevisionTreeAtCommit
    /// The environment at the merge base of the ref and `HEAD`.
    public var mergeBase: RevisionTreeAtCommit

    public init(ref: String, tip: RevisionTreeAtCommit, mergeBase: RevisionTreeAtCommit) {
        self.ref = ref
        self.tip = tip
        self.mergeBase = mergeBase
    }

    /// The base of every environment of `project`, keyed by ``AlembicEnvironment/id``, and the
    /// merge-base commit. Errors (not a repository, unknown ref, shallow clone, unreadable
    /// files) are for the user, exit code 2.
    public static func load(
        _ project: ProjectAnalysis, ref: String, repository: GitRepository
    ) throws(GitError) -> (bases: [String: BaseRevisions], mergeBase: String) {
        let tip = try repository.commit(ref)
        let head = try repository.commit("HEAD")
        let mergeBase = try repository.mergeBase(tip, head)
        var out: [String: BaseRevisions] = [:]
        for environment in project.environments {
            let env = environment.environment
            let atTip = try RevisionTreeAtCommit.read(env, repository: repository, commit: tip)
            let atMergeBase = mergeBase == tip ? atTip : try RevisionTreeAtCommit.read(env, repository: repository, commit: mergeBase)
            out[env.id] = BaseRevisions(ref: ref, tip: atTip, mergeBase: atMergeBase)
        }
        return (out, mergeBase)
    }
}
