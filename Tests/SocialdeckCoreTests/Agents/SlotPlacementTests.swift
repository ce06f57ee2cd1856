import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The execution agent (issue #13): approved posts without a time go into the best free
/// slots of the posting schedule, one an hour per platform and no more a day than the
/// platform's frequency, through the calendar's audited move.
@Suite("Placing approved posts")
struct SlotPlacementTests {
    let utc = TimeZone(identifier: "UTC")!

    func approvedUnscheduled(_ p: PublishingWorld, _ title: String, on platform: Platform) throws -> Content {
        let draft = PostDraft(text: "Text of \(title)", platforms: [platform], intent: .forApproval)
        let post = try p.w.workflow.compose(draft, by: identity(of: p.manager))
        _ = try p.w.workflow.approve(post._id, by: identity(of: p.manager))
        return post
    }

    @Test(arguments: Backend.enabled)
    func approvedPostsFillTheBestFreeSlotsWithinEachPlatformsFrequency(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        var plan = Strategy()
        plan.organizationId = p.org._id
        plan.type = "posting_schedule"
        // Monday 09:00 first, then Monday 12:00, then Tuesday 09:00, in UTC.
        plan.strategy = ["timezone": .string("UTC"), "slots": .array([
            .document(["weekday": .int32(1), "hour": .int32(9)]), .document(["weekday": .int32(1), "hour": .int32(12)]),
            .document(["weekday": .int32(2), "hour": .int32(9)]),
        ])]
        plan.createdAt = p.clock.now
        try ModelCollection(p.store, Strategy.self).insert(plan)
        let linkedin = try (0..<3).map { try approvedUnscheduled(p, "LI \($0)", on: .linkedin) }
        let x = try (0..<3).map { try approvedUnscheduled(p, "X \($0)", on: .twitter) }
        let placed = try SlotPlacement(store: p.store, clock: p.clock.closure).place(for: p.org._id, timeZone: utc, by: identity(of: p.manager))
        // The clock is Sunday 29 November 09:00 UTC: Mondays are 30 Nov and 7 Dec, Tuesdays 1 and 8 Dec.
        let li = placed.filter { $0.platform == .linkedin }.map(\.at)
        #expect(li == ["2026-11-30T09:00:00Z", "2026-12-07T09:00:00Z", "2026-12-01T09:00:00Z"].map(date), "one a day on LinkedIn, best slot first")
        let xs = placed.filter { $0.platform == .twitter }.map(\.at)
        #expect(xs == ["2026-11-30T09:00:00Z", "2026-12-07T09:00:00Z", "2026-11-30T12:00:00Z"].map(date), "\(xs)")
        for post in linkedin + x {
            let stored = try p.post(post._id)
            #expect(stored.platforms.allSatisfy { $0.status == .scheduled && $0.scheduledAt != nil })
        }
        #expect(try SlotPlacement(store: p.store, clock: p.clock.closure).place(for: p.org._id, timeZone: utc, by: identity(of: p.manager)).isEmpty,
                "nothing left to place")
    }

    @Test func aWriterMayNotPlacePosts() throws {
        let p = try PublishingWorld(.sqlite)
        #expect(throws: AccessDenied.self) {
            try SlotPlacement(store: p.store).place(for: p.org._id, timeZone: utc, by: identity(of: p.writer))
        }
    }
}
