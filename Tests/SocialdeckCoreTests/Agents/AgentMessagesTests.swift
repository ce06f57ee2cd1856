import Foundation
import Synchronization
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Messages between agents (issue #13): each consumed exactly once by consumers on
/// several connections; a consumer that dies hands its message over when its claim
/// lapses; a message that keeps killing its consumer is given up.
@Suite("Agent messages")
struct AgentMessagesTests {
    @Test(arguments: Backend.enabled)
    func consumersOnTwoConnectionsTakeEachMessageOnce(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let messages = AgentMessages(store: p.store, clock: p.clock.closure)
        let count = backend == .sqlite ? 200 : 40
        for i in 0..<count {
            _ = try messages.send(from: .intelligence, to: .strategy, type: "insights", payload: ["n": .int32(Int32(i))], organizationId: p.org._id)
        }
        let stores = [p.store, try backend.otherConnection(to: p.w.base)]
        let seen = Mutex<[ObjectId: Int]>([:])
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let consumer = AgentMessages(store: stores[i % 2], clock: p.clock.closure)
            while let message = try? consumer.claim(for: .strategy, owner: "consumer-\(i)") {
                seen.withLock { $0[message._id, default: 0] += 1 }
                _ = try? consumer.finish(message, owner: "consumer-\(i)")
            }
        }
        #expect(seen.withLock { $0.count } == count)
        #expect(seen.withLock { $0.values.allSatisfy { $0 == 1 } }, "none consumed twice")
        #expect(try p.store.count(AgentMessage.collection.rawValue, .eq("status", AgentMessage.Delivery.done)) == count)
    }

    @Test func aLapsedClaimIsTakenOverAndTheFirstConsumersResultIsRefused() throws {
        let p = try PublishingWorld(.sqlite)
        var messages = AgentMessages(store: p.store, clock: p.clock.closure)
        messages.lease = 60
        _ = try messages.send(from: .analytics, to: .learning, type: "weekly_report", payload: [:], organizationId: p.org._id)
        let first = try #require(try messages.claim(for: .learning, owner: "a"))
        #expect(try messages.claim(for: .learning, owner: "b") == nil, "held while the claim lasts")
        p.clock.advance(by: 61)
        let again = try #require(try messages.claim(for: .learning, owner: "b"))
        #expect(again._id == first._id && again.attempts == 2)
        #expect(try messages.finish(first, owner: "a") == false, "a's claim lapsed; its result does not stand")
        #expect(try messages.finish(again, owner: "b"))
        #expect(try ModelCollection(p.store, AgentMessage.self).get(first._id)?.status == .done)
    }

    @Test func aMessageThatKeepsKillingItsConsumerIsGivenUp() throws {
        let p = try PublishingWorld(.sqlite)
        var messages = AgentMessages(store: p.store, clock: p.clock.closure)
        messages.lease = 10
        let poison = try messages.send(from: .analytics, to: .learning, type: "weekly_report", payload: [:], organizationId: nil)
        for attempt in 1...3 {
            #expect(try messages.claim(for: .learning, owner: "dies-\(attempt)")?._id == poison._id)
            p.clock.advance(by: 11)
        }
        #expect(try messages.claim(for: .learning, owner: "next") == nil)
        let stored = try #require(try ModelCollection(p.store, AgentMessage.self).get(poison._id))
        #expect(stored.status == .failed && stored.error?.contains("given up after 3 claims") == true)
    }

    @Test func aScheduledWorkflowRequestIsClaimedByItsFirstAgent() throws {
        let p = try PublishingWorld(.sqlite)
        try p.scheduler().runOnce()
        p.clock.advance(by: 22 * 3600)
        try p.scheduler().runOnce()
        let request = try #require(try AgentMessages(store: p.store, clock: p.clock.closure).claim(for: .analytics, owner: "orchestrator"))
        #expect(request.type == "scheduled_workflow" && request.payload["workflow"] == .string("analytics"))
    }
}
