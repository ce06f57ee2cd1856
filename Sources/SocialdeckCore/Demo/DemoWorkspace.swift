import Foundation
import SocialdeckModel
import SocialdeckStorage

/// `socialdeck seed`: fills a store with a realistic workspace that follows
/// entirely from its options, so the same options give the same data.
public struct DemoWorkspace: Sendable {
    public struct Options: Sendable, Equatable {
        public var organizations = 6
        public var users = 30
        public var posts = 800
        /// How many days of history: published posts, analytics rollups, agent runs.
        public var days = 90
        public var seed: UInt64 = 42
        /// The moment the workspace is built around; rounded down to the UTC day so
        /// that seeding twice on one day gives the same documents.
        public var now = Date()

        public init() {}

        public func validate() throws {
            if organizations < 1 { throw DemoError("--orgs must be at least 1") }
            if users < organizations { throw DemoError("--users must be at least --orgs (\(organizations)), one per organization") }
            if posts < 0 { throw DemoError("--posts cannot be negative") }
            if days < 1 || days > 3650 { throw DemoError("--days must be between 1 and 3650") }
        }
    }

    public struct Summary: Sendable, Equatable {
        public var counts: [CollectionName: Int] = [:]
        public init() {}
    }

    public let options: Options

    public init(options: Options) { self.options = options }

    /// The password of every demo account. It exists only in stores seeded with demo
    /// data: no other store has an account that accepts it.
    public static let demoPassword = "socialdeck-demo"

    /// The demo accounts that sign in with `demoPassword`: in each organization the
    /// first admin, manager, user and viewer (`manager@acme.example`), and one staff
    /// member per staff role (`support@socialdeck.example`).
    public static func isDemoAccount(email: String) -> Bool {
        let local = email.split(separator: "@").first.map(String.init) ?? ""
        return UserRole(rawValue: local) != nil || StaffRole(rawValue: local.replacingOccurrences(of: "-", with: "_")) != nil
    }

    /// Writes the workspace. With a vault, the demo social accounts get sealed demo
    /// tokens. `progress` is called with (done, total) units of work.
    @discardableResult
    public func seed(into store: any DocumentStore, vault: SecretVault? = nil, hasher: PasswordHasher = PasswordHasher(),
                     progress: (Int, Int) -> Void = { _, _ in }) throws -> Summary {
        try options.validate()
        var builder = DemoBuilder(options: options)
        var summary = Summary()
        let total = options.posts + 1000
        // The posts go in by the thousand, past the rollups' upkeep; they are counted once all are in.
        let now = options.now
        let rollups = ContentRollups(store: store, clock: { now })
        func write<M: StoredModel>(_ models: [M]) throws {
            let collection = ModelCollection(store, M.self)
            var start = 0
            while start < models.count {
                let end = min(start + 2000, models.count)
                try collection.insert(Array(models[start..<end]))
                start = end
            }
            summary.counts[M.collection, default: 0] += models.count
        }

        let orgs = builder.organizations()
        try write(orgs)
        let demoHash = try hasher.hash(Self.demoPassword)
        let users = try builder.users(for: orgs).map { user in
            var u = user
            if Self.isDemoAccount(email: u.email) { u.passwordHash = demoHash }
            if let vault {
                let tokens = SocialAccountTokens(store: store, vault: vault)
                u.socialAccounts = try u.socialAccounts.map {
                    try tokens.sealed($0, accessToken: "demo-\($0.platform.rawValue)-access-\($0.accountId)",
                                      refreshToken: "demo-\($0.platform.rawValue)-refresh-\($0.accountId)", userId: u._id)
                }
            }
            return u
        }
        try write(users)
        try write(builder.staff().map { staff in
            var s = staff
            s.passwordHash = demoHash
            return s
        })
        let agents = builder.agents()
        let authors = DemoBuilder.authors(orgs: orgs, users: users)
        progress(100, total)

        var done = 0
        var batch: [Content] = []
        batch.reserveCapacity(2000)
        while done < options.posts {
            let post = builder.post(done, orgs: orgs, authors: authors, agents: agents)
            batch.append(post)
            done += 1
            if batch.count == 2000 || done == options.posts {
                try write(batch)
                batch.removeAll(keepingCapacity: true)
                progress(100 + done, total)
            }
        }

        let subscriptions = builder.subscriptions(for: orgs)
        try write(subscriptions)
        try write(builder.analytics(orgs: orgs, users: users, subscriptions: subscriptions))
        let runs = builder.agentRuns(agents)
        try write(builder.agentsWithTotals(agents, runs: runs))
        try write(runs)
        // Written as they are, not sealed: the people are made up, their addresses from the
        // documentation ranges, and the same options must give the same store byte for byte.
        try write(builder.auditLog(orgs: orgs, users: users))
        try write(builder.customerLog(users: users))
        try write(builder.notifications(users: users))
        try write(builder.supportTickets(orgs: orgs, users: users))
        try write(builder.strategies(orgs: orgs))
        try write(builder.calendars(orgs: orgs))
        try write(builder.agentMessages(orgs: orgs))
        try write(builder.memories(orgs: orgs))
        try write(builder.media(orgs: orgs))
        try write(builder.comments(orgs: orgs))
        try rollups.build()
        summary.counts[.recurringSchedules, default: 0] += try StandardWorkflows.ensure(in: store, organizations: orgs.map(\._id), at: now)
        summary.counts[.analytics, default: 0] += try store.count(CollectionName.analytics.rawValue,
                                                                   .eq("type", AnalyticsType.contentPerformance))
        progress(total, total)
        return summary
    }
}

public struct DemoError: Error, CustomStringConvertible {
    public let description: String
    init(_ d: String) { description = d }
}

extension DemoWorkspace {
    /// The workspace's organizations, users and posts in memory, without writing them:
    /// the corpus the benchmark runs the same work over in every backend and reference.
    public func corpus() throws -> (organizations: [Organization], users: [User], posts: [Content]) {
        try options.validate()
        var builder = DemoBuilder(options: options)
        let orgs = builder.organizations()
        let users = builder.users(for: orgs)
        _ = builder.staff()
        let agents = builder.agents()
        let authors = DemoBuilder.authors(orgs: orgs, users: users)
        let posts = (0..<options.posts).map { builder.post($0, orgs: orgs, authors: authors, agents: agents) }
        return (orgs, users, posts)
    }
}
