import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTmux

/// Issue #11's crowd: many dashboards on one store at once (by default 10 managers of
/// 10 organizations, signed in through the form, and 10 super_admins), each the real
/// release binary in its own tmux, with `top -d 1` and `cat` beside them as references.
/// It measures their CPU while idle, key to frame on a few of them while the rest
/// run, and the time from a write in this process until every one shows it.
struct ConcurrentDashboardsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crowd", abstract: "Many dashboards on one store: idle CPU, key to frame, a write until all show it.")

    @Option(help: "Posts in the store.") var posts = 100_000
    @Option(help: "Users in the store.") var users = 10_000
    @Option(help: "Organizations in the store.") var orgs = 200
    @Option(help: "Managers, each of another organization.") var managers = 10
    @Option(help: "super_admins.") var staff = 10
    @Option(help: "Dashboards of each role that keys are sent to; the rest sit on their panes.") var driven = 3
    @Option(help: "Rounds of keys per driven dashboard (6 keys a round).") var rounds = 8
    @Option(help: "Rounds of keys while a write lands every second (timed through control mode only).") var busyRounds = 4
    @Option(help: "Seconds between one key's frame and the next key.") var keyGap = 0.25
    @Option(help: "Seconds of idle CPU to record.") var idleSeconds = 20
    @Option(help: "Writes timed until every dashboard shows them, each way (polled and through control mode).") var writes = 5

    func validate() throws {
        guard managers >= 1, staff >= 1 else { throw ValidationError("--managers and --staff must be at least 1") }
        guard managers <= orgs else { throw ValidationError("--managers (\(managers)) cannot exceed --orgs (\(orgs))") }
        guard users >= 2 * orgs else {
            throw ValidationError("--users must be at least twice --orgs (\(2 * orgs)): each organization's first manager is its user number orgs + i")
        }
        guard driven >= 1, driven <= min(managers, staff) else { throw ValidationError("--driven must be between 1 and the smaller of --managers and --staff") }
        guard rounds >= 1, busyRounds >= 0, writes >= 1, idleSeconds >= 1, keyGap >= 0 else {
            throw ValidationError("--rounds, --writes and --idle-seconds must be at least 1, --busy-rounds and --key-gap at least 0")
        }
    }

    /// The text each pane shows once open (1–5).
    static let paneText = [1: "(v to switch)", 2: "pending", 3: "Last ", 4: "AI agents", 5: "MRR "]

    func run() throws {
        let pool = SessionPool()
        pool.closeOnSignals()
        defer { pool.closeAll() }
        let workspace = try BenchWorkspace(posts: posts, users: users, organizations: orgs, label: "crowd")
        defer { workspace.remove() }
        let slugs = try managedOrganizations(workspace.store)
        let crowd = CrowdLaunch(pool: pool, workspace: workspace)

        let top = try pool.start("top -d 1", environment: workspace.environment)
        try top.waitFor("load average", timeout: 30, poll: 0.02)
        let topStats = try pool.program(of: top)
        let cat = try pool.start("cat", environment: workspace.environment)
        _ = try pool.program(of: cat)

        var dashboards: [CrowdLaunch.Dashboard] = []
        for (i, slug) in slugs.enumerated() {
            dashboards.append(try crowd.manager(of: slug, pane: i < driven ? 2 : [1, 2, 3, 4][i % 4]))
        }
        for i in 0..<staff { dashboards.append(try crowd.superAdmin(number: i + 1, pane: i < driven ? 2 : [1, 2, 3, 4, 5][i % 5])) }
        Thread.sleep(forTimeInterval: 4)

        // Idle: nothing writes, nobody types.
        let before = dashboards.map { $0.stats?.cpuSeconds ?? 0 }, topBefore = topStats?.cpuSeconds ?? 0
        Thread.sleep(forTimeInterval: Double(idleSeconds))
        let idle = zip(dashboards, before).map { ($0.stats?.cpuSeconds ?? 0) - $1 }
        let topIdle = (topStats?.cpuSeconds ?? 0) - topBefore

        // One write while they sit on their panes: what re-reading it costs each.
        let elsewhere = try unwatchedOrganization(workspace.store, besides: slugs)
        let probe = try DraftProbe(store: workspace.store, organizations: slugs + [elsewhere])
        let herd = try herdCPU(dashboards, probe: probe, slugs: slugs)

        let driving = Array(dashboards.prefix(driven)) + Array(dashboards.dropFirst(managers).prefix(driven))
        let typing = CrowdKeys(dashboards: driving, cat: cat, gap: keyGap)
        let keys = try typing.run(rounds: rounds)
        // The same keys while a write lands every second: every content pane re-reads.
        let writer = BackgroundWriter(probe: probe, organization: elsewhere, period: 1)
        let busyKeys: CrowdKeys.Samples
        do {
            busyKeys = try typing.run(rounds: busyRounds, methods: [.control])
        } catch {
            _ = try? writer.finish()
            throw error
        }
        let busyWrites = try writer.finish()
        Thread.sleep(forTimeInterval: 3)

        for d in dashboards where d.pane != 2 {
            try d.session.send("2")
            try d.session.waitFor(Self.paneText[2]!, timeout: 30, poll: 0.02)
        }
        Thread.sleep(forTimeInterval: 4)
        let controls = try dashboards.map { try TmuxControl($0.session) }
        defer { controls.forEach { $0.close() } }
        var reaches: [CrowdKeys.Method: [ScreenTiming.Reach]] = [:]
        for n in 1...(2 * writes) {
            let method = n % 2 == 1 ? CrowdKeys.Method.polled : .control
            let drafts = slugs.enumerated().map { (slug: $0.element, title: String(format: "Mk%dx%02d", n, $0.offset)) }
            let texts = dashboards.map { d in d.slug.flatMap { s in drafts.first { $0.slug == s }?.title } ?? drafts[0].title }
            var ids: [ObjectId] = []
            let insert = { ids = try probe.insert(drafts) }
            reaches[method, default: []].append(method == .polled ? try ScreenTiming.reach(Array(zip(dashboards.map(\.session), texts)), after: insert)
                                                                  : try ScreenTiming.reach(Array(zip(controls, texts)), after: insert))
            try probe.remove(ids)
            // Random, so the writes do not land at the same point of each dashboard's refresh cycle.
            Thread.sleep(forTimeInterval: 2.5 + Double.random(in: 0..<2))
        }

        CrowdReport(posts: posts, users: users, orgs: orgs, dashboards: dashboards, idleSeconds: idleSeconds, idle: idle, topIdle: topIdle,
                    herd: herd, keys: keys, busyKeys: busyKeys, busyWrites: busyWrites, reaches: reaches).print()
    }

    /// The first `managers` organizations, by slug, whose subscription is active, whose
    /// first manager can sign in and who have drafts for the selection to move over.
    func managedOrganizations(_ store: any DocumentStore) throws -> [String] {
        let users = ModelCollection(store, User.self)
        var slugs: [String] = []
        for org in try ModelCollection(store, Organization.self).find(.all, sort: [.asc("slug")]) where org.subscription.status == .active {
            guard let manager = try users.first(.eq("email", "manager@\(org.slug).example")), manager.authentication.isActive,
                  try store.count(CollectionName.content.rawValue,
                                  .and([.eq("organizationId", org._id), .eq("approval.status", ApprovalStatus.pending)])) >= 2 else { continue }
            slugs.append(org.slug)
            if slugs.count == managers { return slugs }
        }
        throw ValidationError("only \(slugs.count) organizations have an active subscription, a manager and two drafts; ask for fewer --managers or more --posts")
    }

    /// An organization with posts whose manager is not among the crowd.
    func unwatchedOrganization(_ store: any DocumentStore, besides slugs: [String]) throws -> String {
        let posts = ModelCollection(store, Content.self)
        for org in try ModelCollection(store, Organization.self).find(.all, sort: [.asc("slug")]) where !slugs.contains(org.slug) {
            if try posts.first(.eq("organizationId", org._id)) != nil { return org.slug }
        }
        throw ValidationError("every organization with posts has a manager in the crowd; ask for fewer --managers")
    }

    /// CPU seconds each dashboard used in the 3 s after one write that every content
    /// pane sees (a draft in each manager's organization), and in 3 s with none.
    func herdCPU(_ dashboards: [CrowdLaunch.Dashboard], probe: DraftProbe, slugs: [String]) throws -> (quiet: [Double], written: [Double]) {
        func used(during body: () throws -> Void) rethrows -> [Double] {
            let before = dashboards.map { $0.stats?.cpuSeconds ?? 0 }
            try body()
            Thread.sleep(forTimeInterval: 3)
            return zip(dashboards, before).map { ($0.stats?.cpuSeconds ?? 0) - $1 }
        }
        let quiet = used {}
        var ids: [ObjectId] = []
        let written = try used { ids = try probe.insert(slugs.map { (slug: $0, title: "Herd") }) }
        try probe.remove(ids)
        Thread.sleep(forTimeInterval: 3)
        return (quiet, written)
    }
}
