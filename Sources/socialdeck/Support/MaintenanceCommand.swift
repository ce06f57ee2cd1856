import ArgumentParser
import Foundation
import SocialdeckCore

/// `socialdeck maintenance on|off`: pauses publishing and the agents on every process
/// that shares the store, with a banner in every dashboard; audited.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Pause publishing and the agents everywhere (a banner in every dashboard), or resume.",
        subcommands: [On.self, Off.self])

    struct On: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "on", abstract: "Start maintenance.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Why, shown in every dashboard's banner and kept in the audit trail.") var reason: String

        func run() throws {
            try PublishingSwitch(store: try store.open()).set(paused: true, reason: reason, by: .localOperator())
            print("Maintenance is on: publishing and agents wait. `socialdeck maintenance off --reason TEXT` ends it.")
        }
    }

    struct Off: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "off", abstract: "End maintenance.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            try PublishingSwitch(store: try store.open()).set(paused: false, reason: reason, by: .localOperator())
            print("Maintenance is off; posts more than the missed window late are not sent, waiting workflows run.")
        }
    }
}
