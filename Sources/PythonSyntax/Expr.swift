import TextCore

/// An expression of the syntax tree. Switch over ``kind``; ``range`` is CPython's extent
/// (parentheses around the whole expression are not part of it, except for tuples and
/// generator expressions that own them).
public struct Expr: SyntaxNode {
    public let tree: SyntaxTree
    public let index: Int32

    public init(tree: SyntaxTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// The expression, decoded.
    public var kind: ExprKind {
        let r = raw
        switch r.tag {
        case .boolOp: return .boolOp(op: r.flag == 0 ? .and : .or, values: list(r.a))
        case .namedExpr: return .namedExpr(target: node(r.a), value: node(r.b))
        case .binOp: return .binOp(left: node(r.a), op: BinaryOperator(rawValue: r.flag) ?? .add, right: node(r.b))
        case .unaryOp: return .unaryOp(op: UnaryOperator(rawValue: r.flag) ?? .not, operand: node(r.a))
        case .lambda: return .lambda(parameters: node(r.a), body: node(r.b))
        case .ifExp: return .ifExp(test: node(r.a), body: node(r.b), orelse: node(r.c))
        case .dict:
            let keys = dictKeys(r.a)
            return .dict(keys: keys, values: list(r.b))
        case .set: return .set(list(r.a))
        case .listComp: return .listComp(elt: node(r.a), generators: list(r.b))
        case .setComp: return .setComp(elt: node(r.a), generators: list(r.b))
        case .generatorExp: return .generatorExp(elt: node(r.a), generators: list(r.b))
        case .dictComp: return .dictComp(key: node(r.a), value: node(r.b), generators: list(r.c))
        case .await: return .await(node(r.a))
        case .yield: return .yield(optional(r.a))
        case .yieldFrom: return .yieldFrom(node(r.a))
        case .compare:
            var ops: [CompareOperator] = []
            let base = Int(r.b)
            if base > 0 {
                let count = Int(tree.extra[base])
                for k in 0..<count {
                    ops.append(CompareOperator(rawValue: UInt8(truncatingIfNeeded: tree.extra[base + 1 + k])) ?? .eq)
                }
            }
            return .compare(left: node(r.a), ops: ops, comparators: list(r.c))
        case .call: return .call(function: node(r.a), args: list(r.b), keywords: list(r.c))
        case .formattedValue:
            let conversion: Character? = r.b < 0 ? nil : Character(Unicode.Scalar(UInt8(truncatingIfNeeded: r.b)))
            return .formattedValue(value: node(r.a), conversion: conversion, formatSpec: optional(r.c))
        case .joinedStr: return .joinedStr(list(r.a))
        case .constant: return .constant(constant(r))
        case .attribute: return .attribute(value: node(r.a), attr: node(r.b))
        case .`subscript`: return .`subscript`(value: node(r.a), slice: node(r.b))
        case .starred: return .starred(node(r.a))
        case .name: return .name(Identifier(tree: tree, index: index))
        case .list: return .list(list(r.a))
        case .tuple: return .tuple(list(r.a))
        case .slice: return .slice(lower: optional(r.a), upper: optional(r.b), step: optional(r.c))
        default: return .invalid
        }
    }

    private func dictKeys(_ field: Int32) -> [Expr?] {
        let base = Int(field)
        if base <= 0 { return [] }
        let count = Int(tree.extra[base])
        return (0..<count).map { k in
            let v = tree.extra[base + 1 + k]
            return v < 0 ? nil : Expr(tree: tree, index: v)
        }
    }

    private func constant(_ r: RawNode) -> Constant {
        switch ConstantTag(rawValue: r.flag) ?? ConstantTag.none {
        case .string: return .string(StringLiteral(tree: tree, index: index))
        case .bytes: return .bytes(StringLiteral(tree: tree, index: index))
        case .int: return .int(text)
        case .float: return .float(text)
        case .complex: return .complex(text)
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .none: return .none
        case .ellipsis: return .ellipsis
        }
    }

    /// The string value when this is a string constant (implicit concatenation joined).
    public var stringValue: String? {
        if case .constant(.string(let s)) = kind { return s.value }
        return nil
    }

    /// The identifier when this is a plain name.
    public var identifier: String? {
        if case .name(let id) = kind { return id.name }
        return nil
    }

    /// Dotted name of a `Name` / `Attribute` chain (`sa.Column` gives "sa.Column"), else nil.
    public var dottedName: String? {
        switch kind {
        case .name(let id): return id.name
        case .attribute(let value, let attr): return value.dottedName.map { $0 + "." + attr.name }
        default: return nil
        }
    }
}

/// The expression forms of Python 3.13 (the `ast.expr` classes).
public enum ExprKind: Sendable {
    case boolOp(op: BoolOperator, values: NodeList<Expr>)
    /// `target := value`.
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: BinaryOperator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(parameters: Parameters, body: Expr)
    /// `body if test else orelse`.
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i]` is nil for a `**mapping` entry.
    case dict(keys: [Expr?], values: NodeList<Expr>)
    case set(NodeList<Expr>)
    case listComp(elt: Expr, generators: NodeList<Comprehension>)
    case setComp(elt: Expr, generators: NodeList<Comprehension>)
    case dictComp(key: Expr, value: Expr, generators: NodeList<Comprehension>)
    case generatorExp(elt: Expr, generators: NodeList<Comprehension>)
    case await(Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
    case compare(left: Expr, ops: [CompareOperator], comparators: NodeList<Expr>)
    /// Positional arguments (including `*args`, as ``ExprKind/starred(_:)``) and keywords
    /// (including `**kwargs`, as a keyword without a name).
    case call(function: Expr, args: NodeList<Expr>, keywords: NodeList<Keyword>)
    /// A replacement field of an f-string; `conversion` is `s`, `r` or `a`.
    case formattedValue(value: Expr, conversion: Character?, formatSpec: Expr?)
    /// An f-string (possibly concatenated with plain strings): constants and formatted values.
    case joinedStr(NodeList<Expr>)
    case constant(Constant)
    case attribute(value: Expr, attr: Identifier)
    case `subscript`(value: Expr, slice: Expr)
    case starred(Expr)
    case name(Identifier)
    case list(NodeList<Expr>)
    case tuple(NodeList<Expr>)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// A place where the parser expected an expression and recovered from an error.
    case invalid
}

/// A literal value. Numbers keep their source text (`"0x_ff"`, `"1e3"`, `"2j"`).
public enum Constant: Sendable {
    case string(StringLiteral)
    case bytes(StringLiteral)
    case int(String)
    case float(String)
    case complex(String)
    case bool(Bool)
    case none
    case ellipsis
}

enum ConstantTag: UInt8 {
    case string, bytes, int, float, complex, `true`, `false`, none, ellipsis
}

/// `and` / `or`.
public enum BoolOperator: UInt8, Sendable {
    case and, or
}

/// Binary operators (also used by augmented assignment).
public enum BinaryOperator: UInt8, Sendable {
    case add, sub, mult, matMult, div, mod, pow, lShift, rShift, bitOr, bitXor, bitAnd, floorDiv
}

/// `not`, `~`, `+`, `-`.
public enum UnaryOperator: UInt8, Sendable {
    case not, invert, uAdd, uSub
}

/// Comparison operators, including `in`, `not in`, `is`, `is not`.
public enum CompareOperator: UInt8, Sendable {
    case eq, notEq, lt, ltE, gt, gtE, `is`, isNot, `in`, notIn
}
