import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The plan's limits enforced in the core (issue #14): posts a month, social accounts
/// and (in `ContentAgentTests`) AI generations; usage and the 80% warning.
@Suite("Plan limits")
struct PlanLimitsTests {
    @Test(arguments: Backend.enabled)
    func postsPastTheMonthsLimitAreRefused(_ backend: Backend) throws {
        let b = try BillingWorld(backend) { $0.postsPerMonth = 5 }
        let me = identity(of: b.manager)
        // Last month's posts do not count.
        b.w.clock.set(date("2026-10-31T12:00:00Z"))
        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "October", platforms: [.facebook]), by: me)
        b.w.clock.set(date("2026-11-29T09:00:00Z"))
        for i in 1...3 { try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Post \(i)", platforms: [.facebook]), by: me) }
        var usage = try b.limits.usage(of: b.acme._id, for: me, at: b.w.clock.now)
        #expect(usage[.posts].used == 3 && usage[.posts].limit == 5 && !usage[.posts].needsWarning)
        let fourth = try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Post 4", platforms: [.facebook]), by: me)
        usage = try b.limits.usage(of: b.acme._id, for: me, at: b.w.clock.now)
        #expect(usage[.posts].needsWarning && !usage[.posts].isReached && usage.warnings.map(\.resource) == [.posts])
        try b.w.workflow.duplicate(fourth._id, by: me)
        #expect {
            try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Post 6", platforms: [.facebook]), by: me)
        } throws: { "\($0)".contains("the plan's 5 posts this month are used (5 of 5)") }
        #expect(try b.w.store.count(Content.collection.rawValue, .eq("organizationId", b.acme._id)) == 6, "nothing more was written")
        // Another organization's month is its own.
        try b.w.workflow.compose(PostDraft(organizationId: b.globex._id, text: "Theirs", platforms: [.facebook]), by: b.staffIdentity(.admin))
        // A new month starts again.
        b.w.clock.set(date("2026-12-01T00:00:01Z"))
        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "December", platforms: [.facebook]), by: me)
    }

    @Test(arguments: Backend.enabled)
    func aNewSocialAccountPastTheLimitIsRefusedAndAReconnectIsNot(_ backend: Backend) throws {
        let b = try BillingWorld(backend) { $0.socialAccounts = 2 }
        let tokens = SocialAccountTokens(store: b.w.store, vault: b.w.vault)
        let me = identity(of: b.admin)
        for (platform, id) in [(Platform.facebook, "fb"), (.linkedin, "li")] {
            try tokens.connect(userId: b.admin._id, platform: platform, accountId: id, accountName: id, accessToken: "t", refreshToken: nil,
                               at: b.w.clock.now, by: me)
        }
        #expect {
            try tokens.connect(userId: b.manager._id, platform: .twitter, accountId: "x", accountName: "x", accessToken: "t",
                               refreshToken: nil, at: b.w.clock.now, by: identity(of: b.manager))
        } throws: { "\($0)".contains("the plan allows 2 social accounts and 2 are connected") }
        try tokens.connect(userId: b.admin._id, platform: .facebook, accountId: "fb", accountName: "fb renamed", accessToken: "t2",
                           refreshToken: nil, at: b.w.clock.now, by: me)
        let usage = try b.limits.usage(of: b.acme._id, for: me, at: b.w.clock.now)
        #expect(usage[.socialAccounts].used == 2 && usage[.socialAccounts].isReached)
    }

    @Test func withoutASubscriptionThereIsNoLimit() throws {
        let w = try AccountWorld()
        let org = try w.organization("solo")
        let admin = try w.customer("a@solo.test", in: org, role: .admin)
        for i in 0..<3 { try w.workflow.compose(PostDraft(organizationId: org._id, text: "\(i)", platforms: [.facebook]), by: identity(of: admin)) }
        let usage = try PlanLimits(store: w.store).usage(of: org._id, for: identity(of: admin), at: w.clock.now)
        #expect(usage.plan == nil && usage[.posts].used == 3 && usage[.posts].limit == nil && usage.warnings.isEmpty)
    }
}
