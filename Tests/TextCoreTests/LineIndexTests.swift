import Testing
@testable import TextCore

@Suite struct LineIndexTests {
    @Test func lineBreaksOfEveryKind() {
        let index = LineIndex("a\nb\r\nc\rd")
        #expect(index.lineStarts == [0, 2, 5, 7])
        #expect(index.position(of: 5) == LineColumn(line: 2, column: 0))
        #expect(index.lineRange(1) == ByteRange(start: 2, end: 3))
    }

    @Test func utf16ColumnsOnNonASCIILines() {
        // "é" is 2 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 UTF-16 units / 1 scalar.
        let text = "x = 'é😀z'\n"
        let index = LineIndex(text)
        let zOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "z")) ?? -1
        #expect(index.position(of: zOffset, encoding: .utf8).column == 11)
        #expect(index.position(of: zOffset, encoding: .utf16).column == 8)
        #expect(index.position(of: zOffset, encoding: .utf32).column == 7)
        #expect(index.offset(of: LineColumn(line: 0, column: 8), encoding: .utf16) == zOffset)
        #expect(index.offset(of: LineColumn(line: 0, column: 7), encoding: .utf32) == zOffset)
    }

    @Test func clampsBadPositions() {
        let index = LineIndex("ab\ncd")
        #expect(index.offset(of: LineColumn(line: 9, column: 0)) == 5)
        #expect(index.offset(of: LineColumn(line: 0, column: 99)) == 2)
        #expect(index.offset(of: LineColumn(line: -1, column: 3)) == 0)
        #expect(index.position(of: 999) == LineColumn(line: 1, column: 2))
        // A UTF-16 column inside a surrogate pair lands before the character.
        let emoji = LineIndex("😀x")
        #expect(emoji.offset(of: LineColumn(line: 0, column: 1), encoding: .utf16) == 0)
    }

    @Test func appliesEdits() {
        let bytes = Array("hello world".utf8)
        let edits = [TextEdit(range: ByteRange(start: 6, end: 11), newText: "there"), .insert(">", at: 0)]
        #expect(TextEdit.apply(edits, to: bytes).map { String(decoding: $0, as: UTF8.self) } == ">hello there")
        #expect(TextEdit.apply([TextEdit(range: ByteRange(start: 0, end: 5), newText: ""),
                                TextEdit(range: ByteRange(start: 3, end: 6), newText: "")], to: bytes) == nil)
    }
}
