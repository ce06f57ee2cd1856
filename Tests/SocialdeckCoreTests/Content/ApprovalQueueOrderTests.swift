import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The queue lists drafts that are due before drafts without a time, even when there
/// are more of those than the queue holds.
@Suite("Approval queue order")
struct ApprovalQueueOrderTests {
    @Test(arguments: Backend.enabled)
    func draftsWithATimeComeFirstWhateverTheLimit(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let manager = try w.customer("manager@acme.test", in: org, role: .manager)
        for n in 1...3 {
            try w.post(in: org, by: manager, title: "Untimed \(n)",
                       platforms: [Content.PlatformPost(platform: .linkedin, status: .draft, scheduledAt: nil)])
        }
        let later = try w.post(in: org, by: manager, title: "Later", platforms: [
            Content.PlatformPost(platform: .facebook, status: .draft, scheduledAt: w.clock.now.addingTimeInterval(7_200))])
        let sooner = try w.post(in: org, by: manager, title: "Sooner", platforms: [
            Content.PlatformPost(platform: .facebook, status: .draft, scheduledAt: w.clock.now.addingTimeInterval(3_600))])
        let me = identity(of: manager)
        #expect(try w.workflow.approvalQueue(for: me, limit: 2).map(\._id) == [sooner._id, later._id])
        let all = try w.workflow.approvalQueue(for: me, limit: 10).map(\.title)
        #expect(all == ["Sooner", "Later", "Untimed 1", "Untimed 2", "Untimed 3"])
    }
}
