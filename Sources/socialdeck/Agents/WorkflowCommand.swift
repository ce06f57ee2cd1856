import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

/// `socialdeck workflow run NAME --org SLUG`: one of the spec's workflows now, step by
/// step, as `socialdeck daemon` runs the scheduled ones.
struct WorkflowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow", abstract: "Run the agents' workflows.", subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run a workflow for an organization now: analytics, strategy-optimisation or content-creation.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "analytics, strategy-optimisation or content-creation.") var name: String
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        @Option(help: "content-creation: what the posts are about.") var topic: String?

        func run() throws {
            let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
            let db = try store.open()
            let orgId = try ScheduleCommand.organization(org, in: db)
            let runner = WorkflowRunner(store: db, client: try configuration.llm.client(environment: ProcessInfo.processInfo.environment))
            let request = try runner.request(name, organizationId: orgId, topic: topic, by: .localOperator())
            _ = try runner.runWaiting()
            let done = try ModelCollection(db, AgentMessage.self).get(request._id)
            let steps = done.map { WorkflowRunner.completed($0) } ?? []
            print("\(name): \(done?.status.rawValue ?? "unknown"); steps done: \(steps.isEmpty ? "none" : steps.joined(separator: ", "))")
            if let error = done?.error { print("stopped: \(SafeText.escapingControls(error))") }
            if done?.status != .done { throw ExitCode(1) }
        }
    }
}
