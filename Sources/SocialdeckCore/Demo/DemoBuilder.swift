import Foundation
import SocialdeckModel

/// Generates the demo documents. Every value comes from `rng` and `now`, so the
/// output is a pure function of the options.
struct DemoBuilder {
    let options: DemoWorkspace.Options
    /// `options.now` rounded down to midnight UTC.
    let now: Date
    var rng: SeededGenerator
    private var counter: UInt32 = 0
    private let unique: UInt64

    init(options: DemoWorkspace.Options) {
        self.options = options
        now = Date(timeIntervalSince1970: (options.now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        rng = SeededGenerator(seed: options.seed)
        unique = options.seed &* 0x2545_F491_4F6C_DD1D
    }

    /// A deterministic ObjectId whose timestamp is `date`.
    mutating func id(_ date: Date) -> ObjectId {
        counter &+= 1
        return ObjectId(timestamp: UInt32(clamping: Int64(date.timeIntervalSince1970)), unique: unique, counter: counter)
    }

    func days(_ n: Double) -> TimeInterval { n * 86_400 }

    mutating func pastDate(maxDays: Double) -> Date {
        now.addingTimeInterval(-days(Double.random(in: 0..<maxDays, using: &rng)))
    }

    static func plan(forOrganization i: Int) -> PlanTier {
        [PlanTier.enterprise, .pro, .free, .pro, .pro, .free, .enterprise, .pro][i % 8]
    }

    /// Every fifth organization has cancelled, so churn has something to show.
    static func isChurned(_ i: Int) -> Bool { i % 5 == 4 }

    mutating func organizations() -> [Organization] {
        (0..<options.organizations).map { i in
            let company = DemoCatalog.companies[i % DemoCatalog.companies.count]
            let suffix = i < DemoCatalog.companies.count ? "" : "-\(i / DemoCatalog.companies.count + 1)"
            let created = pastDate(maxDays: 400).addingTimeInterval(-days(Double(options.days)))
            var org = Organization()
            org._id = id(created)
            org.name = company.name + (suffix.isEmpty ? "" : " \(i / DemoCatalog.companies.count + 1)")
            org.slug = company.slug + suffix
            org.domain = company.domain
            let plan = Self.plan(forOrganization: i)
            org.subscription.plan = plan
            org.subscription.status = Self.isChurned(i) ? .cancelled : .active
            let limits = PlanCatalog.limits(plan)
            (org.subscription.maxUsers, org.subscription.maxSocialAccounts, org.subscription.maxPostsPerMonth)
                = (limits.users, limits.socialAccounts, limits.postsPerMonth)
            org.subscription.billingCycle = i % 3 == 0 ? .yearly : .monthly
            org.subscription.nextBillingDate = Self.isChurned(i) ? nil : now.addingTimeInterval(days(Double(i % 28 + 1)))
            org.subscription.monthlyRevenue = Self.isChurned(i) ? 0 : plan.monthlyListPrice
            org.subscription.totalRevenue = plan.monthlyListPrice * (now.timeIntervalSince(created) / days(30)).rounded()
            org.settings.allowedDomains = ["\(org.slug).example", company.domain]
            org.settings.brandingEnabled = plan != .free
            org.settings.ssoEnabled = plan == .enterprise
            org.branding.primaryColor = ["#D9480F", "#2B8A3E", "#1971C2", "#7048E8"][i % 4]
            org.billing.stripeCustomerId = "cus_demo\(1000 + i)"
            org.gdpr.consentDate = created
            org.gdpr.dpoContact = "privacy@\(company.domain)"
            org.createdAt = created
            org.updatedAt = created
            return org
        }
    }

    mutating func users(for orgs: [Organization]) -> [User] {
        Self.connectingEveryPlatform(people(for: orgs))
    }

    /// Every organization's first admin holds a sandbox account on each platform its
    /// people left unconnected, so that every approved demo post publishes (into the
    /// sandbox). No random draws: the rest of the demo stays as it was.
    static func connectingEveryPlatform(_ users: [User]) -> [User] {
        var users = users
        var connected: [ObjectId: Set<Platform>] = [:]
        for user in users { connected[user.organizationId, default: []].formUnion(user.socialAccounts.map(\.platform)) }
        for org in Set(users.map(\.organizationId)) {
            guard let i = users.firstIndex(where: { $0.organizationId == org && $0.role == .admin }) else { continue }
            for platform in Platform.allCases where !(connected[org]?.contains(platform) ?? false) {
                let slug = users[i].email.split(separator: "@").last.map { String($0.split(separator: ".").first ?? "") } ?? "demo"
                users[i].socialAccounts.append(User.SocialAccount(
                    platform: platform, accountId: "\(org.hex.suffix(6))\(Platform.allCases.firstIndex(of: platform)!)",
                    accountName: "@\(slug)", isActive: true, connectedAt: users[i].createdAt))
            }
        }
        return users
    }

    private mutating func people(for orgs: [Organization]) -> [User] {
        let roles: [UserRole] = [.admin, .manager, .user, .viewer, .manager, .user]
        return (0..<options.users).map { i in
            let org = orgs[i % orgs.count]
            let company = DemoCatalog.companies[(i % orgs.count) % DemoCatalog.companies.count]
            let first = rng.pick(DemoCatalog.firstNames), last = rng.pick(DemoCatalog.lastNames)
            let role = roles[(i / orgs.count) % roles.count]
            let created = org.createdAt.addingTimeInterval(days(Double(i / orgs.count) * 3))
            let local = i < orgs.count * 4 ? role.rawValue : "\(role.rawValue)\(i)"
            var user = User(_id: id(created), organizationId: org._id, email: "\(local)@\(org.slug).example",
                            profile: User.Profile(firstName: first, lastName: last, timezone: rng.pick(DemoCatalog.timezones),
                                                  language: "en", businessProfile: User.BusinessProfile(
                                                      companyName: org.name, industry: company.industry,
                                                      targetAudience: company.audience, brandVoice: company.voice,
                                                      objectives: ["grow followers", "drive store visits"])),
                            role: role, createdAt: created, updatedAt: created)
            user.authentication.emailVerified = true
            user.authentication.lastLogin = pastDate(maxDays: 14)
            user.subscription = User.UserSubscription(status: org.subscription.status, startDate: org.createdAt, autoRenew: true)
            user.preferences = User.Preferences()
            user.gdpr = User.UserGDPR(consentGiven: true, consentDate: created, dataProcessingAgreement: "v2")
            if role == .admin || role == .manager {
                for platform in Platform.allCases where rng.chance(0.6) {
                    user.socialAccounts.append(User.SocialAccount(
                        platform: platform, accountId: String(UInt32.random(in: 100_000...999_999, using: &rng)),
                        accountName: "@\(org.slug)", isActive: true, connectedAt: created, lastSync: pastDate(maxDays: 1)))
                }
            }
            if i % 17 == 16 { user.authentication.isActive = false }
            return user
        }
    }

    mutating func staff() -> [AdminUser] {
        let people: [(StaffRole, String, String)] = [
            (.superAdmin, "Sam", "Okoro"), (.admin, "Alex", "Moreau"), (.support, "Riley", "Kim"), (.analyst, "Noor", "Haddad"),
        ]
        return people.map { role, first, last in
            var a = AdminUser()
            let created = now.addingTimeInterval(-days(500))
            a._id = id(created)
            a.email = "\(role.rawValue.replacingOccurrences(of: "_", with: "-"))@socialdeck.example"
            a.role = role
            a.profile.firstName = first
            a.profile.lastName = last
            a.profile.timezone = "Europe/London"
            a.security.lastLogin = pastDate(maxDays: 3)
            a.security.sessionTimeout = role == .support ? 60 : 30
            a.createdAt = created
            a.updatedAt = created
            return a
        }
    }
}
