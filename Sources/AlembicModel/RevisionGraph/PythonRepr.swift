/// Small re-implementations of the Python behaviours that alembic's revision code leans on:
/// `repr()` of strings and tuples, plain `sorted()` of strings, `int()` parsing and the
/// `_relative_destination` regular expression. Internal to the revision graph.
enum PythonRepr {
    /// Python's `sorted()` on strings: code point order, which is UTF-8 byte order.
    static func sorted(_ values: some Sequence<String>) -> [String] {
        values.sorted(by: less)
    }

    /// Python's `<` on two strings (code point order).
    static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// Number of code points, i.e. Python's `len(str)`.
    static func length(_ value: String) -> Int {
        value.unicodeScalars.count
    }

    /// `repr(str)` as Python 3 prints it.
    static func repr(_ value: String) -> String {
        let hasSingle = value.unicodeScalars.contains("'")
        let hasDouble = value.unicodeScalars.contains("\"")
        let quote: Unicode.Scalar = (hasSingle && !hasDouble) ? "\"" : "'"
        var out = String(quote)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += hexEscape(scalar.value)
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    /// `str(tuple_of_strings)`, e.g. `('a',)` or `('a', 'b')`.
    static func tupleRepr(_ values: [String]) -> String {
        if values.count == 1 { return "(" + repr(values[0]) + ",)" }
        return "(" + values.map(repr).joined(separator: ", ") + ")"
    }

    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        if value < 0x100 { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if value < 0x10000 { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `str.isprintable()` for one code point (space is printable, other separators are not).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// Python's `\w` in a `str` pattern: alphanumerics (Unicode) and `_`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Python's `\d` in a `str` pattern (and the digits `int()` accepts): category Nd.
    static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.properties.generalCategory == .decimalNumber,
              let value = scalar.properties.numericValue, value >= 0, value <= 9
        else { return nil }
        return Int(value)
    }

    /// Python's `str.isspace()` for one code point.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x1F, 0x20, 0x85, 0xA0: return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}

/// The result of Python's `int(text)`, kept exact enough for alembic's messages: the sign, the
/// decimal magnitude as printed by `%d`, and a value saturated to `Int`.
struct PythonInt: Hashable {
    /// True for a value below zero.
    var isNegative: Bool
    /// `abs(value)` printed in decimal, without leading zeros.
    var magnitude: String
    /// The value, saturated to the `Int` range.
    var value: Int

    /// `str(value)`.
    var text: String { isNegative ? "-" + magnitude : magnitude }

    /// `int(text)`, or nil where Python raises `ValueError`.
    init?(parsing text: String) {
        var scalars = Array(text.unicodeScalars)
        while let first = scalars.first, PythonRepr.isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, PythonRepr.isSpace(last) { scalars.removeLast() }
        var negative = false
        var index = 0
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            negative = scalars[index] == "-"
            index += 1
        }
        var digits: [Int] = []
        var lastWasDigit = false
        while index < scalars.count {
            let scalar = scalars[index]
            if let digit = PythonRepr.decimalValue(scalar) {
                digits.append(digit)
                lastWasDigit = true
            } else if scalar == "_", lastWasDigit, index + 1 < scalars.count,
                      PythonRepr.decimalValue(scalars[index + 1]) != nil {
                lastWasDigit = false
            } else {
                return nil
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        while digits.count > 1, digits[0] == 0 { digits.removeFirst() }
        var saturated = 0
        var overflow = false
        for digit in digits where !overflow {
            let (times, o1) = saturated.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true } else { saturated = plus }
        }
        let isZero = digits == [0]
        self.isNegative = negative && !isZero
        self.magnitude = digits.map(String.init).joined()
        if overflow {
            self.value = self.isNegative ? Int.min : Int.max
        } else {
            self.value = self.isNegative ? -saturated : saturated
        }
    }
}

/// A match of alembic's `_relative_destination = re.compile(r"(?:(.+?)@)?(\w+)?((?:\+|-)\d+)")`
/// with `re.match` semantics (anchored at the start, not at the end).
struct RelativeDestination: Hashable {
    /// Group 1: the branch label before `@`, if any.
    var branchLabel: String?
    /// Group 2: the symbol (word characters) before the sign, if any.
    var symbol: String?
    /// Group 3: the signed number as written, e.g. `+2` or `-05`.
    var relative: String

    /// Matches `text`, or nil when the pattern does not match.
    init?(matching text: String) {
        let scalars = Array(text.unicodeScalars)
        // The optional label group is tried first, with a lazily growing `.+?`.
        var position = 1
        while position < scalars.count {
            if scalars[position - 1] == "\n" { break }
            if scalars[position] == "@",
               let rest = RelativeDestination.matchTail(scalars, from: position + 1) {
                self.branchLabel = String(String.UnicodeScalarView(scalars[0..<position]))
                self.symbol = rest.symbol
                self.relative = rest.relative
                return
            }
            position += 1
        }
        guard let rest = RelativeDestination.matchTail(scalars, from: 0) else { return nil }
        self.branchLabel = nil
        self.symbol = rest.symbol
        self.relative = rest.relative
    }

    /// `(\w+)?((?:\+|-)\d+)` at `start`, with greedy backtracking on the word run.
    private static func matchTail(
        _ scalars: [Unicode.Scalar], from start: Int
    ) -> (symbol: String?, relative: String)? {
        var wordEnd = start
        while wordEnd < scalars.count, PythonRepr.isWordScalar(scalars[wordEnd]) { wordEnd += 1 }
        var end = wordEnd
        while end >= start {
            if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" {
                var digitEnd = end + 1
                while digitEnd < scalars.count, PythonRepr.decimalValue(scalars[digitEnd]) != nil {
                    digitEnd += 1
                }
                if digitEnd > end + 1 {
                    let symbol = end > start
                        ? String(String.UnicodeScalarView(scalars[start..<end])) : nil
                    let relative = String(String.UnicodeScalarView(scalars[end..<digitEnd]))
                    return (symbol, relative)
                }
            }
            end -= 1
        }
        return nil
    }
}
