import Foundation
import SocialdeckCore
import SocialdeckModel

/// The health pane's state: the last report, and the lines it reads as, worst first
/// within each part so a glance finds what needs a person.
public struct HealthModel: Sendable {
    public private(set) var report: SystemHealth.Report?

    public init() {}

    public mutating func load(_ report: SystemHealth.Report?) {
        if let report { self.report = report }
    }

    /// One finding: what it is about, what it says, and whether it needs someone.
    public struct Line: Sendable, Equatable {
        public enum Level: Sendable, Equatable { case ok, warning, problem }
        public let label: String
        public let text: String
        public let level: Level
    }

    /// The report as labelled lines, by part.
    public var sections: [(title: String, lines: [Line])] {
        guard let r = report else { return [] }
        var store: [Line] = [
            Line(label: "backend", text: "\(r.backend) · \(r.location)", level: .ok),
            Line(label: "latency", text: String(format: r.latencyMs < 1 ? "%.3f ms a round trip (median of 3)" : "%.1f ms a round trip (median of 3)", r.latencyMs),
                 level: r.latencyMs > 200 ? .problem : r.latencyMs > 20 ? .warning : .ok),
        ]
        store.append(Line(label: "size", text: r.storeBytes.map(Self.bytes) ?? "kept by the server (dbStats there)", level: .ok))
        let lag = r.publisherLag
        var publisher = [Line(label: "lag", text: lag < 1 ? "none: nothing due is waiting" : "the most overdue job waits \(Self.duration(lag))",
                              level: lag > 300 ? .problem : lag > 30 ? .warning : .ok)]
        let order: [PublishJobState] = [.needsCheck, .failed, .queued, .publishing, .published]
        publisher.append(Line(label: "jobs", text: order.map { "\(r.jobs[$0] ?? 0) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
                                .joined(separator: " · "),
                              level: (r.jobs[.needsCheck] ?? 0) > 0 ? .warning : .ok))
        publisher.append(Line(label: "maintenance", text: r.maintenance.map { "ON: publishing and agents paused" + ($0.isEmpty ? "" : " (\($0))") }
                                ?? "off (:maintenance on REASON pauses publishing and the agents)",
                              level: r.maintenance == nil ? .ok : .warning))
        let agents = r.agents.filter { $0.runs > 0 }.sorted { ($0.rate, $0.runs) > ($1.rate, $1.runs) }.map {
            Line(label: $0.agent.rawValue, text: "\($0.runs) run\($0.runs == 1 ? "" : "s") · \($0.failed) failed (\(Int(($0.rate * 100).rounded()))%)",
                 level: $0.rate > 0.25 ? .problem : $0.rate > 0.05 ? .warning : .ok)
        }
        let processes = r.processes.map { p in
            let stale = r.isStale(p)
            return Line(label: "\(p.kind.rawValue)", text: "\(p.host) pid \(p.pid) · seen \(Self.duration(r.at.timeIntervalSince(p.lastSeenAt))) ago"
                            + (stale ? " · STALE" : "") + (p.lastError.map { " · \($0)" } ?? p.lastPass.map { " · \($0)" } ?? ""),
                        level: stale ? .problem : p.lastError != nil ? .warning : .ok)
        }
        // Withdrawn (an invitation used before its email went) is only worth a word when there are some.
        let email = UserNotification.EmailDelivery.State.allCases.filter { $0 != .withdrawn || (r.email[$0] ?? 0) > 0 }
            .map { "\(r.email[$0] ?? 0) \($0.rawValue)" }.joined(separator: " · ")
        return [
            ("Store", store),
            ("Publisher", publisher),
            ("Agents, last 24 hours", agents.isEmpty ? [Line(label: "runs", text: "none", level: .ok)] : agents),
            ("Processes running the core", processes.isEmpty
                ? [Line(label: "none", text: "no daemon or dashboard publisher has reported: nothing publishes", level: .problem)] : processes),
            ("Email (notifications, invitations)", [Line(label: "outbox", text: email, level: (r.email[.pending] ?? 0) > 50 ? .warning : .ok)]),
        ]
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s) s" }
        if s < 3_600 { return "\(s / 60) min" }
        if s < 86_400 { return "\(s / 3_600) h \(s % 3_600 / 60) min" }
        return "\(s / 86_400) d"
    }

    static func bytes(_ n: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(n), unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(n) B" : String(format: "%.1f %@", value, units[unit])
    }
}
