import Foundation
import Testing
import SocialdeckModel

/// Models ↔ documents through `DocumentEncoder` / `DocumentDecoder`.
@Suite("Document coding of every model")
struct DocumentCodingTests {
    // MARK: - Fixtures, every optional filled

    static func d(_ iso: String) -> Date { ISODate.date(from: iso)! }
    static func oid(_ n: Int) -> ObjectId { ObjectId(timestamp: 1_795_946_400, unique: 0x42, counter: UInt32(n)) }
    static let freeForm = Document([
        .init("k", .string("v")), .init("n", .int32(3)), .init("big", .int64(5_000_000_000)),
        .init("list", .array([.double(1.5), .null, .bool(false)])), .init("when", .datetime(1_795_946_400_123)),
    ])

    static var user: User {
        var u = User(_id: oid(1), organizationId: oid(2), email: "ada@example.com", passwordHash: "$argon2id$hash",
                     profile: User.Profile(firstName: "Ada", lastName: "Lovelace", avatarUrl: "https://a/b.png",
                                           timezone: "Europe/London", language: "en", phoneNumber: "+44 20 0000",
                                           businessProfile: User.BusinessProfile(companyName: "Engines", industry: "compute",
                                                                                 targetAudience: "mathematicians",
                                                                                 brandVoice: "precise", objectives: ["a", "b"])),
                     role: .manager, permissions: ["content.write", "content.approve"],
                     socialAccounts: [User.SocialAccount(platform: .twitter, accountId: "123", accountName: "@ada",
                                                         accessToken: "tok", refreshToken: "ref", isActive: false,
                                                         connectedAt: d("2026-01-02T03:04:05.678Z"),
                                                         lastSync: d("2026-11-28T00:00:00Z"))],
                     subscription: User.UserSubscription(planId: oid(3), status: .pastDue, startDate: d("2026-01-01"),
                                                         endDate: d("2027-01-01"), autoRenew: false),
                     authentication: User.Authentication(isActive: true, emailVerified: true, lastLogin: d("2026-11-29T08:00:00Z"),
                                                         loginAttempts: 2, twoFactorEnabled: true, twoFactorSecret: "JBSWY3DP"),
                     preferences: User.Preferences(notifications: User.NotificationChannels(email: false, push: true, sms: true),
                                                   dashboard: User.DashboardPreferences(defaultView: "queue", widgets: [freeForm])),
                     gdpr: User.UserGDPR(consentGiven: true, consentDate: d("2026-01-01"), dataProcessingAgreement: "v2",
                                         rightToBeDeleted: true),
                     createdAt: d("2026-01-01T00:00:00.001Z"), updatedAt: d("2026-06-01"), deletedAt: d("2026-12-01"))
        u.permissions.append("billing.read")
        return u
    }

    static var adminUser: AdminUser {
        var a = AdminUser()
        a._id = oid(10)
        a.email = "sam@socialdeck.example"
        a.passwordHash = "hash"
        a.profile.firstName = "Sam"
        a.profile.lastName = "Okoro"
        a.profile.avatarUrl = "https://x/y.png"
        a.profile.timezone = "Africa/Lagos"
        a.profile.phoneNumber = "+234"
        a.role = .superAdmin
        a.permissions = ["*"]
        a.settings.dashboardPreferences.defaultView = "revenue"
        a.settings.dashboardPreferences.widgets = [freeForm]
        a.settings.dashboardPreferences.refreshInterval = 0.5
        a.settings.notificationSettings.userActivity = true
        a.settings.notificationSettings.revenueAlerts = true
        a.security.lastLogin = d("2026-11-28T10:00:00Z")
        a.security.loginAttempts = 1
        a.security.twoFactorEnabled = true
        a.security.twoFactorSecret = "SECRET"
        a.security.ipWhitelist = ["192.0.2.1", "2001:db8::1"]
        a.security.sessionTimeout = 15
        a.createdAt = d("2025-01-01")
        a.updatedAt = d("2026-01-01")
        a.isActive = false
        return a
    }

