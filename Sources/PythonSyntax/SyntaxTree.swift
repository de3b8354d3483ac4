import TextCore

/// The syntax tree of one Python file, stored as a flat arena.
///
/// Design (Zig / rust-analyzer style): every node is one fixed-size ``RawNode`` in `nodes`
/// (a tag, a small flag, its byte range and up to six `Int32` fields); child lists live in
/// `extra` as a count followed by node indices. Parsing therefore allocates a few growing
/// arrays, not one object per node. Consumers never see the arena: they walk typed *views*
/// (``Stmt``, ``Expr``, ``Pattern`` and the component views such as ``Keyword``), which are
/// a tree reference plus an index and decode their node on demand into Swift enums made for
/// pattern matching:
///
/// ```swift
/// for stmt in parsed.body {
///     if case .assign(let targets, let value) = stmt.kind,
///        case .name(let id)? = targets.first?.kind, id.name == "revision",
///        case .constant(.string(let s)) = value.kind {
///         print(s.value, s.parts.map(\.range))
///     }
/// }
/// ```
///
/// Ranges follow CPython's `ast` node extents (`lineno`, `col_offset`, `end_lineno`,
/// `end_col_offset`) expressed as half-open UTF-8 byte ranges of the original bytes.
public final class SyntaxTree: @unchecked Sendable {
    /// The file's bytes, as parsed (string values and names are decoded from them lazily).
    public let source: [UInt8]
    /// The arena; owned by this tree, immutable after construction, freed on deinit.
    let nodes: UnsafeBufferPointer<RawNode>
    let extra: UnsafeBufferPointer<Int32>
    let moduleBody: Int32
    /// False when a coding declaration names another encoding: string values then decode
    /// bytes >= 0x80 as Latin-1.
    let sourceIsUTF8: Bool

    /// Takes ownership of the parser's arena buffers.
    init(source: [UInt8], nodes: RawStorage<RawNode>, extra: RawStorage<Int32>, moduleBody: Int32, sourceIsUTF8: Bool) {
        self.source = source
        self.nodes = nodes.buffer
        self.extra = extra.buffer
        self.moduleBody = moduleBody
        self.sourceIsUTF8 = sourceIsUTF8
    }

    deinit {
        nodes.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        extra.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
    }

    /// The module's top-level statements.
    public var body: NodeList<Stmt> { NodeList(tree: self, list: moduleBody) }

    @inline(__always)
    func range(_ index: Int32) -> ByteRange {
        let node = nodes[Int(index)]
        return ByteRange(start: Int(node.start), end: Int(node.end))
    }

    /// Text of a byte range of the source.
    func text(_ range: ByteRange) -> String {
        let lo = min(max(range.start, 0), source.count)
        let hi = min(max(range.end, lo), source.count)
        return String(decoding: source[lo..<hi], as: UTF8.self)
    }
}

/// One arena slot. Field meaning depends on `tag` (see ``NodeTag``); `-1` marks an absent
/// optional child; list fields are indices into `extra` (0 is the shared empty list).
struct RawNode: Sendable {
    var tag: NodeTag
    var flag: UInt8
    var start: Int32
    var end: Int32
    var a: Int32
    var b: Int32
    var c: Int32
    var d: Int32
    var e: Int32
    var f: Int32
}

/// Node tags and the layout of their fields (`[x]` is a list, `x?` optional, `flag` the byte).
enum NodeTag: UInt8, Sendable {
    // Statements.
    /// a name(identifier) b parameters c [body] d [decorators] e returns? f [typeParams]; flag 1 = async
    case functionDef
    case classDef  // a name b [bases] c [keywords] d [body] e [decorators] f [typeParams]
    case returnStmt  // a value?
    case delete  // a [targets]
    case assign  // a [targets] b value
    case typeAlias  // a name(expr) b [typeParams] c value
    case augAssign  // a target b value; flag BinaryOperator
    case annAssign  // a target b annotation c value?; flag 1 = simple
    case forStmt  // a target b iter c [body] d [orelse]; flag 1 = async
    case whileStmt  // a test b [body] c [orelse]
    case ifStmt  // a test b [body] c [orelse]
    case with  // a [withItems] b [body]; flag 1 = async
    case match  // a subject b [matchCases]
    case raise  // a exc? b cause?
    case tryStmt  // a [body] b [handlers] c [orelse] d [finalbody]; flag 1 = except*
    case assert  // a test b msg?
    case importStmt  // a [aliases]
    case importFrom  // a module(identifier)? b [aliases] c level
    case global  // a [identifiers]
    case nonlocal  // a [identifiers]
    case exprStmt  // a value
    case pass, breakStmt, continueStmt
    case invalidStmt
    // Expressions.
    case boolOp  // a [values]; flag BoolOperator
    case namedExpr  // a target b value
    case binOp  // a left b right; flag BinaryOperator
    case unaryOp  // a operand; flag UnaryOperator
    case lambda  // a parameters b body
    case ifExp  // a test b body c orelse
    case dict  // a [keys, -1 for **] b [values]
    case set  // a [elts]
    case listComp, setComp, generatorExp  // a elt b [comprehensions]
    case dictComp  // a key b value c [comprehensions]
    case await  // a value
    case yield  // a value?
    case yieldFrom  // a value
    case compare  // a left b [ops as raw CompareOperator] c [comparators]
    case call  // a func b [args] c [keywords]
    case formattedValue  // a value b conversion (-1 or the ASCII letter) c formatSpec(joinedStr)?
    case joinedStr  // a [values] b [stringParts]
    case constant  // flag ConstantTag; a [stringParts] for strings and bytes
    case attribute  // a value b attr(identifier)
    case `subscript`  // a value b slice
    case starred  // a value
    case name
    case list, tuple  // a [elts]
    case slice  // a lower? b upper? c step?
    case invalidExpr
    // Patterns.
    case matchValue  // a value
    case matchSingleton  // a constant expr
    case matchSequence  // a [patterns]
    case matchMapping  // a [keys] b [patterns] c rest(identifier)?
    case matchClass  // a cls b [patterns] c [kwdAttrs(identifiers)] d [kwdPatterns]
    case matchStar  // a name(identifier)?
    case matchAs  // a pattern? b name(identifier)?
    case matchOr  // a [patterns]
    // Components.
    case identifier
    case parameters  // a [posonly] b [args] c vararg? d [kwonly] e kwarg?
    case parameter  // a name b annotation? c default?
    case keyword  // a name? b value
    case alias  // a name(identifier, possibly dotted) b asname?
    case withItem  // a contextExpr b optionalVars?
    case exceptHandler  // a type? b name? c [body]
    case matchCase  // a pattern b guard? c [body]
    case comprehension  // a target b iter c [ifs]; flag 1 = async
    case typeParam  // a name b bound? c default?; flag TypeParamKind
    case stringPart  // flag StringPart flags
}
