import Foundation
import SocialdeckCore
import SocialdeckTmux

/// Starts the crowd's dashboards one after another, each signed in and on its pane
/// before the next starts, so their refresh timers tick at different moments, as
/// dashboards opened by different people would.
struct CrowdLaunch {
    struct Dashboard {
        let name: String
        /// The organization a manager manages; nil for a super_admin.
        let slug: String?
        let session: TmuxSession
        /// Its process, for CPU time.
        let stats: ProcessStats?
        /// The pane it was put on (1–5).
        let pane: Int

        var isStaff: Bool { slug == nil }
    }

    let pool: SessionPool
    let workspace: BenchWorkspace

    /// A manager, signed in through the form as a person would.
    func manager(of slug: String, pane: Int) throws -> Dashboard {
        let session = try pool.start("\(workspace.binary) --data \(workspace.dataDirectory)", environment: workspace.environment)
        try session.waitFor("sign in", timeout: 60, poll: 0.02)
        try session.send("manager@\(slug).example")
        try session.send("Enter", literally: false)
        try session.send(DemoWorkspace.demoPassword)
        try session.send("Enter", literally: false)
        return try opened(session, name: "manager of \(slug)", slug: slug, pane: pane)
    }

    /// The demo's super_admin, over every organization.
    func superAdmin(number: Int, pane: Int) throws -> Dashboard {
        let session = try pool.start("\(workspace.binary) --data \(workspace.dataDirectory) --demo --as staff", environment: workspace.environment)
        return try opened(session, name: "super_admin \(number)", slug: nil, pane: pane)
    }

    private func opened(_ session: TmuxSession, name: String, slug: String?, pane: Int) throws -> Dashboard {
        try session.waitFor("2 Approvals", timeout: 60, poll: 0.02)
        if pane != 2 {
            try session.send("\(pane)")
            try session.waitFor(ConcurrentDashboardsBenchmark.paneText[pane]!, timeout: 30, poll: 0.02)
        }
        return Dashboard(name: name, slug: slug, session: session, stats: try pool.program(of: session), pane: pane)
    }
}
