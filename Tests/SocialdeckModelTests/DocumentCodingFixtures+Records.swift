import Foundation
import Testing
import SocialdeckModel

/// Every record model (analytics, billing, logs, plans, tickets, runs, media) with every optional filled.
extension DocumentCodingTests {
    static var analytics: AnalyticsRecord {
        var r = AnalyticsRecord()
        r._id = oid(50)
        r.organizationId = oid(20)
        r.userId = oid(1)
        r.type = .platformMetrics
        r.date = d("2026-11-28")
        r.metrics.activeUsers = 3
        r.metrics.newUsers = 1
        r.metrics.sessionDuration = 612.5
        r.metrics.pageViews = 40
        r.metrics.postsPublished = 2
        r.metrics.totalEngagement = 90
        r.metrics.averageEngagement = 45
        r.metrics.topPerformingPost = oid(30)
        var b = AnalyticsRecord.PlatformBreakdown()
        for (i, p) in Platform.allCases.enumerated() {
            var f = AnalyticsRecord.PlatformFigures()
            f.posts = i; f.views = i * 100; f.engagement = i * 10; f.followers = i * 1000
            b[p] = f
        }
        r.metrics.platformBreakdown = b
        r.metrics.revenue = 99.5
        r.metrics.newSubscriptions = 2
        r.metrics.churnRate = 0.02
        r.metrics.mrr = 1000
        r.metrics.arr = 12_000
        r.aggregation = .weekly
        r.createdAt = d("2026-11-29")
        return r
    }

    static var subscription: Subscription {
        var s = Subscription()
        s._id = oid(60)
        s.organizationId = oid(20)
        s.plan.name = "Pro"
        s.plan.price = 490
        s.plan.currency = "EUR"
        s.plan.interval = .year
        s.plan.features = ["scheduling", "ai_drafts"]
        s.plan.limits.users = 10
        s.plan.limits.socialAccounts = 15
        s.plan.limits.postsPerMonth = 500
        s.plan.limits.aiGenerations = 300
        s.status = .cancelled
        s.billing.stripeSubscriptionId = "sub_1"
        s.billing.currentPeriodStart = d("2026-11-01")
        s.billing.currentPeriodEnd = d("2027-11-01")
        s.billing.cancelAtPeriodEnd = true
        s.billing.cancelledAt = d("2026-11-20")
        s.billing.trialStart = d("2025-01-01")
        s.billing.trialEnd = d("2025-01-15")
        s.usage.currentUsers = 4
        s.usage.currentSocialAccounts = 6
        s.usage.currentMonthPosts = 77
        s.usage.currentMonthAiGenerations = 12
        s.history = [
            .init(action: .created, fromPlan: nil, toPlan: "Free", date: d("2025-01-01")),
            .init(action: .upgraded, fromPlan: "Free", toPlan: "Pro", date: d("2025-03-01"), reason: "Needed more seats"),
            .init(action: .cancelled, fromPlan: "Pro", toPlan: nil, date: d("2026-11-20"), reason: "Budget"),
        ]
        s.createdAt = d("2025-01-01")
        s.updatedAt = d("2026-11-20")
        return s
    }

    static var auditLog: AdminActivityLog {
        var l = AdminActivityLog()
        l._id = oid(70)
        l.adminUserId = oid(10)
        l.action = "user_suspended"
        l.targetType = .adminUser
        l.targetId = oid(1)
        l.details.before = Document([.init("status", .string("active"))])
        l.details.after = Document([.init("status", .string("suspended"))])
        l.details.reason = "Chargeback"
        l.details.additionalInfo = freeForm
        l.metadata.ipAddress = "192.0.2.7"
        l.metadata.userAgent = "xterm"
        l.metadata.location = "Berlin"
        l.metadata.sessionId = "sess-1"
        l.timestamp = d("2026-11-29T10:00:00.001Z")
        l.severity = .critical
        return l
    }

