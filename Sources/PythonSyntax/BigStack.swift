#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the parser of a deeply nested file on a thread with a 512 MiB stack (reserved, not
/// committed), so its recursion (capped at ``Parser/maxDepth`` levels) fits even in debug
/// builds, whose frames are many times larger than release ones.
enum BigStack {
    /// Bracket / indentation / prefix-operator nesting above which the big stack is used.
    static let nestingThreshold = 12
    static let stackSize = 512 << 20

    private final class Job {
        var parser: Parser
        var body: Int32 = 0
        init(_ parser: Parser) { self.parser = parser }
    }

    static func run(_ parser: inout Parser) -> Int32 {
        let job = Job(parser)
        let context = Unmanaged.passRetained(job).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, stackSize)
        defer { pthread_attr_destroy(&attributes) }
        #if canImport(Darwin)
            var thread: pthread_t?
        #else
            var thread = pthread_t()
        #endif
        let created = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                let job = Unmanaged<Job>.fromOpaque(raw).takeUnretainedValue()
                job.body = job.parser.parseModule()
                return nil
            }, context)
        if created != 0 {
            // No thread: parse here (the depth cap still bounds the recursion).
            Unmanaged<Job>.fromOpaque(context).release()
            return parser.parseModule()
        }
        #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
        #else
            pthread_join(thread, nil)
        #endif
        Unmanaged<Job>.fromOpaque(context).release()
        parser = job.parser
        return job.body
    }
}
