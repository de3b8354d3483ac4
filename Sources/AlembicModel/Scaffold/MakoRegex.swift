/// The small part of Python's `re` a template needs for `re.split(r',\s*', names)`: literal
/// characters, `.`, the classes `\s \S \d \D \w \W`, bracket classes with ranges and `^`,
/// and the greedy quantifiers `* + ?`. Groups, alternation, anchors and patterns that can
/// match the empty string are rejected (nil from ``init(_:)``).
struct MakoRegex {
    private enum Atom {
        case scalar(Unicode.Scalar)
        case any
        case set(negated: Bool, items: [ClassItem])
    }

    private enum ClassItem {
        case range(Unicode.Scalar, Unicode.Scalar)
        case space(Bool), digit(Bool), word(Bool)
    }

    private struct Piece {
        var atom: Atom
        var min: Int
        var max: Int
    }

    private let pieces: [Piece]

    /// Compiles `pattern`, or nil when it uses anything outside the supported subset.
    init?(_ pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var pieces: [Piece] = []
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            var atom: Atom
            switch c {
            case "(", ")", "|", "^", "$", "{", "}", "*", "+", "?": return nil
            case ".":
                atom = .any
                k += 1
            case "\\":
                guard k + 1 < scalars.count, let escaped = Self.escape(scalars[k + 1]) else { return nil }
                atom = escaped
                k += 2
            case "[":
                k += 1
                var negated = false
                if k < scalars.count, scalars[k] == "^" {
                    negated = true
                    k += 1
                }
                var items: [ClassItem] = []
                var first = true
                while k < scalars.count, scalars[k] != "]" || first {
                    first = false
                    var low = scalars[k]
                    if low == "\\" {
                        guard k + 1 < scalars.count, let escaped = Self.escape(scalars[k + 1]) else { return nil }
                        k += 2
                        switch escaped {
                        case .scalar(let s): low = s
                        case .set(_, let inner):
                            items += inner
                            continue
                        case .any: return nil
                        }
                    } else {
                        k += 1
                    }
                    if k + 1 < scalars.count, scalars[k] == "-", scalars[k + 1] != "]" {
                        let high = scalars[k + 1]
                        guard high != "\\", low.value <= high.value else { return nil }
                        items.append(.range(low, high))
                        k += 2
                    } else {
                        items.append(.range(low, low))
                    }
                }
                guard k < scalars.count else { return nil }
                k += 1
                atom = .set(negated: negated, items: items)
            default:
                atom = .scalar(c)
                k += 1
            }
            var piece = Piece(atom: atom, min: 1, max: 1)
            if k < scalars.count {
                switch scalars[k] {
                case "*": piece.min = 0; piece.max = Int.max; k += 1
                case "+": piece.max = Int.max; k += 1
                case "?": piece.min = 0; k += 1
                default: break
                }
                if k < scalars.count, "*+?{".unicodeScalars.contains(scalars[k]) { return nil }
            }
            pieces.append(piece)
        }
        guard pieces.contains(where: { $0.min > 0 }) else { return nil }
        self.pieces = pieces
    }

    private static func escape(_ c: Unicode.Scalar) -> Atom? {
        switch c {
        case "s": return .set(negated: false, items: [.space(true)])
        case "S": return .set(negated: false, items: [.space(false)])
        case "d": return .set(negated: false, items: [.digit(true)])
        case "D": return .set(negated: false, items: [.digit(false)])
        case "w": return .set(negated: false, items: [.word(true)])
        case "W": return .set(negated: false, items: [.word(false)])
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        default:
            let isWordChar = PythonRepr.isWordScalar(c)
            return isWordChar ? nil : .scalar(c)
        }
    }

    private func matches(_ atom: Atom, _ c: Unicode.Scalar) -> Bool {
        switch atom {
        case .scalar(let s): return s == c
        case .any: return c != "\n"
        case .set(let negated, let items):
            let hit = items.contains { item in
                switch item {
                case .range(let low, let high): return low.value <= c.value && c.value <= high.value
                case .space(let positive): return PythonRepr.isSpace(c) == positive
                case .digit(let positive): return (PythonRepr.decimalValue(c) != nil) == positive
                case .word(let positive): return PythonRepr.isWordScalar(c) == positive
                }
            }
            return hit != negated
        }
    }

    /// The end of a match starting at `start`, trying longer repetitions first.
    private func match(_ text: [Unicode.Scalar], _ start: Int, piece: Int) -> Int? {
        guard piece < pieces.count else { return start }
        let p = pieces[piece]
        var count = 0
        var end = start
        while count < p.max, end < text.count, matches(p.atom, text[end]) {
            count += 1
            end += 1
        }
        while count >= p.min {
            if let found = match(text, start + count, piece: piece + 1) { return found }
            if count == 0 { break }
            count -= 1
        }
        return nil
    }

    /// `re.split(pattern, text)` (no groups, so only the pieces between matches).
    func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var pieceStart = 0
        var k = 0
        while k < scalars.count {
            if let end = match(scalars, k, piece: 0), end > k {
                parts.append(String(String.UnicodeScalarView(scalars[pieceStart..<k])))
                pieceStart = end
                k = end
            } else {
                k += 1
            }
        }
        parts.append(String(String.UnicodeScalarView(scalars[pieceStart...])))
        return parts
    }
}