    static var strategy: Strategy {
        var s = Strategy()
        s._id = oid(80)
        s.organizationId = oid(20)
        s.strategy = freeForm
        s.createdBy = "user"
        s.createdAt = d("2026-11-01")
        s.updatedAt = d("2026-11-02")
        s.status = .superseded
        s.version = 3
        return s
    }

    static var calendar: ContentCalendarPlan {
        var c = ContentCalendarPlan()
        c._id = oid(90)
        c.organizationId = oid(20)
        c.calendar = Document([.init("weeks", .array([.document(freeForm)]))])
        c.period_days = 14
        c.createdBy = "planner"
        c.createdAt = d("2026-11-01")
        c.status = .archived
        return c
    }

    static var notification: UserNotification {
        var n = UserNotification()
        n._id = oid(100)
        n.organizationId = oid(20)
        n.userId = oid(1)
        n.kind = .approvalNeeded
        n.title = "Drafts waiting"
        n.message = "3 drafts"
        n.relatedId = oid(30)
        n.isRead = true
        n.readAt = d("2026-11-29T10:10:00Z")
        n.createdAt = d("2026-11-29T10:00:00Z")
        n.deletedAt = d("2026-11-30")
        var email = UserNotification.EmailDelivery()
        email.state = .pending
        email.to = "ana@acme.test"
        email.attempts = 2
        email.nextAttemptAt = d("2026-11-29T10:05:00Z")
        email.leaseOwner = "host:1:abc"
        email.leaseUntil = d("2026-11-29T10:07:00Z")
        email.lastError = "could not connect"
        n.email = email
        return n
    }

    static var ticket: SupportTicket {
        var t = SupportTicket()
        t._id = oid(110)
        t.organizationId = oid(20)
        t.userId = oid(1)
        t.subject = "Help"
        t.body = "Posts stuck"
        t.status = .resolved
        t.priority = .urgent
        t.assignedTo = oid(10)
        var msg = SupportTicket.Message()
        msg.authorId = oid(10)
        msg.fromStaff = true
        msg.text = "On it"
        msg.createdAt = d("2026-11-29T11:00:00Z")
        t.messages = [msg, SupportTicket.Message()]
        t.createdAt = d("2026-11-29")
        t.updatedAt = d("2026-11-29T11:00:00Z")
        t.resolvedAt = d("2026-11-30")
        return t
    }

    static var run: AgentRun {
        var r = AgentRun()
        r._id = oid(120)
        r.agentId = oid(40)
        r.agentType = .engagement
        r.organizationId = oid(20)
        r.task = "reply_to_comments"
        r.status = .failed
        r.startedAt = d("2026-11-29T10:00:00Z")
        r.finishedAt = d("2026-11-29T10:00:02.500Z")
        r.durationMs = 2500
        r.model = "gpt-4o-mini"
        r.promptTokens = 800
        r.completionTokens = 0
        r.cost = 0.0002
        r.error = "429 Too Many Requests"
        return r
    }

    static var message: AgentMessage {
        var m = AgentMessage()
        m._id = oid(130)
        m.fromAgent = .strategy
        m.toAgent = .content
        m.organizationId = oid(20)
        m.type = "new_calendar"
        m.payload = freeForm
        m.status = .processing
        m.createdAt = d("2026-11-29")
        m.processedAt = d("2026-11-29T00:00:40Z")
        return m
    }

    static var memory: AgentMemoryItem {
        var m = AgentMemoryItem()
        m._id = oid(140)
        m.agentType = .learning
        m.organizationId = oid(20)
        m.kind = "result"
        m.text = "Evening posts do better"
        m.metadata = freeForm
        m.createdAt = d("2026-11-29")
        return m
    }

    static var media: GeneratedMedia {
        var m = GeneratedMedia()
        m._id = oid(150)
        m.organizationId = oid(20)
        m.contentId = oid(30)
        m.platform = .tiktok
        m.kind = .video
        m.url = "https://cdn/v.mp4"
        m.description = "A loaf"
        m.prompt = "bread video"
        m.width = 1080
        m.height = 1920
        m.createdAt = d("2026-11-29")
        return m
    }

