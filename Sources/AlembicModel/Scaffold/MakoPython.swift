import PythonSyntax

/// Parses the Python fragments of a Mako template (expressions, control lines, code blocks)
/// with the project's own parser, keeping only the statement forms ``MakoTemplate`` renders.
enum MakoPython {
    /// A statement of a `<% %>` or `<%! %>` block that ``MakoTemplate`` supports.
    enum Statement {
        case assign(target: String, value: Expr)
        case importModule(name: String, module: String)
    }

    private static func module(_ source: String, line: Int) throws(MakoTemplateError) -> ParsedModule {
        let parsed = parseModule(Array(source.utf8))
        if let error = parsed.errors.first {
            throw .renderFailed(line: line, message: "invalid Python in template: \(error.message): \(source)")
        }
        return parsed
    }

    /// The expression of `${source}`.
    static func expression(_ source: String, line: Int) throws(MakoTemplateError) -> Expr {
        let parsed = try module(source, line: line)
        guard parsed.body.count == 1, case .expr(let expr) = parsed.body[0].kind else {
            throw .renderFailed(line: line, message: "not an expression: \(source)")
        }
        if case .tuple = expr.kind, !source.hasPrefix("(") {
            throw .unsupportedSyntax(line: line, what: "several expressions in one ${…}")
        }
        return expr
    }

    /// The test of `if test:` (also `elif`, passed without the `el`).
    static func condition(_ code: String, line: Int) throws(MakoTemplateError) -> Expr {
        let parsed = try module(code + "\n    pass\n", line: line)
        guard parsed.body.count == 1, case .if(let test, _, _) = parsed.body[0].kind else {
            throw .renderFailed(line: line, message: "invalid control line: \(code)")
        }
        return test
    }

    /// The target and iterable of `for target in iterable:`.
    static func loop(_ code: String, line: Int) throws(MakoTemplateError) -> (Expr, Expr) {
        let parsed = try module(code + "\n    pass\n", line: line)
        guard parsed.body.count == 1, case .for(let target, let iter, _, let orelse, let isAsync) = parsed.body[0].kind,
              orelse.isEmpty, !isAsync
        else {
            throw .renderFailed(line: line, message: "invalid control line: \(code)")
        }
        return (target, iter)
    }

    /// The statements of a code block, dedented as `mako.pygen.adjust_whitespace` does for
    /// the common case (every line shares the first line's indentation).
    static func statements(_ code: String, line: Int) throws(MakoTemplateError) -> [Statement] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let indents = lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { $0.prefix(while: { $0 == " " || $0 == "\t" }).count }
        let indent = indents.min() ?? 0
        let dedented = lines.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n")
        let parsed = try module(dedented + "\n", line: line)
        var out: [Statement] = []
        for statement in parsed.body {
            switch statement.kind {
            case .assign(let targets, let value):
                guard targets.count == 1, let name = targets[0].identifier else {
                    throw .unsupportedSyntax(line: line, what: "an assignment to something other than one name")
                }
                out.append(.assign(target: name, value: value))
            case .import(let aliases):
                for alias in aliases {
                    let module = alias.name.name
                    let name = alias.asname?.name ?? String(module.split(separator: ".").first ?? "")
                    if alias.asname == nil && module.contains(".") {
                        throw .unsupportedSyntax(line: line, what: "import of the dotted module \(module)")
                    }
                    out.append(.importModule(name: name, module: module))
                }
            case .pass:
                continue
            default:
                throw .unsupportedSyntax(line: line, what: "a Python statement other than an assignment or an import")
            }
        }
        return out
    }
}
