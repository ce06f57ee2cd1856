import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels
import Testing

/// The editor counts the text against each target platform's limit as it is typed, and
/// the reject prompt counts the reason against the core's limit (issue #10, item 14).
@Suite("Approval prompt lengths")
struct ApprovalLengthsTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func queue() throws -> ApprovalQueueModel {
        var model = ws.dashboard(ws.manager)
        let snap = try ws.snapshot(ws.manager, model: model)
        model.receive(.init(result: .success(snap), request: model.request, duration: 0.01), now: ws.now)
        return model.approvals
    }

    @Test func theEditorCountsEachTargetPlatformAsTheTextChanges() throws {
        var approvals = try queue()
        let index = try #require(approvals.visible.firstIndex { $0.platforms.contains(.twitter) })
        _ = approvals.send(.top, now: ws.now)
        for _ in 0..<index { _ = approvals.send(.moveDown, now: ws.now) }
        let draft = try #require(approvals.current)
        #expect(approvals.editorLengths == nil, "only while editing")
        _ = approvals.send(.beginEdit, now: ws.now)
        let opened = try #require(approvals.editorLengths)
        #expect(opened.map(\.platform) == draft.platforms)
        #expect(opened == draft.lengths)

        // Past X's 280: the count follows the typing and says it is over.
        let added = " " + String(repeating: "more words ", count: 30)
        _ = approvals.send(.typed(added), now: ws.now)
        let typed = try #require(approvals.editorLengths)
        let x = try #require(typed.first { $0.platform == .twitter })
        #expect(x.count == PostLength.count(draft.text + added, on: .twitter))
        #expect(x.isOver)
        #expect(x.limit == 280)
    }

    @Test func theRejectPromptCountsTheReasonAgainstTheCoresLimit() throws {
        var approvals = try queue()
        #expect(approvals.reasonLength == nil)
        _ = approvals.send(.beginReject, now: ws.now)
        #expect(approvals.reasonLength?.count == 0)
        #expect(approvals.reasonLength?.limit == ContentWorkflow.rejectionReasonLimit)
        _ = approvals.send(.typed("  Off-brand tone  "), now: ws.now)
        #expect(approvals.reasonLength?.count == "Off-brand tone".count, "counted as the core counts it, trimmed")
    }
}
