import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal
import SocialdeckTestSupport

/// Reports from a small seeded workspace with a fixed clock, built once and shared by
/// every pane test (the reports' initialisers are internal to the core, so they come
/// from the core's own queries).
struct PaneFixture: Sendable {
    static let now = ISODate.date(from: "2026-11-29T10:00:00Z")!
    /// A post title that tries to clear the screen, write the clipboard (OSC 52) and
    /// colour the rest of the line with an 8-bit CSI.
    static let hostileTitle = "Sale\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07} now\u{9B}31m!\nnext"

    let analytics: AnalyticsReport
    /// The same report after the top post's title was replaced by `hostileTitle`.
    let hostileAnalytics: AnalyticsReport
    let agents: [AgentHealth]
    let revenue: RevenueReport

    static let shared = Result { try PaneFixture() }

    static var context: PaneContext {
        PaneContext(palette: Palette(theme: .builtIn, depth: .trueColor), now: now,
                    timeZone: TimeZone(identifier: "UTC")!)
    }

    private init() throws {
        let directory = TempDir.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        (analytics, hostileAnalytics, agents, revenue) = try Self.build(in: directory)
    }

    private static func build(in directory: String) throws
        -> (AnalyticsReport, AnalyticsReport, [AgentHealth], RevenueReport) {
        let store = try StoreLocation.sqlite(directory: directory).open(now: now)
        var options = DemoWorkspace.Options()
        options.organizations = 12
        options.users = 16
        options.posts = 160
        options.days = 90
        options.now = now
        try DemoWorkspace(options: options)
            .seed(into: store, hasher: PasswordHasher(parameters: ScryptParameters(logN: 10, r: 8, p: 1)))
        let operator_ = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let analytics = try AnalyticsReport.build(store: store, for: operator_, organizationId: nil, rangeDays: 30, now: now)
        let agents = try AgentHealth.all(store: store, for: operator_)
        let revenue = try RevenueReport.build(store: store, for: operator_, now: now)
        guard let top = analytics.topPosts.first else { throw FixtureError("the seeded workspace has no top posts") }
        _ = try store.updateOne(CollectionName.content.rawValue, .id(top.id), Update.set("title", hostileTitle))
        let hostile = try AnalyticsReport.build(store: store, for: operator_, organizationId: nil, rangeDays: 30, now: now)
        return (analytics, hostile, agents, revenue)
    }
}

extension CellBuffer {
    /// Every grapheme drawn, for checks that no control character reached the screen.
    var graphemes: [Character] { cells.filter { !$0.isContinuation }.map(\.grapheme) }
}
