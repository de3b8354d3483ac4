/// A model construct the static reading does not understand (a `declared_attr` table name, a
/// column built by a helper function …): recorded rather than guessed.
public struct ModelUnknown: Hashable, Sendable {
    public var location: ModelLocation
    /// What was not understood, for logs and hover.
    public var reason: String

    public init(location: ModelLocation, reason: String) {
        self.location = location
        self.reason = reason
    }
}
