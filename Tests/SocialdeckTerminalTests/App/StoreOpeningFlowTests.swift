import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// The sign-in form is drawn before the store opens (issue #11, a faster first frame):
/// the opening runs as background work, which these tests hold until they let it run,
/// so each step between the first frame and the dashboard can be looked at.
@Suite("Store opening behind the sign-in form")
struct StoreOpeningFlowTests {
    /// Background work that waits until the test runs it, in order.
    final class HeldWork: Sendable {
        private let jobs = Mutex<[@Sendable () -> Void]>([])
        var waiting: Int { jobs.withLock { $0.count } }

        func add(_ job: @escaping @Sendable () -> Void) { jobs.withLock { $0.append(job) } }

        func runAll() {
            while let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { job() }
        }
    }

    let directory = TemporaryDirectory.make()
    let terminal = MemoryTerminal(width: 120, height: 36)
    let work = HeldWork()
    let opened = Locked(false)

    func makeRuntime(_ open: @escaping @Sendable () throws -> DashboardRuntime.StoreOpening) throws -> DashboardRuntime {
        let work = self.work, opened = self.opened
        let dependencies = RuntimeDependencies(now: { AppHarness.start }, makeTicker: { ManualTicker() }, background: { work.add($0) })
        let runtime = try DashboardRuntime(opening: {
            opened.value.withLock { $0 = true }
            return try open()
        }, configuration: Configuration(), options: .init(environment: ["XDG_CONFIG_HOME": directory + "/config", "TERM": "xterm-256color"]),
           terminal: terminal, dependencies: dependencies)
        runtime.render()
        runtime.start()
        return runtime
    }

    func seededStore() throws -> (any DocumentStore, SecretVault) {
        (try SeededWorkspace(posts: 20, now: AppHarness.start).sqliteStore(in: directory + "/data"), SecretVault(key: try SecretKey.generate()))
    }

    func type(_ runtime: DashboardRuntime, _ text: String) {
        for c in text { terminal.queue(.key(.character(c))) }
        runtime.step()
    }

    func press(_ runtime: DashboardRuntime, _ notation: String) throws {
        terminal.queue(.key(try Key(parsing: notation)))
        runtime.step()
    }

    var screen: String { terminal.screen.frame?.text() ?? "" }

    @Test func theFormComesFirstAndASignInSubmittedMeanwhileWaitsForTheStore() throws {
        let (store, vault) = try seededStore()
        let runtime = try makeRuntime { .ready(.init(store: store, vault: vault)) }
        #expect(screen.contains("sign in"), "the first frame is the form")
        #expect(!opened.value.withLock { $0 } && work.waiting == 1, "the store opens only once the form is on screen, off this thread")

        type(runtime, "manager@acme.example")
        try press(runtime, "tab")
        type(runtime, DemoWorkspace.demoPassword)
        try press(runtime, "enter")
        runtime.render()
        #expect(screen.contains("manager@acme.example") && screen.contains("checking…"))
        #expect(!opened.value.withLock { $0 }, "typing and submitting did not wait for the store")

        work.runAll()
        runtime.step()
        #expect(work.waiting == 1, "the sign-in that was waiting goes to the work queue once the store is open")
        work.runAll()
        runtime.step()
        runtime.render()
        guard case .dashboard = runtime.screen else {
            Issue.record("the dashboard did not open: \(screen)")
            return
        }
        #expect(runtime.running && runtime.failure == nil)
    }

    @Test func theDemoSignsInByItselfOnceTheStoreIsOpen() throws {
        let (store, vault) = try seededStore()
        let runtime = try makeRuntime {
            .ready(.init(store: store, vault: vault, autoSignIn: ("manager@acme.example", DemoWorkspace.demoPassword)))
        }
        #expect(screen.contains("sign in") && !screen.contains("manager@acme.example"))
        work.runAll()
        runtime.step()
        runtime.render()
        #expect(screen.contains("manager@acme.example"), "the form shows whom the demo signs in as")
        work.runAll()
        runtime.step()
        guard case .dashboard = runtime.screen else {
            Issue.record("the demo did not sign in: \(screen)")
            return
        }
    }

    @Test func aStoreThatCannotBeOpenedEndsTheDashboardWithItsError() throws {
        let path = directory + "/data/socialdeck.sqlite"
        let runtime = try makeRuntime { throw StoreError.notADatabase(path) }
        #expect(screen.contains("sign in"))
        type(runtime, "someone@example.com")
        work.runAll()
        runtime.step()
        #expect(!runtime.running, "the loop stops; run() then restores the terminal and throws")
        #expect(runtime.failure as? StoreError == .notADatabase(path))
        #expect(runtime.ending == .quit)
    }

    @Test func anEmptyStoreLeavesTheScreenToBeSetUpFirst() throws {
        let runtime = try makeRuntime { .needsSetup }
        work.runAll()
        runtime.step()
        #expect(!runtime.running && runtime.ending == .needsSetup && runtime.failure == nil)
    }

    @Test func quittingBeforeTheStoreIsOpenIsAPlainQuit() throws {
        let (store, vault) = try seededStore()
        let runtime = try makeRuntime { .ready(.init(store: store, vault: vault)) }
        try press(runtime, "escape")
        #expect(!runtime.running && runtime.ending == .quit && runtime.failure == nil)
    }
}
