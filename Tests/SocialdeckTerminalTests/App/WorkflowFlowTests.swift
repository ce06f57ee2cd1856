import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// Workflows from the dashboard (issue #13): asked for from the palette, shown step by
/// step in the agents pane as a runner carries them out, and cancelled with `x`.
@Suite("Workflows in the dashboard", .serialized)
struct WorkflowFlowTests {
    func runner(_ app: AppHarness) -> WorkflowRunner {
        WorkflowRunner(store: app.store, client: LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }),
                       owner: "test-runner", clock: { AppHarness.start })
    }

    @Test func aWorkflowAskedForInThePaletteShowsItsStepsAndCanBeCancelled() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press(":")
        app.type("workflow analytics")
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("analytics is asked for"), "\(app.screen)")
        #expect(app.screen.contains("· rollups › · performance › · behaviour › · trends › · weekly report  waiting"), "\(app.screen)")

        #expect(try runner(app).runWaiting().finished == 1)
        app.refresh()
        #expect(app.screen.contains("✓ rollups › ✓ performance › ✓ behaviour › ✓ trends › ✓ weekly report  done"), "\(app.screen)")

        try app.press(":")
        app.type("workflow content-creation Winter roast")
        try app.press("enter")
        app.refresh()
        try app.press("w")
        #expect(app.screen.contains("Workflows · 2 listed · 1 running or waiting"), "\(app.screen)")
        try app.press("x")
        #expect(app.screen.contains("analytics has ended (done); there is nothing to cancel"), "the cursor stayed on the first workflow")
        try app.press("g")
        #expect(app.screen.contains("Topic: Winter roast"))
        try app.press("x")
        app.refresh()
        #expect(app.screen.contains("content-creation cancelled"), "\(app.screen)")
        #expect(app.screen.contains("cancelled"))
        let nothing = try runner(app).runWaiting()
        #expect(nothing.finished == 0 && nothing.failed == 0, "a cancelled request is not run")
        try app.press("esc")
        #expect(app.screen.contains("enter runs · w workflows"))
    }

    @Test func theWorkflowVerbSaysWhatItTakes() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press(":")
        app.type("workflow nonsense")
        try app.press("enter")
        #expect(app.screen.contains("workflow content-creation [topic], workflow analytics, workflow strategy-optimisation or workflow engagement"))
        try app.press(":")
        app.type("workflow analytics Winter")
        try app.press("enter")
        #expect(app.screen.contains("only content-creation takes a topic"))
    }
}
