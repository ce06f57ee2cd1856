import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTmux
import SocialdeckStorage
import SocialdeckViewModels

/// The dashboard issue's figures on a store of 100,000 posts and 10,000 users, with
/// `top` run the same way beside it: the real binaries in tmux, their output bytes
/// recorded with `pipe-pane`, their memory read from /proc.
struct DashboardBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Launch, refresh, key latency, idle bytes, memory.")

    @Option(help: "Posts in the store.") var posts = 100_000
    @Option(help: "Users in the store.") var users = 10_000
    @Option(help: "Seconds of idle output to record.") var idleSeconds = 20
    @Option(help: "Refresh loads to time.") var ticks = 30
    @Option(help: "Launches of socialdeck, htop, btop and top to time, one after another.") var launches = 5
    @Flag(help: "Time the launches only.") var launchOnly = false
    @Flag(help: "Time the refresh ticks only (for profiling them).") var ticksOnly = false
    @Option(help: "MongoDB URI; when given, the refresh ticks are also timed on a fresh database there.") var mongo: String?
    @Option(help: "Posts for the MongoDB run (the test server scans every query but _id).") var mongoPosts = 2_000

    func run() throws {
        let workspace = try BenchWorkspace(posts: posts, users: users, label: "dash")
        defer { workspace.remove() }
        let (dir, store, options) = (workspace.directory, workspace.store, workspace.options)

        let (vault, _) = try SecretVault.load(environment: [:], keyFile: dir + "/config/socialdeck/secret.key")
        let tickLines = launchOnly ? [] : try refreshTicks(store: store, vault: vault)
        var mongoLines: [String] = []
        if let mongo, !launchOnly {
            let database = "socialdeck_bench_dash_\(UInt32.random(in: 0...UInt32.max))"
            let mongoStore = try StoreLocation.mongodb(uri: MongoURI.replacingDatabase(of: mongo, with: database)).open()
            var small = options
            small.posts = mongoPosts
            small.users = max(50, mongoPosts / 10)
            small.organizations = 20
            try DemoWorkspace(options: small).seed(into: mongoStore)
            mongoLines = try refreshTicks(store: mongoStore, vault: vault)
        }
        if ticksOnly {
            (tickLines + mongoLines).forEach { print($0) }
            return
        }

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("socialdeck").path
        let env = ["XDG_CONFIG_HOME": dir + "/config", "TERM": "xterm-256color", "LANG": "C.UTF-8"]

        let launchTimes = try DashboardLaunch(binary: binary, dataDirectory: dir + "/data", environment: env, stateDirectory: dir + "/state").measure(rounds: launches)
        func printLaunches() {
            print("\nLaunch, \(launches) rounds of each program started in turn in tmux 120×36 (--demo signs in by itself once the store is open)")
            DashboardLaunch.lines(launchTimes).forEach { print($0) }
        }
        if launchOnly { return printLaunches() }

        let ours = try TmuxSession(command: "\(binary) --data \(dir)/data --demo", width: 120, height: 36, environment: env)
        let launch = try seconds { try ours.waitFor("pending", timeout: 60, poll: 0.005) }
        let theirs = try TmuxSession(command: "top -d 1", width: 120, height: 36, environment: env)
        let topLaunch = try seconds { try theirs.waitFor("load average", timeout: 30, poll: 0.005) }

        var keyTimes: [Double] = []
        for i in 0..<10 {
            let (key, text) = i % 2 == 0 ? ("3", "Last 30 days") : ("2", "pending")
            keyTimes.append(try seconds {
                try ours.send(key)
                try ours.waitFor(text, timeout: 10, poll: 0.002)
            } * 1000)
        }

        // Idle dashboards beside it, a manager and a super_admin on every pane they open.
        var idle: [(name: String, session: TmuxSession)] = []
        for (who, flag, panes) in [("manager", "", ["1", "2", "3", "4"]), ("super_admin", "--as staff", ["1", "2", "3", "4", "5"])] {
            for pane in panes {
                let s = try TmuxSession(command: "\(binary) --data \(dir)/data --demo \(flag)", width: 120, height: 36, environment: env)
                try s.waitFor("pending", timeout: 60, poll: 0.02)
                try s.send(pane)
                idle.append(("\(who), pane \(pane)", s))
            }
        }
        Thread.sleep(forTimeInterval: 3)

        let ourBytes = dir + "/ours.out", topBytes = dir + "/top.out"
        try ours.recordOutput(to: ourBytes)
        try theirs.recordOutput(to: topBytes)
        let watched = try idle.map { ($0.name, ProcessStats(pane: try $0.session.panePID())) }
        let topStats = ProcessStats(pane: try theirs.panePID())
        let cpuBefore = watched.map { $0.1?.cpuSeconds ?? 0 }, topBefore = topStats?.cpuSeconds ?? 0
        Thread.sleep(forTimeInterval: Double(idleSeconds))
        let cpuUsed = zip(watched, cpuBefore).map { ($0.0, ($0.1?.cpuSeconds ?? 0) - $1) }
        let topUsed = (topStats?.cpuSeconds ?? 0) - topBefore
        try ours.stopRecording()
        try theirs.stopRecording()
        let reach = try writeToScreen(store: store, dashboards: idle.filter { $0.name.hasSuffix("pane 2") }.map(\.session))
        let perMinute = { (path: String) -> Double in
            Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) * 60 / Double(idleSeconds)
        }

        print("Dashboard on \(posts) posts and \(users) users (SQLite, release build, tmux 120×36)")
        print("| figure | socialdeck | top -d 1 |")
        print("|---|---|---|")
        print("| launch to the first full frame (sign-in included) | \(f(launch * 1000)) ms | \(f(topLaunch * 1000)) ms |")
        tickLines.forEach { print($0) }
        print("| key to frame while refreshing, p50 / p99 (tmux capture included) | \(f(percentile(keyTimes, 0.5))) / \(f(percentile(keyTimes, 0.99))) ms | — |")
        print("| bytes written per minute while idle | \(f(perMinute(ourBytes))) B | \(f(perMinute(topBytes))) B |")
        print("| resident memory | \(ProcessStats(pane: try ours.panePID())?.memory ?? "?") | \(ProcessStats(pane: try theirs.panePID())?.memory ?? "?") |")
        printLaunches()
        print("\nCPU over \(idleSeconds) s of idle time, \(idle.count) dashboards open at once on one store, refresh every 2 s")
        print("| dashboard | CPU seconds | `top -d 1` in the same window |")
        print("|---|---|---|")
        for (name, used) in cpuUsed { print("| \(name) | \(String(format: "%.2f", used)) s | \(String(format: "%.2f", topUsed)) s |") }
        print("| all \(idle.count) together | \(String(format: "%.2f", cpuUsed.map(\.1).reduce(0, +))) s | — |")
        print("\nA draft written by this process (another process to the dashboards) until both approval queues show it, \(reach.count) writes")
        print("| p50 / max | target |")
        print("|---|---|")
        print("| \(f(percentile(reach, 0.5) * 1000)) / \(f((reach.max() ?? 0) * 1000)) ms | ≤ 2,100 ms (one refresh interval plus 100 ms) |")
        if !mongoLines.isEmpty {
            print("\nRefresh ticks on MongoDB (\(mongoPosts) posts, 20 organizations)")
            mongoLines.forEach { print($0) }
        }
    }

    /// Seconds from inserting a pending draft (``DraftProbe``) until both dashboards'
    /// queues, a manager's of acme and a super_admin's, show it; removed after each write.
    /// The pause between writes is random, so the writes do not all land at the same
    /// point of the dashboards' 2 s refresh cycle.
    func writeToScreen(store: any DocumentStore, dashboards: [TmuxSession], writes: Int = 5) throws -> [Double] {
        let probe = try DraftProbe(store: store, organizations: ["acme"])
        return try (1...writes).map { n in
            var ids: [ObjectId] = []
            let reach = try ScreenTiming.reach(dashboards.map { ($0, "Marker \(n)") }) { ids = try probe.insert([("acme", "Marker \(n)")]) }
            try probe.remove(ids)
            Thread.sleep(forTimeInterval: 0.5 + Double.random(in: 0..<2))
            return reach.times.max() ?? 0
        }
    }

    /// The refresh tick: what the background timer does every interval, for each pane
    /// an organization's manager and a super_admin can open. Before each timed tick
    /// another writer moves one of the organization's posts through the core (untimed
    /// here; its own time is reported), so the tick reads after a real change.
    func refreshTicks(store: any DocumentStore, vault: SecretVault) throws -> [String] {
        var lines: [String] = []
        let now = Date()
        let acme = try ModelCollection(store, Organization.self).first(.eq("slug", "acme"))!
        let movable = try ModelCollection(store, Content.self).find(.eq("organizationId", acme._id)
            && .elemMatch("platforms", .isIn("status", anyOf: [PostStatus.draft, .scheduled]) && .compare("scheduledAt", .gt, .date(now))))
            .filter { $0.approval.status != .rejected }.map(\._id)
        let writer = ContentWorkflow(store: store)
        let operator_ = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "bench"))
        var writes: [Double] = []
        func change() throws {
            guard let id = movable.randomElement() else { return }
            let to = now.addingTimeInterval(Double(Int.random(in: 2...(20 * 24))) * 3_600)
            writes.append(try seconds { try writer.reschedule(id, to: to, by: operator_) } * 1000)
        }
        for who in ["manager@acme.example", "super-admin@socialdeck.example"] {
            let sessions = SessionRegistry()
            let session = try Authenticator(store: store, secrets: vault, sessions: sessions)
                .signIn(email: who, password: DemoWorkspace.demoPassword, context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "bench"))
            var model = DashboardModel(identity: session.identity, userName: "", roleName: "", organizationName: nil, storeLocation: "",
                                       timeZone: .gmt, now: Date())
            // As the dashboard loads: each tick first checks the session against its account.
            let guardian = SessionGuard(store: store, sessions: sessions, session: session)
            let loader = SnapshotLoader(store: store, identity: session.identity, session: guardian)
            var checks: [Double] = []
            for _ in 0..<ticks { checks.append(try seconds { try guardian.check() } * 1000) }
            lines.append("| session check per tick (a probe; the account is read only when it changed), as \(who), p50 / p99 | \(f(percentile(checks, 0.5), digits: 3)) / \(f(percentile(checks, 0.99), digits: 3)) ms | — |")
            for pane in model.panes {
                _ = model.select(pane)
                var times: [Double] = []
                for _ in 0..<ticks {
                    try change()
                    var snapshot = DashboardSnapshot(takenAt: Date())
                    times.append(try seconds { snapshot = try loader.load(model.request) } * 1000)
                    // A counted calendar asks for its focused day next, as the dashboard does.
                    model.receive(.init(result: .success(snapshot), request: model.request, duration: 0), now: Date())
                }
                lines.append("| refresh tick after a change, \(pane.title) pane, as \(who), p50 / p99 | \(f(percentile(times, 0.5))) / \(f(percentile(times, 0.99))) ms | — |")
                _ = try loader.loadIfChanged(model.request)
                var unchanged: [Double] = []
                for _ in 0..<ticks { unchanged.append(try seconds { _ = try loader.loadIfChanged(model.request) } * 1000) }
                lines.append("| refresh tick with nothing changed (session check and probes), \(pane.title) pane, as \(who), p50 / p99 | \(f(percentile(unchanged, 0.5), digits: 3)) / \(f(percentile(unchanged, 0.99), digits: 3)) ms | — |")
            }
        }
        lines.append("| the change before each tick: moving a post through the core, rollup upkeep included, p50 / p99 | \(f(percentile(writes, 0.5))) / \(f(percentile(writes, 0.99))) ms | — |")
        return lines
    }

    func f(_ v: Double, digits: Int = 1) -> String { v >= 100 ? String(format: "%.0f", v) : String(format: "%.\(digits)f", v) }
}
