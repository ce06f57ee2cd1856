import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Undo and the calendar's guard rails in the core (issue #10, items 4 and 5): an undo
/// puts back exactly what its change replaced, as a compare-and-set, and is refused when
/// the post changed since; no post moves into the past, and a rejected draft does not
/// go on the calendar until it is reopened.
@Suite("Content undo and schedule guards")
struct ContentUndoTests {
    typealias Team = ContentWriteTests.Team

    @Test(arguments: Backend.enabled)
    func undoingAnApprovalPutsBackWhatItReplaced(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let manager = identity(of: t.manager)
        let change = try t.w.workflow.approve(post._id, by: manager)
        let approved = try t.w.storedPost(post._id)
        #expect(change.kind == .approved && change.before == post && change.after == approved)
        let restored = try t.w.workflow.undo(change, by: manager)
        let stored = try t.w.storedPost(post._id)
        #expect(restored == stored)
        #expect(stored.approval == Content.Approval())
        #expect(stored.platforms == post.platforms, "the entry approve scheduled is a draft again, at its time")
        let entry = try #require(try t.w.customerLog().last)
        #expect(entry.action == "content_undone")
        #expect(entry.details.reason == "undo of content_approved")
        #expect(entry.details.before?.value(at: "approval.status") == "approved")
        #expect(entry.details.after?.value(at: "approval.status") == "pending")
        expectCoreError(.conflict, "a second undo finds the post as it was, not as the change left it") {
            try t.w.workflow.undo(change, by: manager)
        }
    }

    @Test(arguments: Backend.enabled)
    func anUndoIsRefusedWhenThePostChangedSince(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let manager = identity(of: t.manager)
        let approval = try t.w.workflow.approve(post._id, by: manager)
        let later = t.w.clock.now.addingTimeInterval(3 * 86_400)
        let admin = try t.w.customer("admin@acme.test", in: t.org, role: .admin)
        try t.w.workflow.reschedule(post._id, to: later, by: identity(of: admin))
        let moved = try t.w.storedPost(post._id)
        do {
            try t.w.workflow.undo(approval, by: manager)
            Issue.record("the undo went through")
        } catch let error as CoreError {
            #expect(error == .conflict("“Launch” was changed by someone else since; nothing was undone"))
        }
        #expect(try t.w.storedPost(post._id) == moved, "nothing was written")

        // A change landing between the undo's read and its write is caught by the write.
        let edit = try t.w.workflow.editText(post._id, to: "Second words", seen: post.content.text, by: manager)
        let counting = CountingStore(t.w.store)
        let workflow = ContentWorkflow(store: counting, clock: t.w.clock.closure)
        let base = t.w.store
        counting.afterNextFind(in: CollectionName.content.rawValue) {
            try base.updateOne(CollectionName.content.rawValue, .id(post._id), .set("content.text", "A third version"))
        }
        expectCoreError(.conflict) { try workflow.undo(edit, by: manager) }
        #expect(try t.w.storedPost(post._id).content.text == "A third version")
    }

    @Test(arguments: Backend.enabled)
    func undoingAMovePutsBackEachPlatformsTime(_ backend: Backend) throws {
        let t = try Team(backend)
        let (nine, ten) = (t.w.clock.now.addingTimeInterval(86_400), t.w.clock.now.addingTimeInterval(90_000))
        let post = try t.w.post(in: t.org, by: t.writer, title: "Two times", platforms: [
            .init(platform: .facebook, status: .draft, scheduledAt: nine),
            .init(platform: .twitter, status: .draft, scheduledAt: ten),
            .init(platform: .linkedin, status: .published, scheduledAt: t.w.clock.now.addingTimeInterval(-3_600)),
        ])
        let manager = identity(of: t.manager)
        let move = try t.w.workflow.reschedule(post._id, to: t.w.clock.now.addingTimeInterval(5 * 86_400), by: manager)
        try t.w.workflow.undo(move, by: manager)
        #expect(try t.w.storedPost(post._id).platforms == post.platforms)

        let off = try t.w.workflow.unschedule(post._id, by: manager)
        #expect(try t.w.storedPost(post._id).platforms.prefix(2).allSatisfy { $0.scheduledAt == nil })
        try t.w.workflow.undo(off, by: manager)
        #expect(try t.w.storedPost(post._id).platforms == post.platforms)

        // Once the old time has passed, putting the post back there is refused.
        let again = try t.w.workflow.unschedule(post._id, by: manager)
        t.w.clock.advance(by: 2 * 86_400)
        expectCoreError(.conflict) { try t.w.workflow.undo(again, by: manager) }
        #expect(try t.w.storedPost(post._id) == again.after)
    }

    @Test(arguments: Backend.enabled)
    func anUndoNeedsWhatTheChangeNeeded(_ backend: Backend) throws {
        let t = try Team(backend)
        let viewer = try t.w.customer("viewer@acme.test", in: t.org, role: .viewer)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let change = try t.w.workflow.approve(post._id, by: identity(of: t.manager))
        expectDenied(.approveContent) { try t.w.workflow.undo(change, by: identity(of: viewer)) }
        #expect(try t.w.storedPost(post._id).approval.status == .approved)
    }

    @Test(arguments: Backend.enabled)
    func aPostCannotBeMovedIntoThePast(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let manager = identity(of: t.manager)
        expectCoreError(.invalid) {
            try t.w.workflow.reschedule(post._id, to: t.w.clock.now.addingTimeInterval(-60), by: manager)
        }
        #expect(try t.w.storedPost(post._id) == post)
        try t.w.workflow.reschedule(post._id, to: t.w.clock.now, by: manager)
        #expect(try t.w.storedPost(post._id).platforms.allSatisfy { $0.scheduledAt == t.w.clock.now })
    }

    @Test(arguments: Backend.enabled)
    func aRejectedDraftIsScheduledOnlyOnceReopened(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let manager = identity(of: t.manager)
        try t.w.workflow.reject(post._id, reason: "Off-brand", by: manager)
        let later = t.w.clock.now.addingTimeInterval(3 * 86_400)
        do {
            try t.w.workflow.reschedule(post._id, to: later, by: manager)
            Issue.record("a rejected draft was moved")
        } catch let error as CoreError {
            #expect(error == .conflict("“Launch” was rejected; it can be scheduled or moved once it is reopened"))
        }
        #expect(try t.w.storedPost(post._id).platforms == post.platforms)
        // Taking it off the calendar is still allowed; reopened, it can be scheduled again.
        try t.w.workflow.unschedule(post._id, by: manager)
        try t.w.workflow.reopen(post._id, by: manager)
        try t.w.workflow.reschedule(post._id, to: later, by: manager)
        #expect(try t.w.storedPost(post._id).platforms.allSatisfy { $0.scheduledAt == later })
    }
}
