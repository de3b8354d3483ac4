import Foundation
@testable import LanguageServer
import Testing

/// `$/cancelRequest` while a request runs on its snapshot: exactly one answer, -32800.
@Suite struct CancellationTests {
    @Test func aCancelledRunningRequestAnswersRequestCancelled() throws {
        let client = TestClient()
        try client.start(root: nil)
        let gate = DispatchSemaphore(value: 0)
        client.session.queue.sync {
            client.session.runOnSnapshot(id: .number(5)) { _ in
                gate.wait()
                return JSON.null
            }
        }
        client.notify("$/cancelRequest", .object(["id": .int(5)]))
        client.session.drain()
        gate.signal()
        let response = try client.wait { $0["id"] == .int(5) }
        #expect(response["error"]?["code"] == .int(-32800))
        usleep(50_000)
        #expect(client.messages.filter { $0["id"] == .int(5) }.count == 1)
    }

    @Test func aRequestThatFinishesFirstIsAnsweredNormally() throws {
        let client = TestClient()
        try client.start(root: nil)
        let response = try client.request("workspace/symbol", .object(["query": .string("")]), id: 6)
        client.notify("$/cancelRequest", .object(["id": .int(6)]))
        client.session.drain()
        #expect(response["result"] == .array([]))
        #expect(client.messages.filter { $0["id"] == .int(6) }.count == 1)
    }
}
