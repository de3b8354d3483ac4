import LanguageServer
import Testing

/// Content-Length framing, tolerated headers and recovery from garbage.
@Suite struct FramingTests {
    func frames(_ text: String) -> [MessageFramer.Frame] {
        var framer = MessageFramer()
        framer.append(Array(text.utf8))
        var out: [MessageFramer.Frame] = []
        while let frame = framer.next() { out.append(frame) }
        return out
    }

    @Test func framesMessagesWithAndWithoutContentType() {
        let out = frames("Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n[]")
        #expect(out == [.message(Array("{}".utf8)), .message(Array("[]".utf8))])
    }

    @Test func waitsForTheWholeBody() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: 4\r\n\r\n{}".utf8))
        #expect(framer.next() == nil)
        #expect(framer.pendingByteCount == 23)
        framer.append(Array("  ".utf8))
        #expect(framer.next() == .message(Array("{}  ".utf8)))
    }

    @Test func recoversFromGarbageAndMissingLength() {
        let out = frames("garbage\r\nContent-Length: 2\r\n\r\n{}X-Other: 1\r\n\r\nContent-Length: 1\r\n\r\n1")
        #expect(out.count == 4)
        #expect(out[1] == .message(Array("{}".utf8)))
        #expect(out[3] == .message(Array("1".utf8)))
        if case .error = out[0] {} else { Issue.record("garbage should be an error frame") }
        if case .error = out[2] {} else { Issue.record("a header without Content-Length should be an error frame") }
    }

    @Test func aShortContentLengthLeavesGarbageThatIsSkipped() {
        let out = frames("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}")
        #expect(out.first == .message(Array("{\"a".utf8)))
        #expect(out.last == .message(Array("{}".utf8)))
    }

    @Test func tooLargeOrNegativeLengthsAreRefused() {
        let out = frames("Content-Length: -5\r\n\r\nContent-Length: 2\r\n\r\n{}")
        #expect(out.last == .message(Array("{}".utf8)))
        if case .error = out[0] {} else { Issue.record("a negative length should be an error frame") }
    }
}

/// `file:` URIs with percent-escapes and spaces.
@Suite struct URIPathTests {
    @Test(arguments: [
        ("file:///tmp/a%20b/c.py", "/tmp/a b/c.py"),
        ("file:///tmp/a b/c.py", "/tmp/a b/c.py"),
        ("file://localhost/tmp/x.py", "/tmp/x.py"),
        ("file:///tmp/%C3%A9t%C3%A9.py", "/tmp/été.py"),
        ("file:///tmp/dir/", "/tmp/dir"),
    ])
    func decodes(_ uri: String, _ path: String) {
        #expect(URIPath.path(fromURI: uri) == path)
    }

    @Test func rejectsOtherSchemesAndRoundTrips() {
        #expect(URIPath.path(fromURI: "untitled:Untitled-1") == nil)
        #expect(URIPath.path(fromURI: "") == nil)
        let path = "/tmp/with space/été#1.py"
        #expect(URIPath.uri(fromPath: path) == "file:///tmp/with%20space/%C3%A9t%C3%A9%231.py")
        #expect(URIPath.path(fromURI: URIPath.uri(fromPath: path)) == path)
    }
}
