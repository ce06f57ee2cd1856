import Foundation
import Testing
import SocialdeckModel

/// Every account, organization, post and agent model with every optional filled.
extension DocumentCodingTests {
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
}
