import AlembicModel

/// What the model rules (ALM3xx) share.
extension LintContext {
    /// `path` relative to the directory of this environment's configuration, for messages.
    func displayPath(_ path: String) -> String {
        let root = environment.environment.workingDirectory
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
