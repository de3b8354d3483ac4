import Testing
import TextCore

@testable import PythonSyntax

/// The shape of the tree for each construct, through the public API, with sample ranges.
@Suite struct TreeShapeTests {
    func parse(_ source: String) -> ParsedModule {
        let parsed = parseModule(Array(source.utf8))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        return parsed
    }

    func text(_ parsed: ParsedModule, _ range: ByteRange) -> String {
        String(decoding: parsed.tree.source[range.range], as: UTF8.self)
    }

    @Test func alembicRevisionHeader() throws {
        let source = """
            \"\"\"add users

            Revision ID: abc123
            \"\"\"
            from typing import Sequence, Union

            from alembic import op
            import sqlalchemy as sa

            revision: str = "abc123"
            down_revision: Union[str, None] = ("a1", 'b' "2")
            branch_labels = None

            """
        let parsed = parse(source)
        #expect(parsed.docstring?.value == "add users\n\nRevision ID: abc123\n")
        let body = Array(parsed.body)
        #expect(body.count == 7)
        guard case .importFrom(let module, let names, let level) = body[1].kind else {
            Issue.record("importFrom")
            return
        }
        #expect(module?.name == "typing")
        #expect(names.map(\.name.name) == ["Sequence", "Union"])
        #expect(level == 0)
        guard case .import(let aliases) = body[3].kind else {
            Issue.record("import")
            return
        }
        #expect(aliases.first?.name.name == "sqlalchemy")
        #expect(aliases.first?.asname?.name == "sa")
        guard case .annAssign(let target, let annotation, let value, let simple) = body[4].kind else {
            Issue.record("annAssign")
            return
        }
        #expect(target.identifier == "revision")
        #expect(annotation.identifier == "str")
        #expect(simple)
        let rev = try #require(value)
        #expect(rev.stringValue == "abc123")
        #expect(text(parsed, rev.range) == "\"abc123\"")
        guard case .annAssign(_, let ann2, let value2, _) = body[5].kind, let down = value2 else {
            Issue.record("down")
            return
        }
        guard case .subscript(let base, let slice) = ann2.kind else {
            Issue.record("subscript")
            return
        }
        #expect(base.identifier == "Union")
        guard case .tuple(let elts) = slice.kind else {
            Issue.record("slice tuple")
            return
        }
        #expect(elts.count == 2)
        guard case .tuple(let values) = down.kind else {
            Issue.record("tuple")
            return
        }
        #expect(values.map { $0.stringValue } == ["a1", "b2"])
        guard case .constant(.string(let b2)) = values[1].kind else {
            Issue.record("b2")
            return
        }
        #expect(b2.parts.map { text(parsed, $0.range) } == ["'b'", "\"2\""])
        #expect(b2.parts.map { text(parsed, $0.contentRange) } == ["b", "2"])
        #expect(text(parsed, down.range) == "(\"a1\", 'b' \"2\")")
        guard case .assign(let targets, let none) = body[6].kind, case .constant(.none) = none.kind else {
            Issue.record("assign")
            return
        }
        #expect(targets.first?.identifier == "branch_labels")
    }

