import Testing
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Every pane has a controller and a view, found by id: adding one is adding rows.
@Suite("Pane registry")
struct PaneRegistryTests {
    @Test func everyPaneHasAControllerAndAView() {
        #expect(Set(PaneViews.all.keys) == Set(PaneID.allCases))
        #expect(DashboardControllers.panes.compactMap { $0.pane } == PaneID.allCases)
    }
}
