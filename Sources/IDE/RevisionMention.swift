import AlembicModel
import TextCore

/// A string literal naming a revision id or a branch label in a migration file.
public struct RevisionMention: Hashable, Sendable {
    /// Which variable the literal belongs to.
    public enum Role: String, Hashable, Sendable {
        case revision
        case downRevision = "down_revision"
        case dependsOn = "depends_on"
        case branchLabel = "branch_labels"
    }

    public var value: String
    /// The literal, quotes included.
    public var range: ByteRange
    public var role: Role

    public init(value: String, range: ByteRange, role: Role) {
        self.value = value
        self.range = range
        self.role = role
    }
}

extension MigrationFile {
    /// Every revision id and branch label literal of the file, in source order.
    public var mentions: [RevisionMention] {
        var out: [RevisionMention] = []
        if let item = revision.value { out.append(RevisionMention(value: item.value, range: item.range, role: .revision)) }
        for item in downRevision.value?.items ?? [] { out.append(RevisionMention(value: item.value, range: item.range, role: .downRevision)) }
        for item in dependsOn.value?.items ?? [] { out.append(RevisionMention(value: item.value, range: item.range, role: .dependsOn)) }
        for item in branchLabels.value ?? [] { out.append(RevisionMention(value: item.value, range: item.range, role: .branchLabel)) }
        return out.sorted { $0.range < $1.range }
    }
}
