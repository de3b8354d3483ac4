/// The schema one `MetaData` object declares, as the neutral schema values a database
/// reflection or a migration replay produce, with where each table and column is declared.
public struct ModelMetadata: Hashable, Sendable {
    public var identity: MetadataIdentity
    /// Where the metadata object is created.
    public var location: ModelLocation
    /// `naming_convention` as declared (SQLAlchemy's default `{"ix": "ix_%(column_0_label)s"}`
    /// when none is).
    public var namingConvention: [String: String]
    /// The declared tables.
    public var schema: DatabaseSchema
    /// Table (qualified name) → where it is declared (the class name or the `Table(` call).
    public var tableLocations: [String: ModelLocation]
    /// Table (qualified name) → column name → where the column is declared.
    public var columnLocations: [String: [String: ModelLocation]]

    public init(
        identity: MetadataIdentity, location: ModelLocation, namingConvention: [String: String],
        schema: DatabaseSchema = DatabaseSchema(), tableLocations: [String: ModelLocation] = [:],
        columnLocations: [String: [String: ModelLocation]] = [:]
    ) {
        self.identity = identity
        self.location = location
        self.namingConvention = namingConvention
        self.schema = schema
        self.tableLocations = tableLocations
        self.columnLocations = columnLocations
    }
}
