import SocialdeckViewModels
import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
@testable import SocialdeckTerminal

/// The whole dashboard in-process: the real runtime, the real core and a seeded SQLite
/// store, on a `MemoryTerminal`, with a clock the test moves, a refresh ticker it fires
/// and background work that runs at once. Keys go in as the binding table names them;
/// whole frames come out.
final class AppHarness {
    static let start = date("2026-11-29T10:00:00Z")

    let store: any DocumentStore
    let terminal: MemoryTerminal
    let runtime: DashboardRuntime
    private let clock = Locked(AppHarness.start)
    private let tickers = Locked<[ManualTicker]>([])

    /// `makeStore` opens the store in the directory it is given; by default, a seeded demo workspace.
    init(width: Int = 120, height: Int = 36, posts: Int = 40,
         store makeStore: ((String) throws -> any DocumentStore)? = nil) throws {
        let directory = TemporaryDirectory.make()
        store = try makeStore?(directory) ?? SeededWorkspace(posts: posts, now: Self.start).sqliteStore(in: directory)
        terminal = MemoryTerminal(width: width, height: height)
        let clock = self.clock, tickers = self.tickers
        let dependencies = RuntimeDependencies(
            now: { clock.value.withLock { $0 } },
            makeTicker: {
                let ticker = ManualTicker()
                tickers.value.withLock { $0.append(ticker) }
                return ticker
            },
            background: { $0() })
        let environment = ["XDG_CONFIG_HOME": directory + "/config", "TERM": "xterm-256color"]
        runtime = try DashboardRuntime(store: store, vault: SecretVault(key: try SecretKey.generate()),
                                       configuration: Configuration(),
                                       options: .init(refreshSeconds: 2, environment: environment),
                                       terminal: terminal, dependencies: dependencies)
        runtime.start()
        settle()
    }

    var now: Date { clock.value.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        clock.value.withLock { $0 = $0.addingTimeInterval(seconds) }
        settle()
    }

    /// Keys as `config.toml` writes them: "a", "enter", "ctrl+l", "shift+tab".
    func press(_ keys: String...) throws {
        for notation in keys { terminal.queue(.key(try Key(parsing: notation))) }
        settle()
    }

    /// Text typed into whatever has the keyboard.
    func type(_ text: String) {
        for c in text { terminal.queue(c == " " ? .key(Key(.space)) : .key(.character(c))) }
        settle()
    }

    /// Refreshes asked for and not run yet, over every ticker the runtime made.
    var waitingRefreshes: Int { tickers.value.withLock { $0.reduce(0) { $0 + $1.waitingSoon } } }

    func resize(width: Int, height: Int) {
        terminal.resize(width: width, height: height)
        settle()
    }

    /// One refresh: the timer fires and the load runs.
    func refresh() {
        for ticker in tickers.value.withLock({ $0 }) {
            ticker.fire()
            ticker.fireSoon()
            while ticker.waitingJobs > 0 { ticker.runJob() }
        }
        settle()
    }

    /// Runs queued input and draws, as the real loop does; then the reads the keys
    /// started (handed to the scheduler once their frame is out), and draws again.
    func settle() {
        runtime.step()
        runtime.render()
        for ticker in tickers.value.withLock({ $0 }) {
            ticker.fireSoon()
            while ticker.waitingJobs > 0 { ticker.runJob() }
        }
        runtime.step()
        runtime.render()
    }

    func signIn(_ email: String = "manager@acme.example") throws {
        try #require(screen.contains("sign in"))
        type(email)
        try press("tab")
        type(DemoWorkspace.demoPassword)
        try press("enter")
        refresh()
    }

    var frame: CellBuffer { terminal.screen.frame ?? CellBuffer(width: 0, height: 0) }
    var screen: String { frame.text() }
    var isRunning: Bool { runtime.running }

    /// The dashboard's model as the runtime holds it now.
    func dashboard() throws -> DashboardModel {
        guard case .dashboard(let model) = runtime.screen else { throw AppTestFailure("the dashboard is not open") }
        return model
    }

    /// The titles the approval queue shows now, in order.
    var runtimeQueueTitles: [String] {
        guard case .dashboard(let model) = runtime.screen else { return [] }
        return model.approvals.visible.map(\.title)
    }
}

/// A value shared with the runtime's closures.
final class Locked<Value: Sendable>: Sendable {
    let value: Mutex<Value>
    init(_ initial: Value) { value = Mutex(initial) }
}

/// Why an app test could not go on.
struct AppTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