    static var customerLog: CustomerActivityLog {
        var l = CustomerActivityLog()
        l._id = oid(160)
        l.organizationId = oid(20)
        l.userId = oid(1)
        l.action = "content_rejected"
        l.targetType = .content
        l.targetId = oid(30)
        l.details.before = Document([.init("status", .string("pending"))])
        l.details.after = Document([.init("status", .string("rejected"))])
        l.details.reason = "Off-brand tone"
        l.metadata.ipAddress = "203.0.113.9"
        l.metadata.userAgent = "tmux-256color"
        l.metadata.sessionId = "sess-2"
        l.timestamp = d("2026-11-29T11:00:00Z")
        l.severity = .info
        l.sealed = [SealedPersonalData(owner: oid(1), part: .metadata, data: "enc:v1:0123abcd:AAAA")]
        return l
    }

    static var publishJob: PublishJob {
        var j = PublishJob()
        j._id = oid(170)
        j.organizationId = oid(20)
        j.contentId = oid(30)
        j.authorId = oid(1)
        j.platform = .instagram
        j.dueAt = d("2026-12-01T09:00:00Z")
        j.account = PublishJob.Account(userId: oid(1), accountId: "17841400000", accountName: "@acme", live: false)
        j.state = .publishing
        j.attempts = 2
        j.nextAttemptAt = d("2026-12-01T09:02:00Z")
        j.lease = PublishJob.Lease(owner: "vm:42:abc", token: "t1", expiresAt: d("2026-12-01T09:07:00Z"))
        j.sendingAt = d("2026-12-01T09:02:01Z")
        j.lateAllowed = true
        j.platformPostId = "1790"
        j.permalink = "https://www.instagram.com/p/abc/"
        j.publishedAt = d("2026-12-01T09:02:02Z")
        j.lastError = "429 Too Many Requests"
        j.resolvedBy = "ops"
        j.resolvedAt = d("2026-12-01T10:00:00Z")
        j.createdAt = d("2026-12-01T08:59:00Z")
        j.updatedAt = d("2026-12-01T09:02:02Z")
        return j
    }

    static var outboxEntry: PublishOutboxEntry {
        var e = PublishOutboxEntry()
        e._id = oid(180)
        e.jobId = oid(170)
        e.contentId = oid(30)
        e.organizationId = oid(20)
        e.platform = .linkedin
        e.accountId = "abc"
        e.attempt = 1
        e.sentAt = d("2026-12-01T09:00:00Z")
        e.step = "publish"
        e.request.url = "https://api.linkedin.com/rest/posts"
        e.request.headers = ["Authorization": "[redacted]", "LinkedIn-Version": "202411"]
        e.request.body = "{}"
        e.response.status = 201
        e.response.headers = ["x-restli-id": "urn:li:share:1"]
        return e
    }
}

extension DocumentCodingTests {
    static var recurringPost: RecurringSchedule {
        var s = RecurringSchedule()
        s._id = oid(190)
        s.organizationId = oid(20)
        s.kind = .post
        s.name = "Monday tips"
        s.rule = .weekly([.init(weekday: 1, time: .init(hour: 9, minute: 0)), .init(weekday: 4, time: .init(hour: 17, minute: 30))],
                         in: "Europe/Berlin")
        var template = RecurringSchedule.PostTemplate()
        template.title = "Monday tips"
        template.body.text = "Tip of the week"
        template.body.images = ["https://cdn.example/tip.jpg"]
        template.platforms = [.twitter, .linkedin]
        template.variants = ["twitter": "Tip! #coffee"]
        template.authorId = oid(10)
        template.approvedBy = oid(11)
        s.post = template
        s.nextRunAt = d("2026-12-07")
        s.lastRunAt = d("2026-12-03")
        s.runs = 4
        s.skipped = 1
        s.createdBy = oid(11)
        s.createdAt = d("2026-11-01")
        s.updatedAt = d("2026-12-03")
        return s
    }
}
