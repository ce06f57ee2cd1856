import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Content writes are compare-and-sets on what was read (issue #8, items 7 and 8).
@Suite("Content writes")
struct ContentWriteTests {
    struct Team {
        let w: AccountWorld
        let org: Organization
        let manager: User, writer: User
        init(_ backend: Backend) throws {
            w = try AccountWorld(backend)
            org = try w.organization("acme")
            manager = try w.customer("manager@acme.test", in: org, role: .manager)
            writer = try w.customer("writer@acme.test", in: org, role: .user)
        }
    }

    /// Editing an approved post sends it back to pending, so text nobody approved never
    /// goes out with an old approval.
    @Test(arguments: Backend.enabled)
    func editingAnApprovedPostReturnsItToPending(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        try t.w.workflow.approve(post._id, by: identity(of: t.manager))
        #expect(try t.w.storedPost(post._id).platforms.map(\.status) == [.scheduled, .draft])

        let edited = try t.w.workflow.editText(post._id, to: "New words nobody approved", seen: post.content.text,
                                               by: identity(of: t.writer)).after
        let stored = try t.w.storedPost(post._id)
        #expect(edited == stored)
        #expect(stored.content.text == "New words nobody approved")
        #expect(stored.approval == Content.Approval())
        #expect(stored.platforms.map(\.status) == [.draft, .draft])
        #expect(stored.platforms[0].scheduledAt == post.platforms[0].scheduledAt, "it keeps its time")
        let entry = try #require(try t.w.customerLog().last)
        #expect(entry.action == "content_edited")
        #expect(entry.details.reason == "edited after approval: back to pending")
        #expect(entry.details.after?.value(at: "approval.status") == "pending")
        #expect(try t.w.workflow.approvalQueue(for: identity(of: t.manager)).map(\._id) == [post._id])
    }

    @Test(arguments: Backend.enabled)
    func anEditIsACompareAndSetOnWhatTheEditorSaw(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        try t.w.workflow.editText(post._id, to: "The manager's version", seen: post.content.text, by: identity(of: t.manager))
        expectCoreError(.conflict, "the writer's editor opened on the old text") {
            try t.w.workflow.editText(post._id, to: "The writer's version", seen: post.content.text, by: identity(of: t.writer))
        }
        #expect(try t.w.storedPost(post._id).content.text == "The manager's version")
        // A change landing between the read and the write is caught by the write itself.
        let counting = CountingStore(t.w.store)
        let workflow = ContentWorkflow(store: counting, clock: t.w.clock.closure)
        let base = t.w.store
        counting.afterNextFind(in: CollectionName.content.rawValue) {
            try base.updateOne(CollectionName.content.rawValue, .id(post._id), .set("content.text", "A third version"))
        }
        expectCoreError(.conflict) {
            try workflow.editText(post._id, to: "The writer's version", seen: "The manager's version", by: identity(of: t.writer))
        }
        #expect(try t.w.storedPost(post._id).content.text == "A third version")
    }

    @Test(arguments: Backend.enabled)
    func aPublishedPostCannotBeEdited(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Out", platforms: [
            Content.PlatformPost(platform: .twitter, status: .published, scheduledAt: t.w.clock.now),
        ])
        expectCoreError(.conflict) {
            try t.w.workflow.editText(post._id, to: "Too late", seen: post.content.text, by: identity(of: t.manager))
        }
        #expect(try t.w.storedPost(post._id).content.text == post.content.text)
    }

    /// A reschedule that lands between an approval's read and its write is not undone:
    /// the approval fails as a conflict and the new time stands.
    @Test(arguments: Backend.enabled)
    func aDecisionDoesNotUndoARescheduleMadeMeanwhile(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        let moved = t.w.clock.now.addingTimeInterval(3 * 86_400)
        let counting = CountingStore(t.w.store)
        let workflow = ContentWorkflow(store: counting, clock: t.w.clock.closure)
        let other = t.w.workflow, manager = identity(of: t.manager)
        counting.afterNextFind(in: CollectionName.content.rawValue) {
            try other.reschedule(post._id, to: moved, platform: .facebook, by: manager)
        }
        expectCoreError(.conflict) { try workflow.approve(post._id, by: manager) }
        let stored = try t.w.storedPost(post._id)
        #expect(stored.platforms[0].scheduledAt == moved)
        #expect(stored.approval.status == .pending)
        // Asked again, it approves, keeping the new time.
        try t.w.workflow.approve(post._id, by: manager)
        #expect(try t.w.storedPost(post._id).platforms[0].scheduledAt == moved)
    }

    /// Decisions, reopening, edits and moves set the paths they change and keep fields
    /// the model does not know (written by another tool or a newer socialdeck).
    @Test(arguments: Backend.enabled)
    func fieldsTheModelDoesNotKnowSurviveEveryWrite(_ backend: Backend) throws {
        let t = try Team(backend)
        let post = try t.w.post(in: t.org, by: t.writer, title: "Launch")
        try t.w.store.updateOne(CollectionName.content.rawValue, .id(post._id),
                                Update.set("platforms.0.campaignRef", "spring-24").set("approval.workflowStep", 2)
                                    .set("content.textVariantOf", "abc"))
        let manager = identity(of: t.manager)
        func expectKept(_ step: String) throws {
            let raw = try t.w.rawPost(post._id)
            #expect(raw.value(at: "platforms.0.campaignRef") == "spring-24", "\(step)")
            #expect(raw.value(at: "approval.workflowStep") == .int64(2), "\(step)")
            #expect(raw.value(at: "content.textVariantOf") == "abc", "\(step)")
        }
        try t.w.workflow.approve(post._id, by: manager)
        try expectKept("approve")
        try t.w.workflow.reschedule(post._id, to: t.w.clock.now.addingTimeInterval(7_200), by: manager)
        try expectKept("reschedule")
        try t.w.workflow.reopen(post._id, by: manager)
        try expectKept("reopen")
        try t.w.workflow.reject(post._id, reason: "Off-brand", by: manager)
        try expectKept("reject")
        try t.w.workflow.reopen(post._id, by: manager)
        try t.w.workflow.editText(post._id, to: "Fresh", seen: post.content.text, by: manager)
        try expectKept("edit")
        try t.w.workflow.unschedule(post._id, by: manager)
        try expectKept("unschedule")
        #expect(try t.w.storedPost(post._id).platforms.allSatisfy { $0.scheduledAt == nil })
    }
}
