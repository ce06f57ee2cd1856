import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// A new team on an empty store: one organization, its admin, and nothing else.
enum EmptyTeam {
    static let email = "nadia@newteam.example"
    static let organization = "New Team"

    /// An empty store opened as the app opens it, with the team and its admin (whose
    /// password is the demo password, so the harness signs in as usual).
    static func store(in directory: String) throws -> any DocumentStore {
        let store = try StoreLocation.sqlite(directory: directory).open(now: AppHarness.start)
        let operator_ = Identity.localOperator(context: ConnectionContext(ipAddress: "local", userAgent: "test"))
        let org = try OrganizationAdministration(store: store, clock: { AppHarness.start })
            .create(name: organization, plan: .free, by: operator_)
        try UserAdministration(store: store, hasher: fastHasher, clock: { AppHarness.start })
            .add(.init(email: email, password: DemoWorkspace.demoPassword, organizationSlug: org.slug, role: .admin,
                       firstName: "Nadia", lastName: "Okoye"), by: operator_)
        return store
    }
}

/// Empty panes say what to do next (issue #10, item 13), with the command or key that
/// does it, seen by a new team's admin on an empty store.
@Suite("App flows in-process: a new team's empty panes")
struct EmptyTeamFlowTests {
    @Test func everyEmptyPaneSaysWhatToDoNext() throws {
        let app = try AppHarness(width: 100, height: 30, store: EmptyTeam.store)
        try app.signIn(EmptyTeam.email)
        #expect(app.screen.contains("Nadia Okoye (admin)"))

        try app.press("2")
        #expect(app.screen.contains("No drafts waiting for approval"))
        #expect(app.screen.contains("Agents draft posts on their schedule"))
        #expect(app.screen.contains("socialdeck import content posts.csv --org new-team --drafts"))

        try app.press("1")
        app.refresh()
        #expect(app.screen.contains("Nothing scheduled"))
        #expect(app.screen.contains("press 2"), "the key that opens the approval queue:\n\(app.screen)")
        #expect(app.screen.contains("socialdeck import content posts.csv --org new-team"))

        try app.press("3")
        app.refresh()
        #expect(app.screen.contains("No metrics in the last 30 days"), "\(app.screen)")
        #expect(app.screen.contains("] for a longer range"))

        try app.press("4")
        app.refresh()
        #expect(app.screen.contains("No agents on this store"))
        #expect(app.screen.contains("socialdeck import ai_agents"))
    }

    /// The demo's agents have run for nobody in a new team: each one's runs say so.
    @Test func anAgentWithNoRunsSaysWhy() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn()
        try app.press("4")
        app.refresh()
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("No runs for your organization yet"), "\(app.screen)")
    }
}