    static var organization: Organization {
        var o = Organization()
        o._id = oid(20)
        o.name = "Dough & Co"
        o.slug = "dough-co"
        o.domain = "dough.example"
        o.subscription.plan = .enterprise
        o.subscription.status = .pastDue
        o.subscription.maxUsers = 100
        o.subscription.maxSocialAccounts = 75
        o.subscription.maxPostsPerMonth = 10_000
        o.subscription.billingCycle = .yearly
        o.subscription.nextBillingDate = d("2026-12-15")
        o.subscription.monthlyRevenue = 299
        o.subscription.totalRevenue = 3588.5
        o.settings.dataRetentionDays = 30
        o.settings.allowedDomains = ["dough.example", "co.example"]
        o.settings.ssoEnabled = true
        o.settings.brandingEnabled = true
        o.settings.customDomain = "social.dough.example"
        o.branding.logo = "https://logo"
        o.branding.primaryColor = "#D9480F"
        o.branding.secondaryColor = "#000"
        o.branding.customCss = "body{}"
        o.billing.stripeCustomerId = "cus_1"
        o.billing.paymentMethodId = "pm_1"
        o.billing.billingAddress = Document([.init("city", .string("Berlin"))])
        o.billing.taxId = "DE123"
        o.gdpr.consentRequired = false
        o.gdpr.consentDate = d("2026-02-02")
        o.gdpr.dataProcessingAgreement = "v3"
        o.gdpr.dpoContact = "dpo@dough.example"
        o.createdAt = d("2025-05-05")
        o.updatedAt = d("2025-06-06")
        o.deletedAt = d("2026-07-07")
        return o
    }

    static var content: Content {
        var c = Content()
        c._id = oid(30)
        c.organizationId = oid(20)
        c.userId = oid(1)
        c.type = .campaign
        c.title = "Launch"
        c.content.text = "New loaf 🍞 https://dough.example/1 #bread"
        c.content.images = ["https://cdn/1.jpg"]
        c.content.videos = ["https://cdn/1.mp4"]
        c.content.hashtags = ["bread"]
        c.content.mentions = ["@baker"]
        c.content.links = ["https://dough.example/1"]
        var published = Content.PlatformPost(platform: .instagram, status: .published, scheduledAt: d("2026-11-01T09:00:00Z"))
        published.platformPostId = "ig_1"
        published.publishedAt = d("2026-11-01T09:00:30.250Z")
        var m = Content.Metrics()
        m.views = 1000; m.likes = 50; m.shares = 5; m.comments = 3; m.clicks = 2; m.engagement = 60
        published.metrics = m
        c.platforms = [published, Content.PlatformPost(platform: .twitter, status: .needsCheck, scheduledAt: d("2026-11-01T09:00:00Z"))]
        var ai = Content.AIGenerated()
        ai.isAiGenerated = true
        ai.agentId = oid(40).hex
        ai.prompt = "Write about bread"
        ai.generatedAt = d("2026-10-30")
        ai.confidence = 0.87
        c.aiGenerated = ai
        c.approval.status = .rejected
        c.approval.approvedBy = oid(1)
        c.approval.approvedAt = d("2026-10-31")
        c.approval.rejectionReason = "Off-brand"
        c.analytics.totalViews = 1000
        c.analytics.totalEngagement = 60
        c.analytics.bestPerformingPlatform = .instagram
        c.analytics.engagementRate = 0.06
        c.createdAt = d("2026-10-30")
        c.updatedAt = d("2026-11-01")
        c.deletedAt = d("2026-11-02")
        return c
    }

