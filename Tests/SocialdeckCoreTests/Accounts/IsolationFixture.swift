import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Two organizations with a member of every role in the first, and posts, runs, an
/// agent override and audit entries in the second, for the isolation table.
final class IsolationFixture: @unchecked Sendable {
    let w: AccountWorld
    let mine: Organization, other: Organization
    let members: [UserRole: User]
    let otherAdmin: User, otherUser: User
    let otherPosts: [Content]
    /// The other organization's approval of its "Approved" post, which an undo would take back.
    let otherChange: PostChange
    let staffBoss: AdminUser
    let agent: AIAgent
    /// The other organization's failed and needs-check publish jobs, which retry, cancel and check would settle.
    let otherJobs: [PublishJob]
    let otherSchedule: RecurringSchedule
    let otherWorkflow: AgentMessage
    let otherComment: SocialComment
    let otherTicket: SupportTicket
    let otherNotification: UserNotification
    let otherInvitation: Invitation
    private(set) var otherIds: Set<ObjectId> = []

    init(_ backend: Backend) throws {
        w = try AccountWorld(backend)
        mine = try w.organization("acme")
        other = try w.organization("globex")
        var members: [UserRole: User] = [:]
        for role in UserRole.allCases { members[role] = try w.customer("\(role.rawValue)@acme.test", in: mine, role: role) }
        self.members = members
        try w.post(in: mine, by: members[.user]!, title: "Ours")
        otherAdmin = try w.customer("admin@globex.test", in: other, role: .admin)
        otherUser = try w.customer("user@globex.test", in: other, role: .user)
        staffBoss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        let theirs = identity(of: otherAdmin)
        let pending = try w.post(in: other, by: otherUser, title: "Pending")
        let approved = try w.post(in: other, by: otherUser, title: "Approved")
        let rejected = try w.post(in: other, by: otherUser, title: "Rejected")
        otherChange = try w.workflow.approve(approved._id, by: theirs)
        try w.workflow.reject(rejected._id, reason: "Off-brand", by: theirs)
        otherPosts = [pending, approved, rejected]
        try w.users().suspend(otherUser._id, reason: "audit entry", by: theirs)
        try w.users().activate(otherUser._id, by: theirs)

        var agent = AIAgent()
        agent.name = "Content Agent"
        agent.type = .content
        for org in [mine, other] {
            var o = AIAgent.OrganizationOverride()
            o.organizationId = org._id
            o.customPrompts = ["voice of \(org.slug)"]
            agent.organizationSpecific.append(o)
        }
        try ModelCollection(w.store, AIAgent.self).insert(agent)
        self.agent = agent
        for org in [mine, other] {
            var run = AgentRun()
            run.agentId = agent._id
            run.agentType = .content
            run.organizationId = org._id
            run.startedAt = w.clock.now.addingTimeInterval(-600)
            run.cost = 1
            try ModelCollection(w.store, AgentRun.self).insert(run)
        }
        let (store, now, otherId, author) = (w.store, w.clock.now, other._id, otherUser._id)
        otherJobs = try [PublishJobState.failed, .needsCheck].map { state in
            var job = PublishJob()
            job.contentId = approved._id
            job.organizationId = otherId
            job.authorId = author
            job.platform = state == .failed ? .facebook : .linkedin
            job.dueAt = now.addingTimeInterval(-3600)
            job._id = PublishJob.id(contentId: approved._id, platform: job.platform, dueAt: job.dueAt)
            job.state = state
            job.nextAttemptAt = job.dueAt
            try ModelCollection(store, PublishJob.self).insert(job)
            return job
        }
        otherSchedule = try RecurringSchedules(store: store, clock: w.clock.closure)
            .repeatPost(approved._id, rule: .weekly([.init(weekday: 1, time: .init(hour: 9, minute: 0))], in: "UTC"), by: theirs)
        var failedWorkflow = try WorkflowRequests(store: store)
            .request(StandardWorkflows.analytics, organizationId: other._id, by: theirs)
        try store.updateOne(AgentMessage.collection.rawValue, .id(failedWorkflow._id), Update.set("status", AgentMessage.Delivery.failed))
        failedWorkflow.status = .failed
        otherWorkflow = failedWorkflow
        var comment = SocialComment()
        comment.organizationId = other._id
        comment.externalId = "theirs-1"
        comment.author = "their customer"
        comment.text = "Where is my order?"
        comment.createdAt = now
        try ModelCollection(store, SocialComment.self).insert(comment)
        otherComment = comment
        try SocialAccountTokens(store: store, vault: w.vault).connect(userId: otherUser._id, platform: .linkedin, accountId: "theirs",
                                                                      accountName: "Theirs", accessToken: "their-token", refreshToken: nil,
                                                                      at: now, by: identity(of: otherUser))
        otherTicket = try SupportDesk(store: store, clock: w.clock.closure).open(subject: "Their problem", body: "", by: identity(of: otherUser))
        var note = UserNotification()
        note.organizationId = other._id
        note.userId = otherUser._id
        note.title = "Theirs"
        note.createdAt = now
        try ModelCollection(store, UserNotification.self).insert(note)
        otherNotification = note
        otherInvitation = try Invitations(store: store, vault: w.vault, clock: w.clock.closure)
            .invite("invited@globex.test", role: .user, to: other._id, by: theirs).invitation
        for org in [mine, other] {
            var sub = Subscription()
            sub.organizationId = org._id
            sub.plan = PlanCatalog.plan(.pro, interval: .month)
            sub.history = [.init(action: .created, fromPlan: nil, toPlan: "Pro", date: now)]
            sub.createdAt = now
            sub.updatedAt = now
            try ModelCollection(store, Subscription.self).insert(sub)
        }
        otherIds = Set(try otherOrganizationsDocuments().values.compactMap { $0["_id"]?.objectIdValue })
        otherIds.insert(other._id)
    }

