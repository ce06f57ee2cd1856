import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The publisher (issue #12): due approved posts become one job per platform and go
/// out exactly once through the sandbox; lateness, approval and maintenance gate them.
@Suite("Publishing")
struct PublishSchedulerTests {
    @Test(arguments: Backend.enabled)
    func anApprovedPostGoesOutOnceOnEachPlatformAtItsTime(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let post = try p.approvedPost("Launch", in: 10, on: [.facebook, .twitter, .instagram],
                                      media: ["https://cdn.example/launch.jpg"])
        let scheduler = p.scheduler()
        p.clock.advance(by: 8 * 60)
        #expect(try scheduler.runOnce().queued == 0, "not within the lookahead yet")
        p.clock.advance(by: 60)
        let queuedReport = try scheduler.runOnce()
        #expect(queuedReport.queued == 3 && queuedReport.published == 0, "queued a minute early, sent at its time")
        #expect(try p.post(post._id).platforms.map(\.status) == [.queued, .queued, .queued])
        p.clock.advance(by: 61)
        let report = try scheduler.runOnce()
        #expect(report.published == 3)

        let jobs = try p.jobs()
        #expect(jobs.count == 3 && jobs.allSatisfy { $0.state == .published && $0.attempts == 1 && $0.lease == nil })
        #expect(Set(jobs.map(\._id)) == Set([Platform.facebook, .twitter, .instagram].map {
            PublishJob.id(contentId: post._id, platform: $0, dueAt: post.platforms[0].scheduledAt!)
        }))
        let stored = try p.post(post._id)
        #expect(stored.platforms.allSatisfy { $0.status == .published && $0.publishedAt == p.clock.now })
        let x = try #require(stored.platforms.first { $0.platform == .twitter })
        #expect(x.platformPostId?.hasPrefix("https://x.com/i/web/status/") == true)
        #expect(try p.publishRequests().values.sorted() == [1, 1, 1])

        let outbox = try p.outbox()
        #expect(outbox.count == 4, "Instagram makes a container, then publishes it")
        let instagram = outbox.filter { $0.platform == .instagram }
        #expect(instagram.map(\.step) == ["container", "publish"])
        #expect(instagram[0].request.url.hasSuffix("/acct-instagram/media"))
        #expect(instagram[0].request.body.contains("\"image_url\":\"https://cdn.example/launch.jpg\""))
        let tweet = try #require(outbox.first { $0.platform == .twitter })
        #expect(tweet.request.url == "https://api.x.com/2/tweets" && tweet.request.body == "{\"text\":\"Text of Launch\"}")
        #expect(tweet.request.headers["Authorization"] == "[redacted]" && tweet.response.status == 201)

        #expect(try scheduler.runOnce().published == 0, "nothing goes twice")
        #expect(try p.publishRequests().count == 3)
        _ = try RollupRecount.expectStoredEqualRecount(p.store, "after publishing")
    }

    @Test(arguments: Backend.enabled)
    func aDraftStillAwaitingApprovalExpiresAndItsAuthorHearsOnce(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let draft = try p.pendingPost("Unapproved", in: 5)
        let other = try backend.otherConnection(to: p.w.base)
        p.clock.advance(by: 6 * 60)
        let a = try p.scheduler(owner: "a").runOnce()
        let b = try p.scheduler(owner: "b", store: AppendOnlyStore(other)).runOnce()
        #expect(a.expired + b.expired == 1)
        #expect(try p.post(draft._id).platforms.map(\.status) == [.expired])
        let notes = try p.notifications(of: p.writer).filter { $0.kind == .postExpired }
        #expect(notes.count == 1 && notes[0].relatedId == draft._id)
        #expect(try p.outbox().isEmpty && p.jobs().isEmpty)
        #expect(try p.w.workflow.approvalQueue(for: identity(of: p.manager)).map(\._id) == [draft._id],
                "it stays in the queue, shown apart")
    }

    @Test(arguments: Backend.enabled)
    func aPostLaterThanTheMissedWindowIsNotSentAfterDowntime(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let stale = try p.approvedPost("Yesterday's news", in: 10, on: [.linkedin])
        let fresh = try p.approvedPost("Still fine", in: 6 * 60, on: [.linkedin])
        p.clock.advance(by: 6 * 3600 + 11 * 60)
        let report = try p.scheduler().runOnce()
        #expect(report.missed == 1 && report.published == 1)
        #expect(try p.post(stale._id).platforms[0].status == .missed)
        #expect(try p.post(fresh._id).platforms[0].status == .published)
        #expect(try p.outbox().map(\.contentId) == [fresh._id])
        let job = try #require(try p.jobs(.eq("contentId", stale._id)).first)
        #expect(job.lastError?.contains("late") == true)

        let retried = try PublishJobs(store: p.store, clock: p.clock.closure).retry(job._id, by: identity(of: p.manager))
        #expect(retried.state == .queued && retried.lateAllowed)
        #expect(try p.scheduler().runOnce().published == 1, "a person's retry goes out however late")
    }

    @Test(arguments: Backend.enabled)
    func transientFailuresBackOffThenGiveUp(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let platform = ScriptedPlatform([.transient("503 Service Unavailable", retryAfter: nil),
                                         .transient("429 Too Many Requests", retryAfter: 600),
                                         .transient("503 Service Unavailable", retryAfter: nil)])
        var policy = PublishPolicy()
        policy.retry.maxAttempts = 3
        let post = try p.approvedPost("Flaky", in: 1, on: [.twitter])
        let scheduler = p.scheduler(platform, policy: policy)
        p.clock.advance(by: 60)
        #expect(try scheduler.runOnce().retrying == 1)
        var job = try #require(try p.jobs().first)
        #expect(job.state == .queued && job.attempts == 1 && job.sendingAt == nil)
        #expect(job.nextAttemptAt == p.clock.now.addingTimeInterval(60), "60 s first (jitter is 0 here)")
        #expect(job.lastError == "503 Service Unavailable")
        #expect(try p.post(post._id).platforms[0].status == .queued)

        p.clock.advance(by: 59)
        #expect(try scheduler.runOnce().retrying == 0, "not before its time")
        p.clock.advance(by: 1)
        #expect(try scheduler.runOnce().retrying == 1)
        job = try #require(try p.jobs().first)
        #expect(job.nextAttemptAt == p.clock.now.addingTimeInterval(600), "Retry-After beats the 120 s doubling")

        p.clock.advance(by: 600)
        #expect(try scheduler.runOnce().failed == 1)
        job = try #require(try p.jobs().first)
        #expect(job.state == .failed && job.attempts == 3 && job.lastError?.hasPrefix("gave up after 3 attempts") == true)
        #expect(try p.post(post._id).platforms[0].status == .failed)
        #expect(platform.posts.map(\.attempt) == [1, 2, 3])
        #expect(try p.notifications(of: p.manager).contains { $0.kind == .postFailed && $0.relatedId == post._id })
    }

    @Test func retryDelaysDoubleToTheCapWithJitter() {
        let retry = RetryPolicy()
        #expect((1...8).map { retry.delay(afterAttempt: $0, unit: 0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(retry.delay(afterAttempt: 1, unit: 1) == 66 && retry.delay(afterAttempt: 1, unit: -1) == 54)
        #expect(abs(retry.delay(afterAttempt: 7, unit: 1) - 3960) < 1e-6, "the jitter applies to the capped delay")
        #expect(retry.delay(afterAttempt: 1, retryAfter: 900, unit: 0) == 900)
    }

    @Test(arguments: Backend.enabled)
    func aRefusalFailsAtOnceWithThePlatformsWords(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let platform = ScriptedPlatform([.rejected("(#100) The parameter url is not a valid image")])
        let post = try p.approvedPost("Broken", in: 1, on: [.facebook])
        p.clock.advance(by: 60)
        #expect(try p.scheduler(platform).runOnce().failed == 1)
        let job = try #require(try p.jobs().first)
        #expect(job.state == .failed && job.attempts == 1 && job.lastError == "(#100) The parameter url is not a valid image")
        #expect(try p.post(post._id).platforms[0].status == .failed)
    }

    @Test(arguments: Backend.enabled)
    func anUnknownOutcomeWaitsForAPersonAndIsNeverResent(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let platform = ScriptedPlatform([.unknown("no answer within 30 s"), .accepted(postId: "99", permalink: "https://x.com/i/web/status/99")])
        let post = try p.approvedPost("Timed out", in: 1, on: [.twitter])
        let scheduler = p.scheduler(platform)
        p.clock.advance(by: 60)
        #expect(try scheduler.runOnce().needsCheck == 1)
        p.clock.advance(by: 3 * 3600)
        #expect(try scheduler.runOnce().published == 0)
        #expect(platform.posts.count == 1, "never sent again on its own")
        #expect(try p.post(post._id).platforms[0].status == .needsCheck)
        let job = try #require(try p.jobs().first)
        expectCoreError(.conflict, "a needs_check job is not simply retried") {
            try PublishJobs(store: p.store, clock: p.clock.closure).retry(job._id, by: identity(of: p.manager))
        }
        expectDenied(.publishContent) {
            try PublishJobs(store: p.store, clock: p.clock.closure).check(job._id, published: false, by: identity(of: p.writer))
        }

        try PublishJobs(store: p.store, clock: p.clock.closure).check(job._id, published: false, by: identity(of: p.manager))
        #expect(try scheduler.runOnce().published == 1)
        #expect(platform.posts.count == 2)
        #expect(try p.post(post._id).platforms[0].platformPostId == "https://x.com/i/web/status/99")
        let checked = try p.w.customerLog().filter { $0.action == "publish_checked" }
        #expect(checked.count == 1 && checked[0].details.additionalInfo?["published"] == .bool(false))
    }

    @Test(arguments: Backend.enabled)
    func aPersonWhoFindsThePostOutMarksItPublished(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let post = try p.approvedPost("Seen", in: 1, on: [.linkedin])
        p.clock.advance(by: 60)
        _ = try p.scheduler(ScriptedPlatform([.unknown("connection reset")])).runOnce()
        let job = try #require(try p.jobs().first)
        let jobs = PublishJobs(store: p.store, clock: p.clock.closure)
        expectCoreError(.invalid) { try jobs.check(job._id, published: true, permalink: "javascript:alert(1)", by: identity(of: p.manager)) }
        let link = "https://www.linkedin.com/feed/update/urn:li:share:7/"
        let done = try jobs.check(job._id, published: true, permalink: link, by: identity(of: p.manager))
        #expect(done.state == .published && done.permalink == link)
        let entry = try p.post(post._id).platforms[0]
        #expect(entry.status == .published && entry.platformPostId == link && entry.publishedAt == p.clock.now)
        _ = try RollupRecount.expectStoredEqualRecount(p.store, "after a checked publication")
    }

    /// A process that died mid-batch: the job it had begun sending may be out, so it
    /// waits for a check; the jobs it had only claimed are taken over once the lease ends.
    @Test(arguments: Backend.enabled)
    func aDeadProcessesJobsAreTakenOverWithoutSendingTwice(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        for i in 0..<3 { try p.approvedPost("Post \(i)", in: 1, on: [.facebook]) }
        p.clock.advance(by: 60)
        let dead = p.scheduler(owner: "dead:1")
        _ = try dead.enqueueDue(at: p.clock.now)
        let claimed = try dead.claimBatch(at: p.clock.now)
        #expect(claimed.count == 3)
        try p.store.updateOne(PublishJob.collection.rawValue, .id(claimed[0]._id), Update.set("sendingAt", p.clock.now).inc("attempts", 1))

        let survivor = p.scheduler(owner: "alive:2")
        #expect(try survivor.runOnce().published == 0, "the dead process's lease still holds")
        p.clock.advance(by: PublishPolicy().lease + 1)
        let report = try survivor.runOnce()
        #expect(report.needsCheck == 1 && report.recovered == 2 && report.published == 2)
        #expect(try p.jobs(.id(claimed[0]._id)).first?.state == .needsCheck)
        #expect(try p.publishRequests().count == 2)
        #expect(try p.notifications(of: p.manager).filter { $0.title.hasPrefix("Check Facebook") }.count == 1)
    }

    @Test(arguments: Backend.enabled)
    func aPostMovedOrDeletedAfterQueueingIsNotSentForItsOldTime(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let moved = try p.approvedPost("Moved", in: 1, on: [.facebook])
        let deleted = try p.approvedPost("Deleted", in: 1, on: [.linkedin])
        let scheduler = p.scheduler()
        _ = try scheduler.enqueueDue(at: p.clock.now)
        let later = p.clock.now.addingTimeInterval(3600)
        try p.w.workflow.reschedule(moved._id, to: later, by: identity(of: p.manager))
        #expect(try p.post(moved._id).platforms[0].status == .scheduled, "a moved post is scheduled again for its new time")
        try p.w.workflow.delete(deleted._id, by: identity(of: p.manager))
        p.clock.advance(by: 60)
        let report = try scheduler.runOnce()
        #expect(report.cancelled == 2 && report.published == 0)
        p.clock.advance(by: 3600)
        #expect(try scheduler.runOnce().published == 1)
        #expect(try p.jobs(.eq("contentId", moved._id)).map(\.state) == [.cancelled, .published])
        #expect(try p.outbox().map(\.contentId) == [moved._id])
    }

    @Test(arguments: Backend.enabled)
    func maintenancePausesEveryPublisherUntilResumed(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let staff = try p.w.staff("ops@socialdeck.test", role: .admin)
        let support = try p.w.staff("help@socialdeck.test", role: .support)
        let toggle = PublishingSwitch(store: p.store, clock: p.clock.closure)
        expectDenied(.managePublishing) { try toggle.set(paused: true, reason: "upgrade", by: identity(of: support)) }
        expectCoreError(.invalid, "a pause needs a reason") { try toggle.set(paused: true, reason: "  ", by: identity(of: staff)) }
        try toggle.set(paused: true, reason: "Database upgrade until 21:00", by: identity(of: staff))
        #expect(try toggle.state().paused && toggle.state().reason == "Database upgrade until 21:00")

        try p.approvedPost("Held", in: 1, on: [.facebook])
        p.clock.advance(by: 120)
        let report = try p.scheduler().runOnce()
        #expect(report.paused && report.published == 0 && report.queued == 0)
        try toggle.set(paused: false, reason: nil, by: identity(of: staff))
        #expect(try toggle.state().reason == nil)
        #expect(try p.scheduler().runOnce().published == 1)
        #expect(try p.w.adminLog().map(\.action).suffix(2) == ["publishing_paused", "publishing_resumed"])
    }

    @Test(arguments: Backend.enabled)
    func aJobWithoutAnAccountFailsWithWhatToDo(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let other = try p.w.organization("globex")
        let owner = try p.w.customer("owner@globex.test", in: other, role: .admin)
        _ = try p.w.workflow.compose(PostDraft(text: "No account", platforms: [.linkedin], scheduledAt: p.clock.now.addingTimeInterval(60),
                                               intent: .schedule), by: identity(of: owner))
        p.clock.advance(by: 60)
        #expect(try p.scheduler().runOnce().failed == 1)
        #expect(try p.jobs().first?.lastError?.contains("socialdeck accounts connect linkedin") == true)
    }

    @Test(arguments: Backend.enabled)
    func aCustomerSeesAndSettlesOnlyTheirOrganizationsJobs(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let other = try p.w.organization("globex")
        let stranger = try p.w.customer("manager@globex.test", in: other, role: .manager)
        try p.approvedPost("Ours", in: 1, on: [.twitter])
        p.clock.advance(by: 60)
        _ = try p.scheduler(ScriptedPlatform([.rejected("duplicate content")])).runOnce()
        let jobs = PublishJobs(store: p.store, clock: p.clock.closure)
        #expect(try jobs.list(for: identity(of: stranger)).isEmpty)
        #expect(try jobs.list(for: identity(of: p.manager)).count == 1)
        let id = try #require(try jobs.list(for: identity(of: p.manager)).first?._id)
        expectCoreError(.notFound) { try jobs.retry(id, by: identity(of: stranger)) }
        expectCoreError(.notFound) { try jobs.cancel(id, by: identity(of: stranger)) }
        #expect(try jobs.cancel(id, by: identity(of: p.manager)).state == .cancelled)
    }
}
