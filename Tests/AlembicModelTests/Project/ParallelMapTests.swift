import AlembicModel
import Testing

/// `ParallelMap` keeps order and survives many concurrent writers of reference-counted values
/// (an `Array`-backed version raced on its uniqueness check and crashed under load).
@Suite struct ParallelMapTests {
    @Test func manyRunsOfHeapValuesKeepOrder() {
        let expected = (0 ..< 20_000).map { "value \($0)" }
        for _ in 0 ..< 40 {
            let mapped = ParallelMap.map(0 ..< 20_000, serialBelow: 2) { "value \($0)" }
            #expect(mapped == expected)
        }
    }

    @Test func smallInputsRunSerially() {
        #expect(ParallelMap.map(3 ..< 6) { $0 * 2 } == [6, 8, 10])
        #expect(ParallelMap.map(0 ..< 0) { $0 }.isEmpty)
    }
}
