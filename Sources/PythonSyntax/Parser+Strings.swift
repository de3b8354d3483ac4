/// String literals: implicit concatenation, bytes, and f-strings (PEP 701 tokens).
extension Parser {
    /// Prefix flags of the string token `t` (raw, bytes, f).
    func prefixFlags(_ t: Int) -> (raw: Bool, bytes: Bool, f: Bool) {
        var k = Int(starts[t])
        let e = Int(ends[t])
        var raw = false
        var bytes = false
        var f = false
        while k < e {
            let c = src[k] | 0x20
            if c == UInt8(ascii: "r") {
                raw = true
            } else if c == UInt8(ascii: "b") {
                bytes = true
            } else if c == UInt8(ascii: "f") {
                f = true
            } else if c != UInt8(ascii: "u") {
                break
            }
            k += 1
        }
        return (raw, bytes, f)
    }

    mutating func parseStrings() -> Int32 {
        let s = tokStart
        // Fast path: only plain string tokens.
        var j = pos
        var hasF = false
        while j < kinds.count && (kinds[j] == .string || kinds[j] == .fstringStart) {
            if kinds[j] == .fstringStart {
                hasF = true
                break
            }
            j += 1
        }
        if !hasF {
            let mark = scratch.count
            var sawBytes = false
            var sawText = false
            while kind == .string {
                let flags = prefixFlags(pos)
                if flags.bytes { sawBytes = true } else { sawText = true }
                if !stringIssues.isEmpty, let issue = stringIssues[Int32(truncatingIfNeeded: pos)] {
                    error(issue, start: tokStart, end: Int(ends[pos]))
                }
                var flag: UInt8 = 0
                if flags.raw { flag |= StringPart.rawFlag }
                if flags.bytes { flag |= StringPart.bytesFlag }
                scratch.append(add(.stringPart, flag, tokStart, Int(ends[pos])))
                advance()
            }
            if sawBytes && sawText {
                error("cannot mix bytes and nonbytes literals", start: tokStart, end: Int(ends[pos]))
            }
            let tag: ConstantTag = sawBytes && !sawText ? .bytes : .string
            return add(.constant, tag.rawValue, s, lastEnd, makeList(mark))
        }
        // f-strings: a JoinedStr of constants and formatted values.
        var values: [Int32] = []
        var allParts: [Int32] = []
        var pending: [Int32] = []
        var sawBytes = false
        func flushPending(_ p: inout Parser, _ pending: inout [Int32], _ values: inout [Int32]) {
            if pending.isEmpty { return }
            let first = p.nodes[Int(pending[0])]
            let last = p.nodes[Int(pending[pending.count - 1])]
            let mark = p.scratch.count
            p.scratch.append(contentsOf: pending)
            let list = p.makeList(mark)
            values.append(p.add(.constant, ConstantTag.string.rawValue, Int(first.start), Int(last.end), list))
            pending.removeAll(keepingCapacity: true)
        }
        while kind == .string || kind == .fstringStart {
            let flags = prefixFlags(pos)
            if kind == .string {
                if flags.bytes { sawBytes = true }
                if !stringIssues.isEmpty, let issue = stringIssues[Int32(truncatingIfNeeded: pos)] {
                    error(issue, start: tokStart, end: Int(ends[pos]))
                }
                var flag: UInt8 = flags.raw ? StringPart.rawFlag : 0
                if flags.bytes { flag |= StringPart.bytesFlag }
                let part = add(.stringPart, flag, tokStart, Int(ends[pos]))
                allParts.append(part)
                if !isEmptyLiteral(pos) { pending.append(part) }
                advance()
                continue
            }
            let fstart = tokStart
            advance()
            let rawFlag: UInt8 = flags.raw ? StringPart.rawFlag : 0
            while !stmtFailed {
                if kind == .fstringMiddle {
                    pending.append(add(.stringPart, rawFlag | StringPart.middleFlag, tokStart, Int(ends[pos])))
                    advance()
                } else if kind == .lbrace {
                    flushPending(&self, &pending, &values)
                    parseFormattedValue(raw: flags.raw, into: &values)
                } else {
                    break
                }
            }
            if kind == .fstringEnd {
                advance()
            } else if !stmtFailed {
                syntaxError()
                // Recover: skip to the end of this f-string.
                while kind != .fstringEnd && kind != .newline && kind != .endMarker && kind != .eofInBrackets {
                    advance()
                }
                _ = eat(.fstringEnd)
            }
            allParts.append(add(.stringPart, rawFlag, fstart, lastEnd))
        }
        if sawBytes { error("cannot mix bytes and nonbytes literals", start: tokStart, end: Int(ends[pos])) }
        flushPending(&self, &pending, &values)
        let vMark = scratch.count
        scratch.append(contentsOf: values)
        let vList = makeList(vMark)
        let pMark = scratch.count
        scratch.append(contentsOf: allParts)
        let pList = makeList(pMark)
        return add(.joinedStr, 0, s, lastEnd, vList, pList)
    }

