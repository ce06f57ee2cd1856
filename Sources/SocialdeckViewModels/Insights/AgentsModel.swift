import Foundation
import SocialdeckCore
import SocialdeckModel

public enum AgentCommand: Sendable, Equatable {
    case apply(AgentAdministration.Command, agent: ObjectId)
    /// Asks for a workflow for an organization; the background runner carries it out.
    case startWorkflow(String, topic: String?, organization: ObjectId)
    case cancelWorkflow(ObjectId, name: String)
    case configure(ObjectId, AgentAdministration.Settings)
    /// One organization's switch and instructions for the agent.
    case organization(ObjectId, organization: ObjectId, enabled: Bool?, instructions: [String]?)
}

/// The agent status pane: one row per agent, live as runs are recorded, staff actions
/// on the selected agent, and (Enter) the selected agent's recent runs, which say why
/// it failed.
public struct AgentsModel: Sendable {
    public private(set) var rows: [AgentHealth] = []
    public private(set) var cursor = 0
    public private(set) var message: String?
    public let canConfigure: Bool
    /// False until the first snapshot arrives, so "no agents" is not said while they load.
    public private(set) var hasLoaded = false
    /// The agent whose recent runs are open; nil while the table shows.
    public private(set) var runsAgent: ObjectId?
    /// Its runs, once the snapshot has read them; nil while they load or when the agent is gone.
    public private(set) var runs: AgentRunHistory?
    public private(set) var runsGone = false
    public private(set) var runCursor = 0
    /// Names for the runs' organizations, which staff see.
    public private(set) var organizationNames: [ObjectId: String] = [:]

    /// The workflows asked for, running first (``WorkflowProgress/recent``).
    public private(set) var workflows: [WorkflowProgress] = []
    /// True while `w` has the workflows listed in place of the agents.
    public private(set) var showsWorkflows = false
    public private(set) var workflowCursor = 0
    /// Whether this person may start and cancel workflows.
    public let canRunWorkflows: Bool

    public init(identity: Identity) {
        canConfigure = identity.isStaff && identity.allowedActions.contains(.configureAgents)
        canRunWorkflows = identity.isStaff ? canConfigure : identity.allowedActions.contains(.createContent)
    }

    /// New rows from the store. The cursor stays on its agent wherever it now sits; when
    /// the agent is gone, it moves to a neighbour and `message` says so (also returned).
    @discardableResult
    public mutating func load(_ rows: [AgentHealth]) -> String? {
        hasLoaded = true
        let was = selected?.agent, before = self.rows.map(\.agent._id)
        self.rows = rows
        let outcome = ListSelection.follow(was?._id, in: before, to: rows.map(\.agent._id), fallback: cursor)
        cursor = outcome.index
        guard outcome.left, let was else { return nil }
        let next = selected.map { "now on " + PostDeparture.quoted($0.agent.name) } ?? "no agents are listed"
        message = "\(PostDeparture.quoted(was.name)) is no longer listed; \(next)"
        return message
    }

    public mutating func move(_ delta: Int) { cursor = max(0, min(cursor + delta, rows.count - 1)) }
    public mutating func moveToFirst() { cursor = 0 }
    public mutating func moveToLast() { cursor = max(0, rows.count - 1) }

    public var selected: AgentHealth? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    /// The agent the keys act on: the one whose runs are open, else the selected row.
    public var target: AgentHealth? {
        guard let runsAgent else { return selected }
        return rows.first { $0.agent._id == runsAgent }
    }

    // MARK: Recent runs

    public var showsRuns: Bool { runsAgent != nil }

    /// Opens the selected agent's recent runs; the next snapshot reads them.
    public mutating func openRuns() {
        guard let agent = selected?.agent else { return }
        runsAgent = agent._id
        runs = nil
        runsGone = false
        runCursor = 0
    }

    public mutating func closeRuns() {
        runsAgent = nil
        runs = nil
        runsGone = false
    }

    /// The snapshot's runs, when they were read for the agent open now.
    public mutating func loadRuns(_ history: AgentRunHistory?, requested: ObjectId?, organizationNames: [ObjectId: String]) {
        guard let requested, requested == runsAgent else { return }
        runs = history
        runsGone = history == nil
        self.organizationNames = organizationNames
        runCursor = max(0, min(runCursor, (history?.runs.count ?? 0) - 1))
    }

    public mutating func moveRun(_ delta: Int) {
        runCursor = max(0, min(runCursor + delta, (runs?.runs.count ?? 0) - 1))
    }

    public mutating func moveRunToFirst() { runCursor = 0 }
    public mutating func moveRunToLast() { runCursor = max(0, (runs?.runs.count ?? 0) - 1) }

    public var selectedRun: AgentRunHistory.Run? {
        guard let list = runs?.runs, list.indices.contains(runCursor) else { return nil }
        return list[runCursor]
    }

    // MARK: Workflows

    /// The snapshot's workflows; the cursor stays on its request.
    public mutating func loadWorkflows(_ list: [WorkflowProgress], organizationNames: [ObjectId: String]) {
        let was = selectedWorkflow?.id
        workflows = list
        self.organizationNames.merge(organizationNames) { _, new in new }
        workflowCursor = was.flatMap { id in list.firstIndex { $0.id == id } } ?? max(0, min(workflowCursor, list.count - 1))
    }

    public mutating func toggleWorkflows() {
        showsWorkflows.toggle()
        if showsWorkflows { closeRuns() }
    }

    public mutating func closeWorkflows() { showsWorkflows = false }

