import TextCore

extension Fix {
    /// The fixes of `fixes`, in order, that can be applied together: each one is all or
    /// nothing, and is left out when one of its edits overlaps (or inserts at the same place
    /// as) an edit of a fix already taken, or it creates a file another one creates.
    /// Duplicates (one fix attached to several diagnostics) are taken once.
    public static func compatible(_ fixes: [Fix]) -> [Fix] {
        var taken: [Fix] = []
        var seen = Set<Fix>()
        var rangesByPath: [String: [ByteRange]] = [:]
        var created = Set<String>()
        for fix in fixes where seen.insert(fix).inserted {
            let conflicts = fix.edits.contains { fileEdit in
                fileEdit.edits.contains { edit in (rangesByPath[fileEdit.path] ?? []).contains { conflict($0, edit.range) } }
            } || fix.newFiles.contains { created.contains($0.path) }
            if conflicts { continue }
            taken.append(fix)
            for fileEdit in fix.edits { rangesByPath[fileEdit.path, default: []] += fileEdit.edits.map(\.range) }
            for file in fix.newFiles { created.insert(file.path) }
        }
        return taken
    }

    /// One fix applying every fix of `fixes` (which must be ``compatible(_:)``): edits
    /// grouped by file, new files concatenated; unsafe when any part is.
    public static func combined(_ fixes: [Fix], title: String) -> Fix {
        var editsByPath: [String: [TextEdit]] = [:]
        var order: [String] = []
        for fix in fixes {
            for fileEdit in fix.edits {
                if editsByPath[fileEdit.path] == nil { order.append(fileEdit.path) }
                editsByPath[fileEdit.path, default: []] += fileEdit.edits
            }
        }
        return Fix(
            title: title, edits: order.map { FileEdit(path: $0, edits: editsByPath[$0] ?? []) },
            newFiles: fixes.flatMap(\.newFiles),
            applicability: fixes.contains { $0.applicability == .unsafe } ? .unsafe : .safe)
    }

    /// Whether two edits' ranges cannot be applied together.
    static func conflict(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.start == b.start { return true }
        if max(a.start, b.start) < min(a.end, b.end) { return true }
        return a.isEmpty && a.start > b.start && a.start < b.end || b.isEmpty && b.start > a.start && b.start < a.end
    }
}
