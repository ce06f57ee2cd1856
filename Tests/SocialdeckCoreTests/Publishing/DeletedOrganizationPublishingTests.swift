import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Nothing goes out in the name of an organization staff deleted (issue #14): its due
/// jobs fail saying why, its post shows the failure, and after a restore a retry sends it.
@Suite("Publishing for a deleted organization")
struct DeletedOrganizationPublishingTests {
    @Test(arguments: Backend.enabled)
    func itsJobsFailUntilItIsRestored(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let post = try p.approvedPost("Held", in: 1, on: [.facebook])
        let scheduler = p.scheduler()
        #expect(try scheduler.runOnce().queued == 1, "queued before the deletion")
        let staff = try p.w.staff("admin@socialdeck.test", role: .admin)
        let organizations = OrganizationAdministration(store: p.store, clock: p.clock.closure)
        try organizations.delete(p.org._id, reason: "chargeback", by: identity(of: staff))
        p.clock.advance(by: 2 * 60)
        let report = try scheduler.runOnce()
        #expect(report.published == 0 && report.failed == 1)
        let job = try #require(try p.jobs().first)
        #expect(job.state == .failed && (job.lastError ?? "").contains("organization was deleted"))
        #expect(try p.post(post._id).platforms.first?.status == .failed)

        try organizations.restore(p.org._id, by: identity(of: staff))
        _ = try PublishJobs(store: p.store, clock: p.clock.closure).retry(job._id, by: identity(of: staff))
        #expect(try scheduler.runOnce().published == 1)
    }
}
