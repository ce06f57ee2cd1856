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
}