    public mutating func moveWorkflow(_ delta: Int) {
        workflowCursor = max(0, min(workflowCursor + delta, workflows.count - 1))
    }

    public var selectedWorkflow: WorkflowProgress? {
        workflows.indices.contains(workflowCursor) ? workflows[workflowCursor] : nil
    }

    public mutating func startWorkflow(_ name: String, topic: String?, organization: ObjectId) -> [AgentCommand] {
        guard canRunWorkflows else { message = "your role cannot start workflows"; return [] }
        message = "asking for \(name)…"
        return [.startWorkflow(name, topic: topic, organization: organization)]
    }

    public mutating func cancelSelectedWorkflow() -> [AgentCommand] {
        guard canRunWorkflows else { message = "your role cannot cancel workflows"; return [] }
        guard let workflow = selectedWorkflow else { message = "no workflow is selected"; return [] }
        guard workflow.isActive else { message = "\(workflow.workflow) has ended (\(workflow.status.rawValue)); there is nothing to cancel"; return [] }
        message = "cancelling \(workflow.workflow)…"
        return [.cancelWorkflow(workflow.id, name: workflow.workflow)]
    }

    // MARK: Configuration

    /// `agent model gpt-4o`, `agent temperature 0.3`, `agent tokens 900`, `agent tools
    /// analytics_query,content_search`, `agent prompt TEXT` for the selected agent; `agent
    /// on|off` and `agent instruction TEXT` for it in `organization` (nil: none in view).
    public mutating func configure(_ text: String, organization: ObjectId?) -> [AgentCommand] {
        guard let agent = target?.agent else { message = "select an agent first"; return [] }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let field = words.first?.lowercased() else { message = Self.configureUsage; return [] }
        let value = words.dropFirst().joined(separator: " ")
        var settings = AgentAdministration.Settings()
        switch field {
        case "on", "off", "instruction", "instructions":
            guard let organization else { message = "choose the organization first: org SLUG"; return [] }
            let enabled: Bool? = field == "on" ? true : field == "off" ? false : nil
            let instructions: [String]? = field.hasPrefix("instruction") ? (value.isEmpty ? [] : [value]) : nil
            message = "changing \(agent.name) for the organization…"
            return [.organization(agent._id, organization: organization, enabled: enabled, instructions: instructions)]
        case "model": settings.model = value
        case "temperature", "temp":
            guard let t = Double(value) else { message = "temperature takes a number from 0 to 2"; return [] }
            settings.temperature = t
        case "tokens", "maxtokens":
            guard let n = Int(value) else { message = "tokens takes a whole number"; return [] }
            settings.maxTokens = n
        case "tools":
            let names = value.split { $0 == "," || $0 == " " }.map(String.init)
            let tools = names.compactMap(AgentTool.init(rawValue:))
            guard tools.count == names.count else {
                message = "tools are " + AgentTool.allCases.map(\.rawValue).joined(separator: ", ") + " (or none: agent tools -)"
                return names == ["-"] ? configureTools([], agent) : []
            }
            settings.tools = tools
        case "prompt": settings.systemPrompt = value
        default:
            message = Self.configureUsage
            return []
        }
        guard canConfigure else { message = "only staff admins can change agents"; return [] }
        message = "changing \(agent.name)…"
        return [.configure(agent._id, settings)]
    }

    private mutating func configureTools(_ tools: [AgentTool], _ agent: AIAgent) -> [AgentCommand] {
        guard canConfigure else { message = "only staff admins can change agents"; return [] }
        message = "changing \(agent.name)…"
        return [.configure(agent._id, AgentAdministration.Settings(tools: tools))]
    }

    static let configureUsage = "agent model NAME · temperature N · tokens N · tools a,b · prompt TEXT · on · off · instruction TEXT"

    // MARK: Staff commands

    public mutating func command(_ c: AgentAdministration.Command) -> [AgentCommand] {
        guard canConfigure else { message = "only staff admins can change agents"; return [] }
        guard let agent = target?.agent else { return [] }
        message = "\(c.doing) \(agent.name)…"
        return [.apply(c, agent: agent._id)]
    }

    public mutating func finished(_ command: AgentCommand, error: String?) {
        switch command {
        case .startWorkflow(let name, _, _):
            message = error ?? "\(name) is asked for; the agents pane shows its steps as they run"
            return
        case .cancelWorkflow(_, let name):
            message = error ?? "\(name) cancelled; a step in hand finishes first"
            return
        case .configure(let id, _), .organization(let id, _, _, _):
            let name = rows.first { $0.agent._id == id }?.agent.name ?? "the agent"
            message = error ?? "\(name) changed; the next run uses it"
            return
        case .apply:
            break
        }
        guard case .apply(let c, let id) = command else { return }
        let agent = rows.first { $0.agent._id == id }?.agent
        let name = agent?.name ?? "the agent"
        if let error {
            message = error
        } else if c == .enable, agent?.pausedInError == true {
            message = "\(name) resumed, still in error: only a restart clears it"
        } else {
            let wasInError = agent?.status == .error || agent?.pausedInError == true
            message = "\(name) \(c.done)" + (c == .restart && wasInError ? "; its error is cleared" : "")
        }
    }
}

extension AgentAdministration.Command {
    /// "paused", "resumed", "restarted": what the person is told was done.
    public var done: String {
        switch self {
        case .enable: return "resumed"
        case .disable: return "paused"
        case .restart: return "restarted"
        }
    }

    var doing: String {
        switch self {
        case .enable: return "resuming"
        case .disable: return "pausing"
        case .restart: return "restarting"
        }
    }
}