    static var agent: AIAgent {
        var a = AIAgent()
        a._id = oid(40)
        a.name = "Content"
        a.type = .content
        a.status = .maintenance
        a.configuration.model = "claude-3-5-sonnet"
        a.configuration.temperature = 0.8
        a.configuration.maxTokens = 4000
        a.configuration.systemPrompt = "You write posts."
        a.configuration.tools = ["image_generation"]
        a.configuration.memory.enabled = false
        a.configuration.memory.vectorStore = "agent_content_memory"
        a.configuration.memory.maxMemoryItems = 50
        a.performance.totalExecutions = 12
        a.performance.successRate = 91.7
        a.performance.averageResponseTime = 7012
        a.performance.lastExecution = d("2026-11-28T23:59:59.999Z")
        a.performance.errorCount = 1
        a.costs.totalTokensUsed = 123_456
        a.costs.totalCost = 1.23
        a.costs.monthlyTokens = 456
        a.costs.monthlyCost = 0.01
        var override = AIAgent.OrganizationOverride()
        override.organizationId = oid(20)
        override.customPrompts = ["Be brief"]
        override.preferences = freeForm
        override.isEnabled = false
        a.organizationSpecific = [override]
        a.createdAt = d("2026-01-01")
        a.updatedAt = d("2026-11-28")
        return a
    }

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
        return l
    }

    // MARK: - Round trips

    func roundTrip<M: StoredModel & Equatable>(_ model: M) throws -> (Document, M) {
        let doc = try DocumentEncoder().encode(model)
        let back = try DocumentDecoder().decode(M.self, from: doc)
        // The document also survives the binary form unchanged.
        #expect(try Document(bson: doc.bsonBytes()) == doc)
        #expect(try DocumentDecoder().decode(M.self, from: Document(bson: doc.bsonBytes())) == model)
        return (doc, back)
    }

    func check<M: StoredModel & Equatable>(_ full: M, _ defaults: M) throws {
        let (doc, back) = try roundTrip(full)
        #expect(back == full)
        #expect(doc["_id"] == .objectId(full._id))
        #expect(doc.keys.first == "_id")
        let (_, backDefaults) = try roundTrip(defaults)
        #expect(backDefaults == defaults)
    }

    @Test func user() throws {
        try check(Self.user, User(organizationId: Self.oid(2), email: "x@y", profile: .init(firstName: "A", lastName: "B"),
                                  role: .viewer, createdAt: Self.d("2026-01-01"), updatedAt: Self.d("2026-01-01")))
    }

    @Test func adminUser() throws { try check(Self.adminUser, AdminUser()) }
    @Test func organization() throws { try check(Self.organization, Organization()) }
    @Test func content() throws { try check(Self.content, Content()) }
    @Test func aiAgent() throws { try check(Self.agent, AIAgent()) }
    @Test func analyticsRecord() throws { try check(Self.analytics, AnalyticsRecord()) }
    @Test func subscription() throws { try check(Self.subscription, Subscription()) }
    @Test func adminActivityLog() throws { try check(Self.auditLog, AdminActivityLog()) }
    @Test func strategy() throws { try check(Self.strategy, Strategy()) }
    @Test func contentCalendarPlan() throws { try check(Self.calendar, ContentCalendarPlan()) }
    @Test func userNotification() throws { try check(Self.notification, UserNotification()) }
    @Test func supportTicket() throws { try check(Self.ticket, SupportTicket()) }
    @Test func agentRun() throws { try check(Self.run, AgentRun()) }
    @Test func agentMessage() throws { try check(Self.message, AgentMessage()) }
    @Test func agentMemoryItem() throws { try check(Self.memory, AgentMemoryItem()) }
    @Test func generatedMedia() throws { try check(Self.media, GeneratedMedia()) }
    @Test func customerActivityLog() throws { try check(Self.customerLog, CustomerActivityLog()) }

    @Test func everyCollectionHasAFixture() {
        let covered: Set<CollectionName> = [
            User.collection, AdminUser.collection, Organization.collection, Content.collection, AIAgent.collection,
            AnalyticsRecord.collection, Subscription.collection, AdminActivityLog.collection, Strategy.collection,
            ContentCalendarPlan.collection, UserNotification.collection, SupportTicket.collection, AgentRun.collection,
            AgentMessage.collection, AgentMemoryItem.collection, GeneratedMedia.collection, CustomerActivityLog.collection,
        ]
        #expect(covered == Set(CollectionName.allCases))
    }

    // MARK: - Shape of the documents

    @Test func nilOptionalsAreAbsent() throws {
        let doc = try DocumentEncoder().encode(Content())
        #expect(doc["aiGenerated"] == nil)
        #expect(doc["deletedAt"] == nil)
        #expect(doc.value(at: "approval.approvedBy") == nil)
        #expect(doc.value(at: "approval.rejectionReason") == nil)
        #expect(doc.value(at: "analytics.bestPerformingPlatform") == nil)
        #expect(doc.value(at: "approval.status") == .string("pending"))
        #expect(!ExtendedJSON.string(from: doc).contains("null"))

        let user = try DocumentEncoder().encode(User(organizationId: Self.oid(2), email: "x@y",
                                                     profile: .init(firstName: "A", lastName: "B"), role: .user,
                                                     createdAt: Self.d("2026-01-01"), updatedAt: Self.d("2026-01-01")))
        for key in ["passwordHash", "subscription", "preferences", "gdpr", "deletedAt"] { #expect(user[key] == nil, "\(key)") }
        #expect(user.value(at: "authentication.twoFactorSecret") == nil)
        #expect(user.value(at: "profile.avatarUrl") == nil)
        #expect(user.value(at: "authentication.lastLogin") == nil)
    }

    @Test func filledOptionalsArePresent() throws {
        let doc = try DocumentEncoder().encode(Self.user)
        #expect(doc["passwordHash"] == .string("$argon2id$hash"))
        #expect(doc.value(at: "authentication.twoFactorSecret") == .string("JBSWY3DP"))
        #expect(doc.value(at: "socialAccounts.0.accessToken") == .string("tok"))
    }

    @Test func datesBecomeBSONDatesInMilliseconds() throws {
        let doc = try DocumentEncoder().encode(Self.content)
        #expect(doc["createdAt"] == .datetime(ISODate.milliseconds(from: "2026-10-30")!))
        #expect(doc.value(at: "platforms.0.publishedAt") == .datetime(ISODate.milliseconds(from: "2026-11-01T09:00:30.250Z")!))
        #expect(doc.value(at: "aiGenerated.generatedAt")?.dateValue == Self.d("2026-10-30"))
    }

    @Test func idsStayObjectIds() throws {
        let doc = try DocumentEncoder().encode(Self.content)
        #expect(doc["organizationId"] == .objectId(Self.oid(20)))
        #expect(doc.value(at: "approval.approvedBy") == .objectId(Self.oid(1)))
        // agentId is a String in the model, so it is stored as the hex text.
        #expect(doc.value(at: "aiGenerated.agentId") == .string(Self.oid(40).hex))
        let analytics = try DocumentEncoder().encode(Self.analytics)
        #expect(analytics.value(at: "metrics.topPerformingPost") == .objectId(Self.oid(30)))
    }

    @Test func enumsAreTheirRawStrings() throws {
        var staff = AdminUser()
        staff.role = .superAdmin
        #expect(try DocumentEncoder().encode(staff)["role"] == .string("super_admin"))

        let content = try DocumentEncoder().encode(Self.content)
        #expect(content.value(at: "platforms.1.status") == .string("needs_check"))
        #expect(content.value(at: "platforms.1.platform") == .string("twitter"))
        #expect(content["type"] == .string("campaign"))

        #expect(try DocumentEncoder().encode(Self.organization).value(at: "subscription.status") == .string("past_due"))
        #expect(try DocumentEncoder().encode(Self.auditLog)["targetType"] == .string("admin_user"))
        #expect(try DocumentEncoder().encode(Self.notification)["kind"] == .string("approval_needed"))
        #expect(try DocumentEncoder().encode(Self.analytics)["type"] == .string("platform_metrics"))
        #expect(try DocumentEncoder().encode(Self.subscription).value(at: "history.1.action") == .string("upgraded"))
    }

    @Test func numbersUseTheNarrowestIntegerAndDoublesStayDoubles() throws {
        let doc = try DocumentEncoder().encode(Self.agent)
        #expect(doc.value(at: "performance.totalExecutions") == .int32(12))
        #expect(doc.value(at: "costs.totalTokensUsed") == .int32(123_456))
        #expect(doc.value(at: "configuration.temperature") == .double(0.8))
        #expect(doc.value(at: "performance.averageResponseTime") == .double(7012))
    }

    @Test func freeFormDocumentsPassThroughUntouched() throws {
        let doc = try DocumentEncoder().encode(Self.strategy)
        #expect(doc["strategy"] == .document(Self.freeForm))
        #expect(try DocumentEncoder().encode(Self.calendar)["period_days"] == .int32(14))
    }

    @Test func fieldOrderFollowsTheModel() throws {
        let doc = try DocumentEncoder().encode(Self.subscription)
        #expect(doc.keys == ["_id", "organizationId", "plan", "status", "billing", "usage", "history", "createdAt", "updatedAt"])
    }

    // MARK: - Decoding leniency and errors

    @Test func integersDecodeFromAnyWholeNumber() throws {
        var doc = try DocumentEncoder().encode(Self.agent)
        doc.setValue(.int64(12), at: "performance.totalExecutions")
        doc.setValue(.double(2000), at: "configuration.maxTokens")
        doc.setValue(.int32(1), at: "configuration.temperature")
        let agent = try DocumentDecoder().decode(AIAgent.self, from: doc)
        #expect(agent.performance.totalExecutions == 12)
        #expect(agent.configuration.maxTokens == 2000)
        #expect(agent.configuration.temperature == 1)
    }

    func decodingError<M: Decodable>(_ type: M.Type, _ doc: Document) -> DecodingError? {
        do {
            _ = try DocumentDecoder().decode(type, from: doc)
            return nil
        } catch let e as DecodingError {
            return e
        } catch {
            Issue.record("not a DecodingError: \(error)")
            return nil
        }
    }

    func path(_ error: DecodingError?) -> String? {
        switch error {
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
            return c.codingPath.map(\.stringValue).joined(separator: ".")
        case .keyNotFound(let key, let c)?:
            return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        default:
            return nil
        }
    }

    @Test func wrongTypeReportsTheFieldPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.int32(42), at: "platforms.1.status")
        let error = decodingError(Content.self, doc)
        guard case .typeMismatch? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(path(error) == "platforms.1.status")
    }

    @Test(arguments: [
        ("createdAt", BSONValue.string("2026-01-01")),
        ("approval.approvedBy", .string("64b000000000000000000001")),
        ("analytics.totalViews", .double(1.5)),
        ("analytics.totalViews", .double(1e30)),
        ("content.hashtags", .string("bread")),
        ("content.hashtags.0", .int32(1)),
        ("platforms.0.metrics", .array([])),
        ("aiGenerated.confidence", .string("high")),
        ("title", .null),
    ])
    func eachWrongTypeIsReportedAtItsPath(_ field: String, _ value: BSONValue) throws {
        var doc = try DocumentEncoder().encode(Self.content)
        let changed = doc.setValue(value, at: field)
        #expect(changed)
        let error = try #require(decodingError(Content.self, doc), "\(field) = \(value) was accepted")
        #expect(path(error) == field, "\(error)")
    }

    @Test func unknownEnumValueReportsTheFieldPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.string("exploded"), at: "platforms.0.status")
        let error = decodingError(Content.self, doc)
        #expect(path(error) == "platforms.0.status")

        var staff = try DocumentEncoder().encode(AdminUser())
        staff["role"] = .string("superAdmin") // the Swift name is not the stored name
        #expect(path(decodingError(AdminUser.self, staff)) == "role")
    }

    @Test func missingFieldReportsItsPath() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(nil, at: "approval.status")
        let error = decodingError(Content.self, doc)
        guard case .keyNotFound(let key, _)? = error else {
            Issue.record("expected keyNotFound, got \(String(describing: error))")
            return
        }
        #expect(key.stringValue == "status")
        #expect(path(error) == "approval.status")
    }

    @Test func nullForAnOptionalDecodesAsNil() throws {
        var doc = try DocumentEncoder().encode(Self.content)
        doc.setValue(.null, at: "deletedAt")
        doc.setValue(.null, at: "aiGenerated")
        let back = try DocumentDecoder().decode(Content.self, from: doc)
        #expect(back.deletedAt == nil)
        #expect(back.aiGenerated == nil)
    }

    @Test func unknownFieldsAreIgnored() throws {
        var doc = try DocumentEncoder().encode(Self.media)
        doc["addedByANewerVersion"] = .string("x")
        #expect(try DocumentDecoder().decode(GeneratedMedia.self, from: doc) == Self.media)
    }

    @Test func topLevelMustBeKeyed() {
        #expect(throws: EncodingError.self) { try DocumentEncoder().encode([1, 2, 3]) }
        #expect(throws: EncodingError.self) { try DocumentEncoder().encode("text") }
    }
}
