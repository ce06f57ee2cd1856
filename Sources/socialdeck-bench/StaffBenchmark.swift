import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The staff issue's figures: customer search as you type and the revenue report, at
/// 10,000 organizations on SQLite (three people and one subscription with history
/// each) and at a size the MongoDB test server takes. The references do the same
/// work in Python: the search as SQL over a plain table (LIKE on each field), the
/// revenue as the same replay over the same subscriptions read with sqlite3.
struct StaffBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "Customer search as you type and revenue figures.")

    @Option(help: "Organizations on SQLite.") var organizations = 10_000
    @Option(help: "Organizations on MongoDB (with --mongo).") var mongoOrganizations = 300
    @Option(help: "A MongoDB URI to measure too (the test server is slow on scans; keep it small).") var mongo: String?
    @Option(help: "Audit entries for the viewer's first page (0 to skip).") var auditEntries = 1_000_000

    static let now = ISODate.date(from: "2026-11-29T12:00:00.000Z")!
    static let firstNames = ["Ada", "Bruno", "Chen", "Dara", "Elif", "Farah", "Goran", "Ines", "Jonas", "Kwame", "Lena", "Mateo", "Nia", "Oskar", "Priya"]
    static let lastNames = ["Okafor", "Schmidt", "López", "Tanaka", "Müller", "Rossi", "Haddad", "Jensen", "Varga", "Nakamura", "Brandt", "Yilmaz"]
    static let words = ["Harbor", "Pine", "Lumen", "North", "Bright", "Pixel", "Acme", "Verdant", "Quill", "Summit", "Copper", "Atlas"]

    func run() throws {
        let dir = NSTemporaryDirectory() + "socialdeck-bench-staff-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try StoreLocation.sqlite(directory: dir).open(now: Self.now)
        let (accounts, subscriptions) = try Self.seed(store, organizations: organizations)
        let queries = Self.typing(accounts)
        let search = try Self.searchTimes(store, queries: queries)
        let revenue = try Self.revenueTimes(store)
        // The floor under the report: reading the subscriptions alone.
        let read = try (0..<5).map { _ in try seconds { _ = try store.find(Subscription.collection.rawValue) } * 1000 }

        let rows = accounts.map { ["email": $0.email, "first": $0.first, "last": $0.last, "org": $0.org, "slug": $0.slug] }
        let subsPath = dir + "/subscriptions.json"
        let docs = try subscriptions.map { try ExtendedJSON.string(from: try DocumentEncoder().encode($0)) }
        try docs.joined(separator: "\n").write(toFile: subsPath, atomically: true, encoding: .utf8)
        let reference = try runReference("staff_reference.py", params: [
            "database": dir + "/reference.sqlite", "customers": rows, "queries": queries, "subscriptions": subsPath,
            "now": ISODate.string(from: Self.now)])

        print(Figure.table("Staff views on SQLite: \(organizations) organizations, \(accounts.count) people, \(subscriptions.count) subscriptions",
                           referenceName: "Python sqlite3", [
            Figure(name: "customer search, each keystroke p50", unit: "ms", ours: percentile(search.keystrokes, 0.5),
                   reference: reference["search_p50_ms"], higherIsBetter: false, target: "—"),
            Figure(name: "customer search, each keystroke p99", unit: "ms", ours: percentile(search.keystrokes, 0.99),
                   reference: reference["search_p99_ms"], higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "search index built (first search)", unit: "ms", ours: search.build, reference: nil, higherIsBetter: false, target: "—"),
            Figure(name: "revenue report (24 months, NRR, back-test) p50", unit: "ms", ours: percentile(revenue, 0.5),
                   reference: reference["revenue_p50_ms"], higherIsBetter: false, target: "< 50 ms"),
            Figure(name: "of which reading the subscriptions p50", unit: "ms", ours: percentile(read, 0.5), reference: nil,
                   higherIsBetter: false, target: "—"),
        ]))
        print("Reference MRR \(reference["mrr"] ?? -1), socialdeck MRR \(try RevenueReport.build(store: store, for: .localOperator(), now: Self.now).mrr)")
        if auditEntries > 0 { try auditFigures(store, dir: dir, people: Array(accounts.prefix(50))) }

        guard let mongo else { return }
        let database = "benchstaff\(UInt32.random(in: 0...UInt32.max))"
        let mongoStore = try StoreLocation.mongodb(uri: MongoURI.replacingDatabase(of: mongo, with: database)).open(now: Self.now)
        let (mongoAccounts, _) = try Self.seed(mongoStore, organizations: mongoOrganizations)
        let mongoSearch = try Self.searchTimes(mongoStore, queries: Self.typing(mongoAccounts))
        let mongoRevenue = try Self.revenueTimes(mongoStore, runs: 5)
        print()
        print(Figure.table("Staff views on MongoDB (the test server): \(mongoOrganizations) organizations", referenceName: "—", [
            Figure(name: "customer search, each keystroke p99", unit: "ms", ours: percentile(mongoSearch.keystrokes, 0.99), reference: nil,
                   higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "search index built (first search)", unit: "ms", ours: mongoSearch.build, reference: nil, higherIsBetter: false, target: "—"),
            Figure(name: "revenue report p50", unit: "ms", ours: percentile(mongoRevenue, 0.5), reference: nil, higherIsBetter: false, target: "—"),
        ]))
    }

    /// The viewer's first page (50 entries, newest first) over `auditEntries` staff-log
    /// entries: unfiltered, by one staff member (indexed), and by a rare action (a scan
    /// in time order until 50 are found). The reference pages a plain table the same way.
    /// Then 200 entries about 50 customers are recorded as the core records them, sealed
    /// with each person's key: the page of those, and erasing one of the people.
    func auditFigures(_ store: any DocumentStore, dir: String, people: [Account]) throws {
        let staff = (0..<20).map { _ in ObjectId() }
        let actions = ["user_suspended", "user_activated", "account_unlocked", "content_approved", "subscription_upgraded", "ticket_replied"]
        var written = 0
        let fill = try seconds {
            while written < auditEntries {
                let batch = (written..<min(auditEntries, written + 5_000)).map { n -> Document in
                    let at = Self.now.addingTimeInterval(-Double(auditEntries - n) * 2)
                    // One entry in a thousand is the rare action the filtered figure looks for.
                    let action = n % 1_000 == 999 ? "two_factor_reset" : actions[n % actions.count]
                    return Document([.init("_id", .objectId(ObjectId(date: at))), .init("adminUserId", .objectId(staff[n % staff.count])),
                                     .init("action", .string(action)), .init("targetType", .string("user")), .init("targetId", .objectId(ObjectId())),
                                     .init("details", .document(Document([.init("reason", .string("bench \(n)"))]))),
                                     .init("timestamp", .date(at)), .init("severity", .string(n % 50 == 0 ? "warning" : "info"))])
                }
                try store.insertMany(batch, into: AdminActivityLog.collection.rawValue)
                written += batch.count
            }
        }
        let viewer = AuditViewer(store: store)
        func times(_ query: AuditViewer.Query) throws -> [Double] {
            try (0..<30).map { _ in try seconds { _ = try viewer.page(query, by: .localOperator()) } * 1000 }
        }
        let plain = try times(.init()), byStaff = try times(.init(actor: staff[3])), rare = try times(.init(action: "two_factor_reset"))
        let ids = try people.map { person in
            try store.findOne(User.collection.rawValue, .eq("email", person.email))?["_id"]?.objectIdValue ?? ObjectId()
        }
        let trail = AuditTrail(store: store, clock: { Self.now.addingTimeInterval(1) })
        for n in 0..<200 {
            try trail.record(.init(action: "user_suspended", targetType: .user, targetId: ids[n % ids.count],
                                   before: Document([.init("status", "active")]), after: Document([.init("status", "suspended")]),
                                   reason: "bench sealed \(n)"), by: .localOperator())
        }
        let sealed = try times(.init())
        var erased: PersonalDataErasure.Receipt?
        let erase = try seconds {
            erased = try PersonalDataErasure(store: store, clock: { Self.now.addingTimeInterval(2) })
                .erase(email: people[1].email, reason: "bench DSR", by: .localOperator())
        } * 1000
        let reference = try runReference("audit_reference.py", params: ["database": dir + "/audit-reference.sqlite", "entries": auditEntries])
        print()
        print(Figure.table("Audit viewer, first page of 50, over \(auditEntries) staff-log entries (filled in \(Int(fill)) s)",
                           referenceName: "Python sqlite3", [
            Figure(name: "newest first p50", unit: "ms", ours: percentile(plain, 0.5), reference: reference["plain_p50_ms"],
                   higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "newest first p99", unit: "ms", ours: percentile(plain, 0.99), reference: reference["plain_p99_ms"],
                   higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "one staff member's p50", unit: "ms", ours: percentile(byStaff, 0.5), reference: reference["staff_p50_ms"],
                   higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "a rare action (1 in 1,000) p50", unit: "ms", ours: percentile(rare, 0.5), reference: reference["rare_p50_ms"],
                   higherIsBetter: false, target: "—"),
            Figure(name: "newest first, 50 sealed entries opened, p50", unit: "ms", ours: percentile(sealed, 0.5), reference: nil,
                   higherIsBetter: false, target: "< 20 ms"),
            Figure(name: "gdpr erase of one customer (\(erased?.auditEntriesShredded ?? 0) entries shredded)", unit: "ms", ours: erase,
                   reference: nil, higherIsBetter: false, target: "—"),
        ]))
    }

    struct Account { let email, first, last, org, slug: String }

    /// Organizations with an admin, a manager and a user each, and a subscription whose
    /// history holds its creation, perhaps a change of plan and perhaps a cancellation.
    static func seed(_ store: any DocumentStore, organizations count: Int) throws -> ([Account], [Subscription]) {
        var rng = SystemRandomNumberGenerator()
        var orgs: [Organization] = [], users: [User] = [], subs: [Subscription] = [], accounts: [Account] = []
        for i in 0..<count {
            var org = Organization()
            let created = now.addingTimeInterval(-Double(30 + (i * 7919) % 700) * 86_400)
            org._id = ObjectId(date: created)
            org.name = "\(words[i % words.count]) \(words[(i / words.count) % words.count]) \(i)"
            org.slug = "org-\(i)"
            let tier: PlanTier = [.free, .pro, .pro, .enterprise][i % 4]
            org.subscription.plan = tier
            org.createdAt = created
            org.updatedAt = created
            orgs.append(org)
            for (n, role) in [UserRole.admin, .manager, .user].enumerated() {
                let first = firstNames[(i + n) % firstNames.count], last = lastNames[(i * 3 + n) % lastNames.count]
                let email = "\(first.lowercased()).\(role.rawValue)\(i)@org-\(i).example"
                users.append(User(_id: ObjectId(date: created), organizationId: org._id, email: email,
                                  profile: User.Profile(firstName: first, lastName: last), role: role, createdAt: created, updatedAt: created))
                accounts.append(Account(email: email, first: first, last: last, org: org.name, slug: org.slug))
            }
            var sub = Subscription()
            sub._id = ObjectId(date: created)
            sub.organizationId = org._id
            sub.plan = PlanCatalog.plan(tier, interval: i % 3 == 0 ? .year : .month)
            let start: PlanTier = i % 5 == 0 ? .free : tier
            sub.history = [.init(action: .created, fromPlan: nil, toPlan: start.displayName, date: created)]
            if start != tier {
                sub.history.append(.init(action: .upgraded, fromPlan: start.displayName, toPlan: tier.displayName,
                                         date: created.addingTimeInterval(Double.random(in: 1...20, using: &rng) * 86_400)))
            }
            if i % 9 == 4 {
                sub.status = .cancelled
                sub.history.append(.init(action: .cancelled, fromPlan: tier.displayName, toPlan: nil,
                                         date: now.addingTimeInterval(-Double.random(in: 1...25, using: &rng) * 86_400)))
            }
            sub.createdAt = created
            sub.updatedAt = sub.history.last!.date
            subs.append(sub)
        }
        for batch in stride(from: 0, to: orgs.count, by: 2_000) { try ModelCollection(store, Organization.self).insert(Array(orgs[batch..<min(orgs.count, batch + 2_000)])) }
        for batch in stride(from: 0, to: users.count, by: 2_000) { try ModelCollection(store, User.self).insert(Array(users[batch..<min(users.count, batch + 2_000)])) }
        for batch in stride(from: 0, to: subs.count, by: 2_000) { try ModelCollection(store, Subscription.self).insert(Array(subs[batch..<min(subs.count, batch + 2_000)])) }
        return (accounts, subs)
    }

    /// What a person types, keystroke by keystroke: the beginnings of emails, of names
    /// with an organization's word, and of organization slugs.
    static func typing(_ accounts: [Account]) -> [String] {
        var queries: [String] = []
        for (n, a) in accounts.enumerated() where n % max(1, accounts.count / 40) == 0 {
            for target in [a.email, "\(a.first.lowercased()) \(a.org.split(separator: " ").first!.lowercased())", a.slug] {
                for length in 1...min(target.count, 14) { queries.append(String(target.prefix(length))) }
            }
        }
        return queries
    }

    static func searchTimes(_ store: any DocumentStore, queries: [String]) throws -> (build: Double, keystrokes: [Double]) {
        let directory = CustomerDirectory(store: store, clock: { now })
        let build = try seconds { _ = try directory.search("", for: .localOperator()) } * 1000
        var times: [Double] = []
        for q in queries { times.append(try seconds { _ = try directory.search(q, for: .localOperator()) } * 1000) }
        return (build, times)
    }

    static func revenueTimes(_ store: any DocumentStore, runs: Int = 15) throws -> [Double] {
        try (0..<runs).map { _ in try seconds { _ = try RevenueReport.build(store: store, for: .localOperator(), now: now) } * 1000 }
    }
}
