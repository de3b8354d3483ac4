import PythonSyntax

extension MigrationOperation {
    /// The attributes an `alter_column` changes besides the name: the keywords among
    /// `nullable`, `type_`, `server_default` and `comment` it passes (the `existing_*`
    /// keywords only describe the column). Read from `source`, the file's bytes; empty for
    /// another operation or a call that cannot be read.
    public func alteredAttributes(in source: [UInt8]) -> [String] {
        guard kind == .alterColumn, callRange.start >= 0, callRange.end <= source.count, callRange.start < callRange.end else { return [] }
        let parsed = parseModule(Array(source[callRange.start ..< callRange.end]))
        guard let statement = parsed.body.first, case let .expr(call) = statement.kind,
              case let .call(_, args, keywords) = call.kind else { return [] }
        var out = keywords.compactMap { $0.name?.name }.filter { ["nullable", "type_", "server_default", "comment"].contains($0) }
        // Positional arguments after the column name are, in order, nullable, comment, server_default.
        let fixed = batch == nil ? 2 : 1
        if args.count > fixed { out.append("positional") }
        if keywords.contains(where: { $0.name == nil }) { out.append("**kwargs") }
        return out
    }
}
