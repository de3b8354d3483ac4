/// A place that builds or drops the schema from the models with `metadata.create_all()` /
/// `drop_all()`, bypassing the migrations.
public struct SchemaBypass: Hashable, Sendable {
    /// Where the call is: a Python file, or a CI or shell file.
    public enum Kind: String, Hashable, Sendable {
        case python, ci
    }

    /// The range of the method name (`create_all`).
    public var location: ModelLocation
    /// `create_all` or `drop_all`.
    public var method: String
    /// The receiver as written (`Base.metadata`), when known.
    public var receiver: String?
    public var kind: Kind

    public init(location: ModelLocation, method: String, receiver: String?, kind: Kind) {
        self.location = location
        self.method = method
        self.receiver = receiver
        self.kind = kind
    }
}