    @Test func upgradeWithOperationsAndGuards() throws {
        let source = """
            def upgrade() -> None:
                columns = [c["name"] for c in sa.inspect(op.get_bind()).get_columns("t")]
                if "x" not in columns:
                    op.add_column("t", sa.Column("x", sa.String(length=10), nullable=True))  # noqa: ALM201
                with op.batch_alter_table("t") as batch_op:
                    batch_op.drop_column("y")

            """
        let parsed = parse(source)
        guard case .functionDef(let f) = parsed.body.first?.kind else {
            Issue.record("def")
            return
        }
        #expect(f.name.name == "upgrade")
        #expect(text(parsed, f.nameRange) == "upgrade")
        #expect(f.returns.map { text(parsed, $0.range) } == "None")
        #expect(f.parameters.args.isEmpty)
        let stmts = Array(f.body)
        #expect(stmts.count == 3)
        guard case .assign(_, let comp) = stmts[0].kind, case .listComp(let elt, let gens) = comp.kind else {
            Issue.record("listcomp")
            return
        }
        #expect(text(parsed, elt.range) == "c[\"name\"]")
        #expect(gens.first?.target.identifier == "c")
        guard case .if(let test, let body, let orelse) = stmts[1].kind else {
            Issue.record("if")
            return
        }
        #expect(orelse.isEmpty)
        guard case .compare(let left, let ops, let comparators) = test.kind else {
            Issue.record("compare")
            return
        }
        #expect(left.stringValue == "x")
        #expect(ops == [.notIn])
        #expect(comparators.first?.identifier == "columns")
        guard case .expr(let call) = body.first?.kind, case .call(let function, let args, let keywords) = call.kind
        else {
            Issue.record("call")
            return
        }
        #expect(function.dottedName == "op.add_column")
        guard case .attribute(_, let attr) = function.kind else {
            Issue.record("attr")
            return
        }
        #expect(text(parsed, attr.range) == "add_column")
        #expect(args.count == 2)
        #expect(args[0].stringValue == "t")
        guard case .call(let column, let columnArgs, let columnKeywords) = args[1].kind else {
            Issue.record("Column")
            return
        }
        #expect(column.dottedName == "sa.Column")
        #expect(columnArgs.count == 2)
        #expect(columnKeywords.first?.name?.name == "nullable")
        guard case .constant(.bool(true)) = columnKeywords.first?.value.kind else {
            Issue.record("True")
            return
        }
        #expect(keywords.isEmpty)
        guard case .with(let items, let withBody, let isAsync) = stmts[2].kind else {
            Issue.record("with")
            return
        }
        #expect(!isAsync)
        #expect(items.first?.optionalVars?.identifier == "batch_op")
        #expect(items.first?.contextExpr.dottedName == nil)
        #expect(withBody.count == 1)
        // Comments, and the statement at an offset.
        #expect(parsed.comments.count == 1)
        #expect(parsed.comments.first.map { text(parsed, $0) } == "# noqa: ALM201")
        let offset = try #require(
            source.utf8.firstIndex(of: UInt8(ascii: "#")).map {
                source.utf8.distance(from: source.utf8.startIndex, to: $0)
            })
        let inner = try #require(parsed.statement(containing: offset - 3))
        #expect(text(parsed, inner.range).hasPrefix("op.add_column("))
        #expect(parsed.allStatements.count == 6)
    }

    @Test func classBodiesAndTables() {
        let parsed = parse(
            """
            @dataclass(frozen=True)
            class User(Base, metaclass=Meta):
                __tablename__ = "users"
                id: Mapped[int] = mapped_column(primary_key=True)

            users = Table("users", metadata, Column("id", Integer, primary_key=True))

            """)
        guard case .classDef(let c) = parsed.body.first?.kind else {
            Issue.record("class")
            return
        }
        #expect(c.name.name == "User")
        #expect(c.bases.map(\.identifier) == ["Base"])
        #expect(c.keywords.first?.name?.name == "metaclass")
        #expect(c.decorators.count == 1)
        #expect(c.body.count == 2)
        #expect(text(parsed, parsed.body[0].range).hasPrefix("class User"))
    }

    @Test func statementForms() {
        let parsed = parse(
            """
            async def f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:
                global g
                nonlocal n
                del a[0], b.c
                assert x, "m"
                raise E from e
                x += 1
                y: int
                async for i in it: pass
                async with a as (b, c), d: pass
                while x: break
                else: continue
                try: pass
                except* (A, B) as e: pass
                finally: pass
                return await g(*a, **k)
            type Alias[T: int, *Ts, **P] = list[T]
            x = y = lambda q, *, r=1: (yield)

            """)
        let all = parsed.allStatements
        guard case .functionDef(let f) = all.first?.kind else {
            Issue.record("def")
            return
        }
        #expect(f.isAsync)
        #expect(f.parameters.posonly.map(\.name.name) == ["a"])
        #expect(f.parameters.args.map(\.name.name) == ["b"])
        #expect(f.parameters.args.first?.defaultValue != nil)
        #expect(f.parameters.vararg?.name.name == "args")
        #expect(f.parameters.kwonly.map(\.name.name) == ["c", "d"])
        #expect(f.parameters.kwarg?.name.name == "kw")
        let kinds = all.map { stmt -> String in
            switch stmt.kind {
            case .functionDef: return "def"
            case .global: return "global"
            case .nonlocal: return "nonlocal"
            case .delete: return "del"
            case .assert: return "assert"
            case .raise(let exc, let cause): return exc != nil && cause != nil ? "raise from" : "raise"
            case .augAssign(_, let op, _): return op == .add ? "+=" : "aug"
            case .annAssign(_, _, let value, _): return value == nil ? "ann" : "ann="
            case .for(_, _, _, _, let isAsync): return isAsync ? "async for" : "for"
            case .with(let items, _, let isAsync): return "\(isAsync ? "async with" : "with") \(items.count)"
            case .while: return "while"
            case .break: return "break"
            case .continue: return "continue"
            case .try(_, let handlers, _, let finalbody, let isStar):
                return "try\(isStar ? "*" : "") \(handlers.count) \(finalbody.count)"
            case .return(let v): return v == nil ? "return" : "return value"
            case .typeAlias(_, let params, _): return "type \(params.map { $0.kind })"
            case .assign(let targets, _): return "assign \(targets.count)"
            case .pass: return "pass"
            default: return "other"
            }
        }
        #expect(
            kinds == [
                "def", "global", "nonlocal", "del", "assert", "raise from", "+=", "ann", "async for", "pass",
                "async with 2", "pass", "while", "break", "continue", "try* 1 1", "pass", "pass", "pass",
                "return value",
                "type [PythonSyntax.TypeParam.Kind.typeVar, PythonSyntax.TypeParam.Kind.typeVarTuple, PythonSyntax.TypeParam.Kind.paramSpec]",
                "assign 2",
            ])
    }

    @Test func expressionForms() {
        let parsed = parse(
            """
            v = (a := 1, not b, -c, +d, ~e, a or b and c, x if y else z, {1: 2, **m}, {1, *s},
                 {k: v for k, v in d.items() if k}, {s for s in t}, (g for g in h), [*l, 2],
                 a[1:2, ::3], f(x)(y).z, 1_000, 0x_ff, 1.5e3, 2j, ..., True, None, b"\\x00", a @ b ** -c // d)

            """)
        guard case .assign(_, let value) = parsed.body.first?.kind, case .tuple(let elts) = value.kind else {
            Issue.record("tuple")
            return
        }
        func name(_ e: Expr) -> String {
            switch e.kind {
            case .namedExpr: return "walrus"
            case .unaryOp(let op, _): return "\(op)"
            case .boolOp(let op, let values): return "\(op)\(values.count)"
            case .ifExp: return "ifexp"
            case .dict(let keys, _): return "dict \(keys.map { $0 == nil })"
            case .set: return "set"
            case .dictComp(_, _, let gens): return "dictcomp \(gens.first?.ifs.count ?? -1)"
            case .setComp: return "setcomp"
            case .generatorExp: return "genexp"
            case .list(let items): return "list \(items.count)"
            case .subscript(_, let slice): return "subscript \(slice.text)"
            case .attribute(let value, let attr): return "attr \(attr.name) of \(value.text)"
            case .constant(let c):
                switch c {
                case .int(let t): return "int \(t)"
                case .float(let t): return "float \(t)"
                case .complex(let t): return "complex \(t)"
                case .ellipsis: return "..."
                case .bool(let b): return "\(b)"
                case .none: return "None"
                case .bytes(let b): return "bytes \(b.bytesValue)"
                case .string(let s): return "str \(s.value)"
                }
            case .binOp(_, let op, _): return "binop \(op)"
            default: return "other"
            }
        }
        #expect(
            elts.map(name) == [
                "walrus", "not", "uSub", "uAdd", "invert", "or2", "ifexp", "dict [false, true]", "set", "dictcomp 1",
                "setcomp", "genexp", "list 2", "subscript 1:2, ::3", "attr z of f(x)(y)", "int 1_000", "int 0x_ff",
                "float 1.5e3", "complex 2j", "...", "true", "None", "bytes [0]", "binop floorDiv",
            ])
    }

    @Test func fStringsAndStringDecoding() {
        let parsed = parse(
            #"""
            a = f"x{y!r:>{w}}z" "tail" f'{"nested" + f"{q=}"}'
            b = 'caf\xe9 \N{BULLET} \u00e9\t' r'\d' '''multi
            line'''
            c = "\r\n"

            """#)
        let values = parsed.body.map { stmt -> Expr? in
            if case .assign(_, let v) = stmt.kind { return v }
            return nil
        }
        guard case .joinedStr(let parts)? = values[0]?.kind else {
            Issue.record("joined")
            return
        }
        #expect(parts.count == 4)
        if case .formattedValue(let value, let conversion, let spec) = parts[1].kind {
            #expect(value.identifier == "y")
            #expect(conversion == "r")
            #expect(spec != nil)
        } else {
            Issue.record("formatted")
        }
        #expect(parts[2].stringValue == "ztail")
        #expect(values[1]?.stringValue == "caf\u{e9} \u{2022} \u{e9}\t\\dmulti\nline")
        #expect(values[2]?.stringValue == "\r\n")
    }

    @Test func matchStatement() {
        let parsed = parse(
            """
            match command.split():
                case [action, *rest] if rest:
                    pass
                case Point(x=0, y=0) | {"k": 1, **others} | -1 | None | _:
                    pass
                case (a, b) as pair:
                    pass

            """)
        guard case .match(let subject, let cases) = parsed.body.first?.kind else {
            Issue.record("match")
            return
        }
        #expect(subject.text == "command.split()")
        #expect(cases.count == 3)
        #expect(cases[0].guardExpr?.identifier == "rest")
        guard case .sequence(let items) = cases[0].pattern.kind else {
            Issue.record("sequence")
            return
        }
        #expect(items.count == 2)
        guard case .or(let alternatives) = cases[1].pattern.kind else {
            Issue.record("or")
            return
        }
        #expect(alternatives.count == 5)
        guard case .as(let inner, let name) = cases[2].pattern.kind else {
            Issue.record("as")
            return
        }
        #expect(name?.name == "pair")
        #expect(inner != nil)
    }

    @Test func softKeywordsAsNames() {
        let parsed = parse("match = 1\ntype = 2\ncase = match(type)\n_ = [match, type]\nprint(match.x)\n")
        #expect(parsed.body.count == 5)
        for stmt in parsed.body {
            switch stmt.kind {
            case .assign, .expr: break
            default: Issue.record("unexpected \(stmt.text)")
            }
        }
    }

    @Test func errorsAreRecoveredPerStatement() {
        let parsed = parseModule(Array("x = (1 +\ny = 2\ndef f(:\n    pass\nz = 3\n".utf8))
        #expect(!parsed.errors.isEmpty)
        let broken = parseModule(Array("a = 1\nb = = 2\nc = 3\nif x\n    d = 4\ne = 5\n".utf8))
        #expect(broken.errors.count == 2)
        let names = broken.allStatements.compactMap { stmt -> String? in
            if case .assign(let targets, _) = stmt.kind { return targets.first?.identifier }
            return nil
        }
        // The broken assignment is kept with what could be parsed (an invalid value).
        #expect(names == ["a", "b", "c", "d", "e"])
    }

    @Test func crlfBomAndLoneCR() {
        let parsed = parseModule([0xEF, 0xBB, 0xBF] + Array("x = 1\r\nif x:\r    y = 'a'\r\n".utf8))
        #expect(parsed.errors.isEmpty)
        #expect(parsed.allStatements.count == 3)
        #expect(parsed.body.first?.range == ByteRange(start: 3, end: 8))
    }
}

@Suite struct TraversalTests {
    @Test func findsEveryCallInsideNestedStatements() {
        let parsed = parseModule(
            Array(
                """
                def upgrade():
                    if not has("t"):
                        with op.batch_alter_table("t") as b:
                            b.add_column(sa.Column("x", sa.Integer(), server_default=sa.text("0")))

                """.utf8))
        var calls: [String] = []
        for stmt in parsed.allStatements {
            for e in stmt.childExpressions.flatMap(\.descendantsAndSelf) {
                if case .call(let function, _, _) = e.kind { calls.append(function.text) }
            }
        }
        #expect(calls == ["has", "op.batch_alter_table", "b.add_column", "sa.Column", "sa.Integer", "sa.text"])
    }
}
