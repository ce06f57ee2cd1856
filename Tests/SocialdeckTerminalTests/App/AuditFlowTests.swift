import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// The audit pane from the terminal (issue #14): staff open it with 9, filter by action
/// and by who acted, switch to the customers' log and page; a customer admin reads only
/// their organization's customers' log; a manager has no such pane.
@Suite("App flows in-process: audit")
struct AuditFlowTests {
    @Test func staffFilterSwitchLogsAndPage() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("super-admin@socialdeck.example")
        try app.press("9")
        app.refresh()
        #expect(app.screen.contains("Audit · staff log · page 1"))
        #expect(try !app.dashboard().audit.entries.isEmpty)

        try app.press("/")
        app.type("action:user_suspended")
        try app.press("enter")
        app.refresh()
        let suspended = try app.dashboard().audit.entries
        #expect(!suspended.isEmpty && suspended.allSatisfy { $0.action == "user_suspended" })
        #expect(app.screen.contains("filter action:user_suspended"))

        try app.press("/")
        try app.press("ctrl+u")
        app.type("by:nobody@nowhere.example")
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("nobody with that email is in this log"))

        try app.press("/")
        try app.press("ctrl+u")
        try app.press("enter")
        try app.press("v")
        app.refresh()
        #expect(app.screen.contains("Audit · customers' log"))
        let first = try app.dashboard().audit.entries.first
        try app.press("]")
        app.refresh()
        let model = try app.dashboard().audit
        if model.pageNumber == 2 {
            #expect(model.entries.first?.id != first?.id, "the next page holds older entries")
            try app.press("[")
            app.refresh()
            #expect(try app.dashboard().audit.entries.first?.id == first?.id)
        } else {
            #expect(app.screen.contains("this is the last page"))
        }
    }

    @Test func aCustomerAdminReadsOnlyTheirCustomersLog() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("admin@acme.example")
        try app.press("9")
        app.refresh()
        let model = try app.dashboard()
        let acme = try #require(try ModelCollection(app.store, Organization.self).first(.eq("slug", "acme")))
        #expect(app.screen.contains("Audit · customers' log"))
        #expect(model.audit.entries.allSatisfy { $0.organizationId == acme._id })
        try app.press("v")
        #expect(app.screen.contains("one log"))

        let manager = try AppHarness()
        try manager.signIn()
        try manager.press("9")
        #expect(manager.screen.contains("your role cannot open Audit"))
    }
}
