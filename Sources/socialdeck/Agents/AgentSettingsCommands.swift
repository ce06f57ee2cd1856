import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension AgentTool: ExpressibleByArgument {}

/// `socialdeck agents list|configure|enable|disable|restart|org`: the staff actions the
/// agents pane offers, for scripts and SSH sessions. Every change is audited.
extension AgentsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the agents, their state and configuration.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            var rows = [["AGENT", "STATUS", "MODEL", "TEMP", "MAX TOKENS", "TOOLS", "RUNS", "OK %", "MEAN MS", "MONTH $", "OFF FOR"]]
            for health in try AgentHealth.all(store: db, for: .localOperator(), runs: 0) {
                let a = health.agent
                rows.append([a.type.rawValue, a.pausedInError == true ? "inactive (error)" : a.status.rawValue,
                             a.configuration.model.isEmpty ? "[llm]" : a.configuration.model,
                             String(format: "%.2f", a.configuration.temperature), String(a.configuration.maxTokens),
                             a.configuration.tools.joined(separator: ","), String(a.performance.totalExecutions),
                             String(format: "%.1f", a.performance.successRate), String(format: "%.0f", a.performance.averageResponseTime),
                             String(format: "%.4f", a.costs.monthlyCost),
                             String(a.organizationSpecific.filter { !$0.isEnabled }.count)])
            }
            print(Table.render(rows.map { $0.map(SafeText.escapingControls) }))
        }
    }

    struct Costs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "costs", abstract: "What each organization's agent runs cost: this month (UTC) and in all, dearest first.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            let month = String(ISODate.string(from: Date()).prefix(7))
            let names = Dictionary(try ModelCollection(db, Organization.self).find().map { ($0._id, $0.slug) },
                                   uniquingKeysWith: { a, _ in a })
            var lines: [(org: String, agent: String, cost: AIAgent.OrganizationCost)] = []
            for health in try AgentHealth.all(store: db, for: .localOperator(), runs: 0) {
                for cost in health.agent.costs.byOrganization ?? [] {
                    lines.append((names[cost.organizationId] ?? cost.organizationId.hex, health.agent.type.rawValue, cost))
                }
            }
            let thisMonth = { (c: AIAgent.OrganizationCost) in c.month == month ? c.monthlyCost : 0 }
            lines.sort { (thisMonth($0.cost), $0.cost.totalCost) > (thisMonth($1.cost), $1.cost.totalCost) }
            var rows = [["ORGANIZATION", "AGENT", "TOKENS \(month)", "$ \(month)", "TOKENS IN ALL", "$ IN ALL"]]
            for l in lines {
                rows.append([l.org, l.agent, String(l.cost.month == month ? l.cost.monthlyTokens : 0), String(format: "%.4f", thisMonth(l.cost)),
                             String(l.cost.totalTokens), String(format: "%.4f", l.cost.totalCost)])
            }
            print(lines.isEmpty ? "No agent has run for an organization yet." : Table.render(rows.map { $0.map(SafeText.escapingControls) }))
        }
    }

    struct Configure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "configure", abstract: "Change an agent's model, temperature, token limit, system prompt or tools.",
            discussion: "An empty --model goes back to the model [llm] names. --prompt-file reads the system prompt from a file ('-' for standard input).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The agent: intelligence, strategy, content, execution, learning, engagement or analytics.") var agent: String
        @Option var model: String?
        @Option var temperature: Double?
        @Option(name: .customLong("max-tokens")) var maxTokens: Int?
        @Option(name: .customLong("prompt-file"), help: ArgumentHelp("The system prompt's file.", valueName: "path")) var promptFile: String?
        @Option(name: .customLong("tool"), help: ArgumentHelp("A tool the agent may use (repeatable; replaces the list).", valueName: "name"))
        var tools: [AgentTool] = []
        @Flag(name: .customLong("no-tools"), help: "Take every tool away.") var noTools = false
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let admin = AgentAdministration(store: db)
            var prompt: String?
            if let promptFile {
                let data = promptFile == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: promptFile))
                guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(promptFile) is not UTF-8 text") }
                prompt = text
            }
            let settings = AgentAdministration.Settings(model: model, temperature: temperature, maxTokens: maxTokens, systemPrompt: prompt,
                                                        tools: noTools ? [] : tools.isEmpty ? nil : tools)
            guard settings != AgentAdministration.Settings() else { throw ValidationError("say what to change: --model, --temperature, --max-tokens, --prompt-file or --tool") }
            let a = try admin.configure(try admin.agent(named: agent, by: .localOperator())._id, settings, reason: reason, by: .localOperator())
            let c = a.configuration
            print("\(a.name): model \(c.model.isEmpty ? "as [llm] names" : SafeText.escapingControls(c.model)), temperature \(c.temperature), "
                  + "max tokens \(c.maxTokens), tools \(c.tools.isEmpty ? "none" : c.tools.joined(separator: ", ")), "
                  + "system prompt \(c.systemPrompt.count) characters.")
        }
    }

    /// The agent and the reason `enable`, `disable` and `restart` take.
    struct StateChange: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Argument(help: "The agent: intelligence, strategy, content, execution, learning, engagement or analytics.") var agent: String
        @Option(help: "Why, for the audit trail.") var reason: String?

        func apply(_ command: AgentAdministration.Command, done: String) throws {
            let db = try store.open()
            let admin = AgentAdministration(store: db)
            let a = try admin.apply(command, to: try admin.agent(named: agent, by: .localOperator())._id, reason: reason, by: .localOperator())
            print("\(a.name) \(done); now \(a.status.rawValue)\(a.pausedInError == true ? ", still in error until a restart" : "").")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Resume a paused agent (an error stays until a restart).")
        @OptionGroup var change: StateChange
        func run() throws { try change.apply(.enable, done: "resumed") }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Pause an agent: it refuses work until enabled.")
        @OptionGroup var change: StateChange
        func run() throws { try change.apply(.disable, done: "paused") }
    }

    struct Restart: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart an agent, clearing its error state.")
        @OptionGroup var change: StateChange
        func run() throws { try change.apply(.restart, done: "restarted") }
    }

    struct Org: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "org", abstract: "Switch an agent on or off for one organization, or give it that organization's own instructions.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The agent.") var agent: String
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        enum State: String, EnumerableFlag { case on, off }
        @Flag(help: "The agent works for the organization (--on), or not (--off).") var state: State?
        @Option(name: .customLong("instruction"), help: ArgumentHelp("An instruction for this organization (repeatable; replaces them).", valueName: "text"))
        var instructions: [String] = []
        @Flag(name: .customLong("clear-instructions")) var clear = false
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let admin = AgentAdministration(store: db)
            let orgId = try ScheduleCommand.organization(org, in: db)
            let a = try admin.setOrganization(try admin.agent(named: agent, by: .localOperator())._id, organizationId: orgId,
                                              enabled: state.map { $0 == .on }, customPrompts: clear ? [] : instructions.isEmpty ? nil : instructions,
                                              reason: reason, by: .localOperator())
            let own = a.organizationSpecific.first { $0.organizationId == orgId }
            print("\(a.name) for \(org): \(own?.isEnabled ?? true ? "on" : "off"), \(own?.customPrompts.count ?? 0) instruction(s).")
            for line in own?.customPrompts ?? [] { print("  \(SafeText.escapingControls(line))") }
        }
    }
}
