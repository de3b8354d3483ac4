import CLibPQ
import CSQLite
import Testing

/// The system libraries link and report their versions (the build environment is right).
@Suite struct LinkTests {
    @Test func sqliteAndLibpqAreLinked() {
        #expect(sqlite3_libversion_number() >= 3_000_000)
        #expect(PQlibVersion() >= 100_000)
    }
}
