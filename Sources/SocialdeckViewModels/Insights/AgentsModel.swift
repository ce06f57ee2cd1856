import Foundation
import SocialdeckCore
import SocialdeckModel

public enum AgentCommand: Sendable, Equatable {
    case apply(AgentAdministration.Command, agent: ObjectId)
}

/// The agent status pane: one row per agent, live as runs are recorded, and staff
/// actions on the selected agent.
public struct AgentsModel: Sendable {
    public private(set) var rows: [AgentHealth] = []
    public private(set) var cursor = 0
    public private(set) var message: String?
    public let canConfigure: Bool

    public init(identity: Identity) {
        canConfigure = identity.isStaff && identity.allowedActions.contains(.configureAgents)
    }

    /// New rows from the store. The cursor stays on its agent wherever it now sits; when
    /// the agent is gone, it moves to a neighbour and `message` says so (also returned).
    @discardableResult
    public mutating func load(_ rows: [AgentHealth]) -> String? {
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

    public var selected: AgentHealth? { rows.indices.contains(cursor) ? rows[cursor] : nil }

    public mutating func command(_ c: AgentAdministration.Command) -> [AgentCommand] {
        guard canConfigure else { message = "only staff admins can change agents"; return [] }
        guard let agent = selected?.agent else { return [] }
        message = "\(c.rawValue) \(agent.name)…"
        return [.apply(c, agent: agent._id)]
    }

    public mutating func finished(_ command: AgentCommand, error: String?) {
        if case .apply(let c, _) = command { message = error ?? "\(c.rawValue)d" }
    }
}