    var jobs: PublishJobs { PublishJobs(store: w.store, clock: w.clock.closure) }
    var desk: SupportDesk { SupportDesk(store: w.store, clock: w.clock.closure) }
    var subscriptions: SubscriptionAdministration { SubscriptionAdministration(store: w.store, clock: w.clock.closure) }
    var recurring: RecurringSchedules { RecurringSchedules(store: w.store, clock: w.clock.closure) }
    var connector: AccountConnector {
        var settings = PlatformSettings()
        settings.oauth[.linkedin]?.clientId = "isolation"
        return AccountConnector(store: w.store, vault: w.vault, settings: settings, clock: w.clock.closure)
    }

    func member(_ role: UserRole) throws -> Identity { identity(of: try #require(members[role])) }

    /// Every document of the other organization, keyed `collection id`.
    func otherOrganizationsDocuments() throws -> [String: Document] {
        var out: [String: Document] = [:]
        let owned: [(CollectionName, Filter)] = [
            (.organizations, .id(other._id)),
            (.users, .eq("organizationId", other._id)),
            (.content, .eq("organizationId", other._id)),
            (.agentRuns, .eq("organizationId", other._id)),
            (.customerActivityLogs, .eq("organizationId", other._id)),
            (.publishJobs, .eq("organizationId", other._id)),
            (.recurringSchedules, .eq("organizationId", other._id)),
            (.agentMessages, .eq("organizationId", other._id)),
            (.comments, .eq("organizationId", other._id)),
            (.subscriptions, .eq("organizationId", other._id)),
            (.supportTickets, .eq("organizationId", other._id)),
            (.notifications, .eq("organizationId", other._id)),
            (.invitations, .eq("organizationId", other._id)),
        ]
        for (collection, filter) in owned {
            for doc in try w.store.find(collection.rawValue, filter, options: FindOptions(includeDeleted: true)) {
                out["\(collection.rawValue) \(doc["_id"]?.objectIdValue?.hex ?? "?")"] = doc
            }
        }
        return out
    }
}