    /// True for `''` / `""` (empty plain literals are dropped from a JoinedStr, as in CPython).
    func isEmptyLiteral(_ t: Int) -> Bool {
        var k = Int(starts[t])
        let e = Int(ends[t])
        while k < e && src[k] != 0x22 && src[k] != 0x27 { k += 1 }
        return e - k == 2
    }

    /// `{ expr [=] [!conv] [:spec] }` of an f-string, appended to `values`.
    mutating func parseFormattedValue(raw: Bool, into values: inout [Int32]) {
        let s = tokStart
        advance()  // {
        bracketDepth += 1
        defer { bracketDepth -= 1 }
        if kind == .rbrace || kind == .colon || kind == .exclamation || kind == .equal {
            error(
                "f-string: valid expression required before '\(tokenText(pos))'", start: tokStart, end: Int(ends[pos]))
            return
        }
        let exprStart = tokStart
        let value = kind == .kwYield ? parseYield() : parseStarExpressions()
        if stmtFailed { return }
        var conversion: Int32 = -1
        var debug = false
        if kind == .equal {
            debug = true
            advance()
            // The debug text becomes a constant before the value.
            let part = add(.stringPart, StringPart.rawFlag | StringPart.middleFlag, s + 1, lastEnd)
            let mark = scratch.count
            scratch.append(part)
            values.append(add(.constant, ConstantTag.string.rawValue, exprStart, lastEnd, makeList(mark)))
        }
        if kind == .exclamation {
            advance()
            if kind == .name {
                let t = tokenText(pos)
                if t == "s" || t == "r" || t == "a", Int(starts[pos]) == lastEnd {
                    conversion = Int32(src[Int(starts[pos])])
                    advance()
                } else {
                    error(
                        "f-string: invalid conversion character '\(t)': expected 's', 'r', or 'a'", start: tokStart,
                        end: Int(ends[pos]))
                    return
                }
            } else {
                error("f-string: missing conversion character", start: tokStart, end: Int(ends[pos]))
                return
            }
        }
        var spec: Int32 = -1
        if kind == .colon {
            let specStart = Int(ends[pos])
            advance()
            var specValues: [Int32] = []
            var pending: [Int32] = []
            while !stmtFailed {
                if kind == .fstringMiddle {
                    pending.append(
                        add(
                            .stringPart, (raw ? StringPart.rawFlag : 0) | StringPart.middleFlag, tokStart,
                            Int(ends[pos])))
                    advance()
                } else if kind == .lbrace {
                    if !pending.isEmpty {
                        specValues.append(constantFrom(pending))
                        pending.removeAll()
                    }
                    parseFormattedValue(raw: raw, into: &specValues)
                } else {
                    break
                }
            }
            if !pending.isEmpty { specValues.append(constantFrom(pending)) }
            let mark = scratch.count
            scratch.append(contentsOf: specValues)
            spec = add(.joinedStr, 0, specStart, max(specStart, tokStart), makeList(mark), 0)
        }
        if !stmtFailed && kind != .rbrace {
            if canStartExpression(kind) && spec < 0 {
                forgotCommaError(value, startTok: -1)
            } else {
                error("f-string: expecting '}'", start: tokStart, end: Int(ends[pos]))
            }
            return
        }
        advance()
        if debug && conversion < 0 && spec < 0 { conversion = Int32(UInt8(ascii: "r")) }
        values.append(add(.formattedValue, 0, s, lastEnd, value, conversion, spec))
    }

    mutating func constantFrom(_ parts: [Int32]) -> Int32 {
        let first = nodes[Int(parts[0])]
        let last = nodes[Int(parts[parts.count - 1])]
        let mark = scratch.count
        scratch.append(contentsOf: parts)
        return add(.constant, ConstantTag.string.rawValue, Int(first.start), Int(last.end), makeList(mark))
    }
}
