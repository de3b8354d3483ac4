import Foundation

/// Holds an environment's ``SchemaTimeline`` once built, shared by every copy of the
/// ``EnvironmentAnalysis`` (rebuilding the analysis makes a new, empty box). Only callers that
/// need the timeline pay for it.
public final class SchemaTimelineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var timeline: SchemaTimeline?

    /// An empty cache.
    public init() {}

    func value(_ build: () -> SchemaTimeline) -> SchemaTimeline {
        lock.lock()
        defer { lock.unlock() }
        if let timeline { return timeline }
        let built = build()
        timeline = built
        return built
    }
}

extension EnvironmentAnalysis {
    /// The schema after every revision (built on first use, then cached with the analysis).
    /// `sources` are the files' bytes (``ProjectAnalysis/sources``).
    public func schemaTimeline(sources: [String: SourceFile]) -> SchemaTimeline {
        schemaTimelineCache.value { SchemaTimeline(environment: self, sources: sources) }
    }
}
