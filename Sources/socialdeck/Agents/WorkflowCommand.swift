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
        commandName: "workflow", abstract: "Run the agents' workflows.", subcommands: [Run.self, List.self, Retry.self, Cancel.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Workflow requests, newest first: state and steps done.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Only this organization (its slug).", valueName: "slug")) var org: String?

        func run() throws {
            let db = try store.open()
            let orgId = try org.map { try ScheduleCommand.organization($0, in: db) }
            var rows = [["REQUEST", "WORKFLOW", "ASKED (UTC)", "STATE", "STEPS DONE", "ERROR"]]
            for r in try WorkflowRequests(store: db).list(for: .localOperator(), organizationId: orgId) {
                rows.append([r._id.hex, r.payload["workflow"]?.stringValue ?? "?", ISODate.string(from: r.createdAt), r.status.rawValue,
                             WorkflowRunner.completed(r).joined(separator: ", "), String((r.error ?? "").prefix(80))])
            }
            print(rows.count == 1 ? "No workflow has been asked for yet." : Table.render(rows.map { $0.map(SafeText.escapingControls) }))
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Send a failed workflow round again; it resumes at the step that failed.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The request's id, as `workflow list` shows it.") var request: String

        func run() throws {
            let db = try store.open()
            let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
            let runner = WorkflowRunner(store: db, client: try configuration.llm.client(environment: ProcessInfo.processInfo.environment, store: db))
            let id = try ScheduleCommand.objectId(request, what: "request", listedBy: "workflow list")
            let retried = try WorkflowRequests(store: db).retry(id, by: .localOperator())
            _ = try runner.runWaiting()
            try WorkflowCommand.report(id, name: retried.payload["workflow"]?.stringValue ?? "workflow", in: db)
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run a workflow for an organization now: analytics, strategy-optimisation or content-creation.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "analytics, strategy-optimisation or content-creation.") var name: String
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        @Option(help: "content-creation: what the posts are about (without one, the next planned posts are drafted).") var topic: String?

        func run() throws {
            let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
            let db = try store.open()
            let orgId = try ScheduleCommand.organization(org, in: db)
            let runner = WorkflowRunner(store: db, client: try configuration.llm.client(environment: ProcessInfo.processInfo.environment, store: db))
            let request = try WorkflowRequests(store: db).request(name, organizationId: orgId, topic: topic, by: .localOperator())
            _ = try runner.runWaiting()
            try WorkflowCommand.report(request._id, name: name, in: db)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Stop a waiting or running workflow; a running one stops after its step.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The request's id, as `workflow list` shows it.") var request: String

        func run() throws {
            let id = try ScheduleCommand.objectId(request, what: "request", listedBy: "workflow list")
            let db = try store.open()
            let cancelled = try WorkflowRequests(store: db).cancel(id, by: .localOperator())
            let done = WorkflowRunner.completed(cancelled)
            print("\(cancelled.payload["workflow"]?.stringValue ?? "workflow") cancelled; steps done: \(done.isEmpty ? "none" : done.joined(separator: ", "))")
        }
    }

    /// "NAME: done; steps done: …", why it stopped, and a non-zero exit unless it finished.
    static func report(_ id: ObjectId, name: String, in db: any DocumentStore) throws {
        let done = try ModelCollection(db, AgentMessage.self).get(id)
        let steps = done.map { WorkflowRunner.completed($0) } ?? []
        print("\(name): \(done?.status.rawValue ?? "unknown"); steps done: \(steps.isEmpty ? "none" : steps.joined(separator: ", "))")
        if let error = done?.error { print("stopped: \(SafeText.escapingControls(error))") }
        if done?.status != .done { throw ExitCode(1) }
    }
}
