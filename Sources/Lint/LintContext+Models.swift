import AlembicModel

/// What the model rules (ALM3xx) share.
extension LintContext {
    /// The metadata objects any environment of the project hands Alembic as `target_metadata`.
    var projectTargetMetadata: Set<MetadataIdentity> {
        Set(project.environments.flatMap { $0.models?.target.identities ?? [] })
    }

    /// `path` relative to the directory of this environment's configuration, for messages.
    func displayPath(_ path: String) -> String {
        let root = environment.environment.workingDirectory
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
