import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The engagement agent (issue #13): comments imported once each, sorted and ranked,
/// replies drafted into the approval queue, and an approved reply sent as a reply.
@Suite("Engagement agent", .serialized)
struct EngagementAgentTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var inbox: CommentInbox { CommentInbox(store: p.store, clock: p.clock.closure) }
    var agent: EngagementAgent { EngagementAgent(store: p.store, client: .offlineForTests, clock: p.clock.closure) }

    let file = """
    [{"platform":"facebook","id":"111_1","author":"Dana K","text":"My order arrived cold and late. Really disappointed.","receivedAt":"2026-11-28T10:00:00Z"},
     {"platform":"x","id":"1790001","author":"@sam","text":"Do you ship to Vienna?","kind":"mention","receivedAt":"2026-11-28T11:00:00Z"},
     {"platform":"instagram","id":"1789","author":"@lou","text":"Love the new blend 😍","receivedAt":"2026-11-28T12:00:00Z"},
     {"platform":"tiktok","id":"tt9","author":"@max","text":"How do you froth oat milk?","receivedAt":"2026-11-28T12:30:00Z"},
     {"platform":"facebook","id":"111_2","author":"Bot","text":"Free followers http://spam.example","receivedAt":"2026-11-28T13:00:00Z"},
     {"platform":"myspace","id":"1","author":"x","text":"old"},
     {"platform":"facebook","id":"111_3","author":"y","text":""}]
    """

    @Test func anImportAddsEachCommentOnceAndNamesTheBadRecords() throws {
        let first = try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: p.manager))
        #expect(first.added == 5 && first.alreadyThere == 0)
        #expect(first.refused == ["record 6: platform is missing or unknown", "record 7: text is missing or over 10,000 characters"])
        let again = try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: p.manager))
        #expect(again.added == 0 && again.alreadyThere == 5)
        #expect(throws: CoreError.self) { try inbox.importComments(Data("{".utf8), organizationId: p.org._id, by: identity(of: p.manager)) }
        let stranger = try p.w.customer("m@globex.test", in: try p.w.organization("globex"), role: .manager)
        #expect(throws: AccessDenied.self) { try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: stranger)) }
        #expect(throws: AccessDenied.self) { try inbox.list(p.org._id, by: identity(of: stranger)) }
    }

    @Test func commentsAreSortedAndRepliesWaitForApproval() throws {
        _ = try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: p.manager))
        let outcome = try agent.triage(p.org._id, by: identity(of: p.manager))
        let entries = try inbox.list(p.org._id, by: identity(of: p.manager))
        let by = Dictionary(uniqueKeysWithValues: entries.map { ($0.comment.externalId, $0.comment) })
        #expect(by["111_1"]?.triage?.category == .complaint && by["111_1"]?.triage?.priority == 1)
        #expect(by["1790001"]?.triage?.category == .question && by["1789"]?.triage?.category == .praise)
        #expect(by["111_2"]?.triage?.category == .spam && by["111_2"]?.status == .dismissed && by["111_2"]?.replyContentId == nil)
        #expect(by["tt9"]?.triage?.needsReply == true && by["tt9"]?.replyContentId == nil, "TikTok takes no replies")
        #expect(outcome.replies.count == 3 && outcome.waiting == 0 && outcome.run?.task == "triage_comments")

        let queue = try p.w.workflow.approvalQueue(for: identity(of: p.manager))
        let reply = try #require(queue.first { $0.replyTo?.externalId == "111_1" })
        #expect(reply.content.text.contains("Dana") && reply.approval.status == .pending && reply.platforms[0].scheduledAt == nil)
        #expect(entries.first { $0.comment.externalId == "111_1" }?.replyState == "pending")
        #expect(try agent.triage(p.org._id, by: identity(of: p.manager)).triaged.isEmpty, "nothing is sorted twice")

        // Approved, a reply goes out at once, as a reply to the comment.
        try p.w.workflow.approve(reply._id, by: identity(of: p.manager))
        _ = try p.scheduler().runOnce()
        let sent = try #require(try p.outbox().first { $0.contentId == reply._id })
        #expect(sent.request.url.hasSuffix("/111_1/comments") && sent.request.body.contains("Dana"))
        #expect(try inbox.list(p.org._id, by: identity(of: p.manager)).first { $0.comment.externalId == "111_1" }?.replyState == "published")
    }

    @Test func anXReplyNamesThePostItAnswers() throws {
        _ = try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: p.manager))
        _ = try agent.triage(p.org._id, by: identity(of: p.manager))
        let reply = try #require(try p.w.workflow.approvalQueue(for: identity(of: p.manager)).first { $0.replyTo?.externalId == "1790001" })
        try p.w.workflow.approve(reply._id, by: identity(of: p.manager))
        _ = try p.scheduler().runOnce()
        let sent = try #require(try p.outbox().first { $0.contentId == reply._id })
        #expect(sent.request.url.hasSuffix("/2/tweets") && sent.request.body.hasPrefix(#"{"reply":{"in_reply_to_tweet_id":"1790001"}"#))
    }

    /// Comments fetched through live accounts: Facebook's on the organization's recent
    /// posts, X's mentions; each once, whatever the number of fetches.
    @Test func commentsAreFetchedFromThePlatformsThatListThem() throws {
        let server = try FakePlatformServer("fake_platform.py")
        let tokens = SocialAccountTokens(store: p.store, vault: p.w.vault)
        try tokens.connect(userId: p.manager._id, platform: .facebook, accountId: "1111", accountName: "Acme Coffee", accessToken: "page-tok-1111",
                           refreshToken: nil, live: true, at: p.clock.now, by: identity(of: p.manager))
        try tokens.connect(userId: p.manager._id, platform: .twitter, accountId: "2244994945", accountName: "@acmecoffee", accessToken: "x-tok",
                           refreshToken: nil, live: true, at: p.clock.now, by: identity(of: p.manager))
        var post = publishedPost(p.org, by: p.manager, at: p.clock.now.addingTimeInterval(-86_400), engagement: 10, platform: .facebook)
        post.platforms[0].platformPostId = "1111_1001"
        try insertPosts([post], into: p.store, now: p.clock.now)
        let fetcher = CommentFetcher(store: p.store, refresher: TokenRefresher(store: p.store, vault: p.w.vault, clients: server.platformSettings().oauth),
                                     endpoints: PlatformEndpoints(allAt: server.base), clock: p.clock.closure)
        let first = try fetcher.fetch(p.org._id, by: identity(of: p.manager))
        #expect(first == CommentFetcher.Outcome(added: 2, alreadyThere: 0, failures: []), "\(first)")
        #expect(try fetcher.fetch(p.org._id, by: identity(of: p.manager)).alreadyThere == 2)
        let entries = try inbox.list(p.org._id, by: identity(of: p.manager)).map(\.comment)
        let fb = try #require(entries.first { $0.platform == .facebook })
        #expect(fb.externalId == "1111_1001_c1" && fb.author == "Dana K" && fb.contentId == post._id && fb.receivedAt == date("2026-11-28T10:00:00Z"))
        let x = try #require(entries.first { $0.platform == .twitter })
        #expect(x.kind == .mention && x.author == "@sam_reads" && x.text == "@acmecoffee do you ship to Vienna?")
        let asked = try server.received().map(\.path)
        #expect(asked.contains { $0.hasPrefix("/graph/1111_1001/comments?fields=") } && asked.contains { $0.hasPrefix("/2/users/2244994945/mentions") })
        let headers = try server.received().first { $0.path.hasPrefix("/2/users/") }?.headers ?? [:]
        #expect(headers["Authorization"] == "Bearer x-tok", "the account's own token")

        try server.script(raw: [["match": "/mentions", "status": 503, "body": ["title": "Service Unavailable"]]])
        let failing = try fetcher.fetch(p.org._id, by: identity(of: p.manager))
        #expect(failing.failures.count == 1 && failing.failures[0].hasPrefix("X: ") && failing.alreadyThere == 1, "\(failing)")
        let stranger = try p.w.customer("m@globex.test", in: try p.w.organization("globex"), role: .manager)
        #expect(throws: AccessDenied.self) { try fetcher.fetch(p.org._id, by: identity(of: stranger)) }
    }

    /// The engagement workflow: comments fetched where this process can, then sorted.
    @Test func theEngagementWorkflowSortsWhatCameIn() throws {
        _ = try inbox.importComments(Data(file.utf8), organizationId: p.org._id, by: identity(of: p.manager))
        let runner = WorkflowRunner(store: p.store, client: .offlineForTests, owner: "runner", clock: p.clock.closure)
        _ = try WorkflowRequests(store: p.store, clock: p.clock.closure).request(StandardWorkflows.engagement, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(try runner.runWaiting().finished == 1)
        let fetch = try #require(try ModelCollection(p.store, AgentRun.self).first(.eq("task", "fetch_comments")))
        #expect(fetch.agentType == .engagement && fetch.output?["skipped"] != nil, "no secret key here: nothing fetched, said so")
        #expect(try inbox.list(p.org._id, status: .new, by: identity(of: p.manager)).isEmpty)
    }
}
