import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// The health pane from the terminal (issue #14): staff open it with 8, the dashboard's
/// own publisher shows among the processes, and `:maintenance on REASON` pauses
/// publishing for everyone with a banner; a customer has no such pane.
@Suite("App flows in-process: health")
struct HealthFlowTests {
    @Test func staffSeeHealthAndSwitchMaintenance() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("super-admin@socialdeck.example")
        try app.press("8")
        app.refresh()
        #expect(app.screen.contains("8 Health") && app.screen.contains("Processes running the core"))
        #expect(app.screen.contains("latency") && app.screen.contains("Agents, last 24 hours"))

        try app.press(":")
        app.type("maintenance on moving the store")
        try app.press("enter")
        app.refresh()
        #expect(try PublishingSwitch(store: app.store).state().paused)
        #expect(app.screen.contains("maintenance: publishing and agents paused"))
        #expect(app.screen.contains("ON: publishing and agents paused (moving the store)"))
        try app.press(":")
        app.type("maintenance off")
        try app.press("enter")
        app.refresh()
        #expect(try !PublishingSwitch(store: app.store).state().paused)

        let manager = try AppHarness()
        try manager.signIn()
        try manager.press("8")
        #expect(manager.screen.contains("your role cannot open Health"))
    }
}
