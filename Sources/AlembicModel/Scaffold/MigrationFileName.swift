/// `ScriptDirectory._rev_path`: a revision's file name from `file_template`, the slug of the
/// message and the creation date.
public enum MigrationFileName {
    /// The slug of `message`: its `\w+` words joined by `_`, lower-cased, cut at the last
    /// `_` within `truncateLength` code points (then ending in `_`) when longer.
    public static func slug(_ message: String?, truncateLength: Int) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in (message ?? "").unicodeScalars {
            if PythonRepr.isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        let slug = Array(pythonLower(words.joined(separator: "_")).unicodeScalars)
        guard slug.count > truncateLength else { return String(String.UnicodeScalarView(slug)) }
        // slug[:n] with Python's slice rules (a negative n counts from the end).
        let end = truncateLength >= 0 ? truncateLength : max(0, slug.count + truncateLength)
        let head = slug[..<end]
        let kept = head.lastIndex(of: "_").map { head[..<$0] } ?? head
        return String(String.UnicodeScalarView(kept)) + "_"
    }

    /// Python's `str.lower()`: full case mapping, and `Σ` becomes the final `ς` at the end
    /// of a word (Unicode's Final_Sigma condition).
    static func pythonLower(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "\u{03A3}" else {
                out += String(scalar).lowercased()
                continue
            }
            let before = scalars[..<index].last { !$0.properties.isCaseIgnorable }
            let after = scalars[(index + 1)...].first { !$0.properties.isCaseIgnorable }
            let final = before?.properties.isCased == true && after?.properties.isCased != true
            out += final ? "\u{03C2}" : "\u{03C3}"
        }
        return out
    }

    /// `file_template % {...} + ".py"`, or the formatting failure's description.
    public static func fileName(
        template: String, revisionID: String, slug: String, date: PythonDateTime
    ) -> Result<String, MergeError> {
        let tokens: [String: MakoValue] = [
            "rev": .string(revisionID), "slug": .string(slug), "epoch": .int(date.epoch), "year": .int(date.year),
            "month": .int(date.month), "day": .int(date.day), "hour": .int(date.hour), "minute": .int(date.minute),
            "second": .int(date.second),
        ]
        switch PercentFormatter.apply(template, .mapping(tokens)) {
        case .success(let name): return .success(name + ".py")
        case .failure(let failure): return .failure(.fileTemplate(template: template, reason: failure.message))
        }
    }
}
