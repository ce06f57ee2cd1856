import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Writing posts (issue #12): the composer's save, duplicate and delete, checked in the
/// core against each platform's rules and the permission matrix, audited, and kept in
/// the daily rollups.
@Suite("Composing posts")
struct ComposingTests {
    struct Team {
        let w: AccountWorld
        let org: Organization, other: Organization
        let manager: User, writer: User, viewer: User
        init(_ backend: Backend) throws {
            w = try AccountWorld(backend)
            org = try w.organization("acme")
            other = try w.organization("globex")
            manager = try w.customer("manager@acme.test", in: org, role: .manager)
            writer = try w.customer("writer@acme.test", in: org, role: .user)
            viewer = try w.customer("viewer@acme.test", in: org, role: .viewer)
        }
        var tomorrow: Date { w.clock.now.addingTimeInterval(86_400) }
    }

    @Test(arguments: Backend.enabled)
    func aWriterSavesADraftForApprovalWithEachPlatformsWording(_ backend: Backend) throws {
        let t = try Team(backend)
        let draft = PostDraft(text: "Autumn roast is back #coffee #autumn\nMore below.",
                              variants: [.twitter: "Autumn roast is back #coffee"],
                              platforms: [.linkedin, .twitter], media: ["/home/me/beans.jpg", "https://cdn.example/clip.mp4"],
                              scheduledAt: t.tomorrow)
        let saved = try t.w.workflow.compose(draft, by: identity(of: t.writer))
        let stored = try t.w.storedPost(saved._id)
        #expect(stored == saved)
        #expect(stored.title == "Autumn roast is back #coffee #autumn")
        #expect(stored.organizationId == t.org._id && stored.userId == t.writer._id)
        #expect(stored.approval.status == .pending)
        #expect(stored.platforms.map(\.platform) == [.linkedin, .twitter])
        #expect(stored.platforms.allSatisfy { $0.status == .draft && $0.scheduledAt == t.tomorrow })
        #expect(stored.platforms[0].text == nil, "LinkedIn takes the main text")
        #expect(stored.platforms[1].text == "Autumn roast is back #coffee")
        #expect(stored.content.hashtags == ["coffee", "autumn"])
        #expect(stored.content.images == ["/home/me/beans.jpg"] && stored.content.videos == ["https://cdn.example/clip.mp4"])
        #expect(try t.w.workflow.approvalQueue(for: identity(of: t.manager)).map(\._id) == [saved._id])
        let entry = try #require(try t.w.customerLog().last)
        #expect(entry.action == "content_created")
        #expect(entry.details.after?.value(at: "approval") == "pending")
        _ = try RollupRecount.expectStoredEqualRecount(t.w.store, "after a composed draft")
    }

    @Test(arguments: Backend.enabled)
    func aManagerSchedulesApprovedButAWriterMayNot(_ backend: Backend) throws {
        let t = try Team(backend)
        let draft = PostDraft(text: "Open house on Saturday", platforms: [.facebook], scheduledAt: t.tomorrow, intent: .schedule)
        #expect(throws: AccessDenied.self) { try t.w.workflow.compose(draft, by: identity(of: t.writer)) }
        #expect(throws: AccessDenied.self) {
            try t.w.workflow.compose(PostDraft(text: "x", platforms: [.facebook]), by: identity(of: t.viewer))
        }
        let saved = try t.w.workflow.compose(draft, by: identity(of: t.manager))
        #expect(saved.approval.status == .approved && saved.approval.approvedBy == t.manager._id)
        #expect(saved.platforms.map(\.status) == [.scheduled])
        expectCoreError(.invalid, "scheduling needs a time") {
            try t.w.workflow.compose(PostDraft(text: "When?", platforms: [.facebook], intent: .schedule), by: identity(of: t.manager))
        }
        expectCoreError(.invalid, "not in the past") {
            try t.w.workflow.compose(PostDraft(text: "Late", platforms: [.facebook], scheduledAt: t.w.clock.now.addingTimeInterval(-60)),
                                     by: identity(of: t.manager))
        }
        #expect(throws: AccessDenied.self, "another organization's post is refused, not saved as one's own") {
            try t.w.workflow.compose(PostDraft(organizationId: t.other._id, text: "Hello", platforms: [.facebook]),
                                     by: identity(of: t.manager))
        }
        #expect(try t.w.store.count(Content.collection.rawValue, .all, includeDeleted: true) == 1)
    }

    /// Every platform that cannot take the post says why, and nothing is saved.
    @Test(arguments: Backend.enabled)
    func aPostAPlatformCannotTakeIsRefusedWithEveryReason(_ backend: Backend) throws {
        let t = try Team(backend)
        let long = String(repeating: "word ", count: 57)  // 285 characters
        let tags = "#a #b #c #d #e #f"
        let cases: [(PostDraft, [String])] = [
            (PostDraft(text: long, platforms: [.twitter, .linkedin]), ["X: 5 over the limit of 280"]),
            (PostDraft(text: "Look " + tags, platforms: [.instagram], media: ["https://cdn.example/a.jpg"]), ["6 hashtags"]),
            (PostDraft(text: "No picture", platforms: [.instagram, .tiktok]), ["Instagram: needs", "TikTok: needs"]),
            (PostDraft(text: "Local file", platforms: [.instagram], media: ["/home/me/a.jpg"]), ["public", "/home/me/a.jpg"]),
            (PostDraft(text: "Fine here", variants: [.twitter: long], platforms: [.facebook, .twitter]), ["X: 5 over"]),
            (PostDraft(text: "", platforms: [.facebook]), ["Facebook"]),
            (PostDraft(text: "Nowhere", platforms: []), ["at least one platform"]),
        ]
        for (draft, expected) in cases {
            do {
                _ = try t.w.workflow.compose(draft, by: identity(of: t.manager))
                Issue.record("saved: \(draft.platforms) \(draft.text.prefix(20))")
            } catch let error as CoreError {
                let text = String(describing: error)
                for phrase in expected { #expect(text.contains(phrase), "\(text) lacks \(phrase)") }
            }
        }
        #expect(try t.w.store.count(Content.collection.rawValue, .all, includeDeleted: true) == 0)
    }

    @Test(arguments: Backend.enabled)
    func aDuplicateIsANewDraftOffTheCalendarAndADeleteHidesThePost(_ backend: Backend) throws {
        let t = try Team(backend)
        let original = try t.w.workflow.compose(PostDraft(text: "Saturday market", variants: [.twitter: "Market!"],
                                                          platforms: [.facebook, .twitter], scheduledAt: t.tomorrow,
                                                          intent: .schedule), by: identity(of: t.manager))
        let copy = try t.w.workflow.duplicate(original._id, by: identity(of: t.writer))
        #expect(copy._id != original._id)
        #expect(copy.title == "Saturday market (copy)" && copy.content == original.content)
        #expect(copy.approval.status == .pending && copy.userId == t.writer._id)
        #expect(copy.platforms.map(\.status) == [.draft, .draft] && copy.platforms.allSatisfy { $0.scheduledAt == nil })
        #expect(copy.platforms[1].text == "Market!")
        #expect(try t.w.customerLog().last?.action == "content_duplicated")
        #expect(throws: AccessDenied.self) { try t.w.workflow.duplicate(original._id, by: identity(of: t.viewer)) }

        #expect(throws: AccessDenied.self) { try t.w.workflow.delete(original._id, by: identity(of: t.writer)) }
        try t.w.workflow.delete(original._id, by: identity(of: t.manager))
        let kept = try t.w.store.find(Content.collection.rawValue, .id(original._id), includeDeleted: true)
        #expect(kept.first?["deletedAt"] != nil, "kept in the store")
        expectCoreError(.notFound) { try t.w.workflow.post(original._id, for: identity(of: t.manager)) }
        let week = DateInterval(start: t.w.clock.now, duration: 7 * 86_400)
        #expect(try t.w.workflow.calendar(from: week.start, to: week.end, for: identity(of: t.manager))?.isEmpty == true)
        #expect(try t.w.customerLog().last?.action == "content_deleted")
        _ = try RollupRecount.expectStoredEqualRecount(t.w.store, "after a duplicate and a delete")

        let outsider = try t.w.customer("boss@globex.test", in: t.other, role: .manager)
        expectCoreError(.notFound, "another organization's post is not there") {
            try t.w.workflow.duplicate(copy._id, by: identity(of: outsider))
        }
    }
}

/// Publish now on a clock that moves between reads, as the real one does: the post is
/// scheduled for the moment of saving, never "in the past" (found by hand in tmux).
@Suite("Composing: publish now")
struct ComposingPublishNowTests {
    @Test(arguments: Backend.enabled)
    func publishNowIsNeverInThePast(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let manager = try w.customer("manager@acme.test", in: org, role: .manager)
        let ticking = ContentWorkflow(store: w.store, clock: { [clock = w.clock] in
            clock.advance(by: 0.001)
            return clock.now
        })
        let saved = try ticking.compose(PostDraft(text: "Now", platforms: [.facebook], intent: .publishNow), by: identity(of: manager))
        #expect(saved.approval.status == .approved && saved.platforms.map(\.status) == [.scheduled])
        #expect(saved.platforms[0].scheduledAt.map { $0 <= w.clock.now } == true)
    }
}
