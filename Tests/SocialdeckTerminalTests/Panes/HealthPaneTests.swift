import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The health pane at fixed sizes, text and style: a stale process and a failing agent
/// in the error colour, jobs to check in the warning colour, a hostile last error drawn
/// harmless.
@Suite("Health pane")
struct HealthPaneTests {
    static func model(now: Date) -> HealthModel {
        func process(_ host: String, _ pid: Int, _ kind: ProcessHeartbeat.Kind, seen: TimeInterval, pass: String?, error: String?) -> ProcessHeartbeat {
            var p = ProcessHeartbeat()
            p.host = host
            p.pid = pid
            p.kind = kind
            p.lastSeenAt = now.addingTimeInterval(-seen)
            p.lastPass = pass
            p.lastError = error
            return p
        }
        let report = SystemHealth.Report(
            at: now, backend: "SQLite", location: "/var/lib/socialdeck/socialdeck.sqlite", latencyMs: 0.042, storeBytes: 48_318_382,
            jobs: [.queued: 12, .publishing: 2, .published: 4_210, .failed: 3, .needsCheck: 1], publisherLag: 95,
            agents: [.init(agent: .content, runs: 48, failed: 14), .init(agent: .analytics, runs: 6, failed: 0),
                     .init(agent: .engagement, runs: 20, failed: 2)],
            processes: [process("deck-1", 4121, .daemon, seen: 3, pass: "5 published, 0 failed", error: nil),
                        process("support-laptop", 991, .dashboard, seen: 1_900, pass: nil, error: "pass failed: \u{1B}[2Jstore unreachable")],
            email: [.pending: 4, .sent: 310, .refused: 2, .expired: 0], maintenance: nil)
        var model = HealthModel()
        model.load(report)
        return model
    }

    private func render(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        HealthPane.render(Self.model(now: PaneFixture.context.now), in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() {
        GoldenFile.assertMatches(render(width: 80, height: 24), named: "health-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() {
        GoldenFile.assertMatches(render(width: 160, height: 48), named: "health-160x48")
    }

    @Test("What needs a person is marked, and nothing from the store escapes")
    func content() {
        let model = Self.model(now: PaneFixture.context.now)
        let lines = model.sections.flatMap(\.lines)
        #expect(lines.first { $0.label == "content" }?.level == .problem, "29% of content runs failed")
        #expect(lines.first { $0.label == "lag" }?.level == .warning)
        #expect(lines.filter { $0.label == "dashboard" }.allSatisfy { $0.level == .problem && $0.text.contains("STALE") })
        let text = render(width: 160, height: 48).text()
        #expect(!text.contains("\u{1B}") && text.contains("46.1 MB"))
    }
}
