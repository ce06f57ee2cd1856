import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// `socialdeck health`: the health pane for scripts and SSH sessions: the store's
/// latency and size, the publisher's lag and jobs, the agents' error rates, the
/// processes running the core, the email outbox, maintenance. Exits 1 when something
/// needs a person, so a cron job or a monitor can call it.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "The system's health: store, publisher, agents, processes, email; exit 1 on a problem.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let report = try SystemHealth(store: try store.open()).report(for: .localOperator())
        var model = HealthModel()
        model.load(report)
        let sections = model.sections
        if json {
            try JSONOutput.print([
                "backend": report.backend, "latencyMs": report.latencyMs, "storeBytes": report.storeBytes ?? NSNull(),
                "publisherLagSeconds": report.publisherLag,
                "jobs": Dictionary(uniqueKeysWithValues: report.jobs.map { ($0.key.rawValue, $0.value) }),
                "agents": report.agents.map { ["agent": $0.agent.rawValue, "runs": $0.runs, "failed": $0.failed] as [String: Any] },
                "processes": report.processes.map {
                    ["kind": $0.kind.rawValue, "host": $0.host, "pid": $0.pid, "lastSeenAt": JSONOutput.date($0.lastSeenAt),
                     "stale": report.isStale($0)] as [String: Any]
                },
                "email": Dictionary(uniqueKeysWithValues: report.email.map { ($0.key.rawValue, $0.value) }),
                "maintenance": report.maintenance ?? NSNull(),
            ])
        } else {
            for section in sections {
                print(section.title)
                for line in section.lines {
                    let mark = line.level == .problem ? "✗" : line.level == .warning ? "!" : " "
                    print(SafeText.escapingControls("  \(mark) \(line.label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(line.text)"))
                }
            }
        }
        if sections.contains(where: { $0.lines.contains { $0.level == .problem } }) { throw ExitCode(1) }
    }
}
