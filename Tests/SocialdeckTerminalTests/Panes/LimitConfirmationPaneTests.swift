import Foundation
@testable import SocialdeckTerminal
import SocialdeckModel
import SocialdeckViewModels
import Testing

/// Issue #10, item 5: approving over a platform's limit asks first, naming the
/// platform and the count; a bulk approve lists every offender.
@Suite("Approvals pane: the over-the-limit question")
struct LimitConfirmationPaneTests {
    @Test("One draft over X's limit at 80×24")
    func oneDraft() {
        let model = PaneFixtures.approvals([.moveDown, .approve])
        #expect(model.limitQuestion == ["X: 298/280 characters — approve anyway? y/n"])
        let buffer = PaneFrame.approvals(model, width: 80, height: 24)
        GoldenFile.assertMatches(buffer, named: "approvals-over-limit-80x24")
        let text = buffer.text()
        #expect(text.contains("X: 298/280 characters — approve anyway? y/n"))
        #expect(text.contains(ApprovalQueueModel.limitHint))
    }

    @Test("A bulk approve lists the offenders at 160×48")
    func bulk() {
        let model = PaneFixtures.approvals([.toggleSelect, .toggleSelect, .toggleSelect, .approve])
        #expect(model.limitQuestion == ["1 of 3 drafts are over a platform's limit:", "“Q4 results thread” X: 298/280",
                                        "approve all 3 anyway? y/n"])
        let buffer = PaneFrame.approvals(model, width: 160, height: 48)
        GoldenFile.assertMatches(buffer, named: "approvals-over-limit-bulk-160x48")
        #expect(buffer.text().contains("“Q4 results thread” X: 298/280"))
    }
}
