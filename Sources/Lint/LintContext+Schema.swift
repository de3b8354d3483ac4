import AlembicModel

extension LintContext {
    /// The environment's schema after every revision, built on first use and shared by the
    /// rules that need it.
    public var schemaTimeline: SchemaTimeline {
        environment.schemaTimeline(sources: project.sources)
    }
}
