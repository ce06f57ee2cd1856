import SocialdeckModel
import SocialdeckStorage

extension AIAgent {
    /// Throws, saying why, when the agent may not work for the organization: socialdeck
    /// in maintenance, the agent switched off, in error until a restart, under
    /// maintenance, or switched off for that organization.
    func ensureWorks(for organizationId: ObjectId?, in store: any DocumentStore) throws {
        try PublishingSwitch(store: store).ensureRunning()
        let name = "the \(type.rawValue) agent"
        switch status {
        case .active: break
        case .inactive: throw CoreError.conflict("\(name) is switched off")
        case .error: throw CoreError.conflict("\(name) is in an error state until staff restart it (agents restart \(type.rawValue), or R in the agents pane)")
        case .maintenance: throw CoreError.conflict("\(name) is under maintenance")
        }
        guard isEnabled(for: organizationId) else { throw CoreError.conflict("\(name) is switched off for this organization") }
    }

    /// Must hold `tool` for a task that cannot be done without it.
    func ensureUses(_ tool: AgentTool, for task: String) throws {
        guard uses(tool) else { throw CoreError.conflict("\(task) needs the \(type.rawValue) agent's \(tool.rawValue) tool, which staff switched off") }
    }
}
