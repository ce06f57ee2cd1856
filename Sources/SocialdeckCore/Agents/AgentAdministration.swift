import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Changes to the agents, each audited with what it was before and after: staff enable
/// (resume), disable (pause), restart and configure an agent; staff, or an organization's
/// own admin, switch an agent off for one organization and give it that organization's
/// own instructions.
///
/// An error state survives a pause: pausing an agent in error remembers the error, and
/// resuming it puts the error back. Only a restart clears it.
public struct AgentAdministration: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    public enum Command: String, Sendable, CaseIterable { case enable, disable, restart }

    /// What `configure` changes; nil fields stay as they are.
    public struct Settings: Sendable, Equatable {
        /// Empty: the model `[llm]` names.
        public var model: String?
        public var temperature: Double?
        public var maxTokens: Int?
        public var systemPrompt: String?
        public var tools: [AgentTool]?
        public init(model: String? = nil, temperature: Double? = nil, maxTokens: Int? = nil, systemPrompt: String? = nil,
                    tools: [AgentTool]? = nil) {
            self.model = model
            self.temperature = temperature
            self.maxTokens = maxTokens
            self.systemPrompt = systemPrompt
            self.tools = tools
        }
    }

    /// The agent of a type, by its type's name ("content") or its id. A customer sees
    /// only their own organization's override.
    public func agent(named name: String, by identity: Identity) throws -> AIAgent {
        try AccessControl.authorize(identity, .viewAgents, organizationId: identity.organizationId)
        var found: AIAgent
        if let type = AgentType(rawValue: name.lowercased()) {
            found = try AgentRunRecorder(store: store, clock: clock).agent(type)
        } else if let id = ObjectId(hex: name), let agent = try ModelCollection(store, AIAgent.self).get(id) {
            found = agent
        } else {
            throw CoreError.notFound("agent \(name); name one of " + AgentType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if !identity.isStaff { found.organizationSpecific.removeAll { $0.organizationId != identity.organizationId } }
        return found
    }

    @discardableResult
    public func apply(_ command: Command, to agentId: ObjectId, reason: String? = nil, by identity: Identity) throws -> AIAgent {
        let before = try staffChange(agentId, by: identity)
        let inError = before.status == .error || before.pausedInError == true
        var update = Update.set("updatedAt", clock())
        switch command {
        case .disable:
            update = update.set("status", AgentStatus.inactive)
            update = inError ? update.set("pausedInError", true) : update.unset("pausedInError")
        case .enable:
            if before.status == .error {
                throw CoreError.conflict("\(before.name) is in an error state; restart it to clear the error")
            }
            update = update.set("status", inError ? AgentStatus.error : .active).unset("pausedInError")
        case .restart:
            update = update.set("status", AgentStatus.active).unset("pausedInError")
        }
        return try change(before, update, action: "agent_\(command.rawValue)", reason: reason,
                          severity: command == .enable ? .info : .warning, by: identity)
    }

    @discardableResult
    public func configure(_ agentId: ObjectId, _ settings: Settings, reason: String? = nil, by identity: Identity) throws -> AIAgent {
        let before = try staffChange(agentId, by: identity)
        var update = Update.set("updatedAt", clock())
        if let model = settings.model {
            let trimmed = model.trimmingCharacters(in: .whitespaces)
            guard trimmed.count <= 100, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:/@".contains($0) }) else {
                throw CoreError.invalid("a model name is up to 100 letters, digits and - _ . : / @")
            }
            update = update.set("configuration.model", trimmed)
        }
        if let t = settings.temperature {
            guard (0...2).contains(t) else { throw CoreError.invalid("temperature is from 0 to 2") }
            update = update.set("configuration.temperature", t)
        }
        if let m = settings.maxTokens {
            guard (16...200_000).contains(m) else { throw CoreError.invalid("maxTokens is from 16 to 200000") }
            update = update.set("configuration.maxTokens", Int64(m))
        }
        if let prompt = settings.systemPrompt {
            update = update.set("configuration.systemPrompt", try Self.instructions(prompt, what: "the system prompt", limit: 8_000))
        }
        if let tools = settings.tools {
            update = update.set("configuration.tools", BSONValue.array(AgentTool.allCases.filter(tools.contains).map { .string($0.rawValue) }))
        }
        return try change(before, update, action: "agent_configure", reason: reason, severity: .info, by: identity)
    }

    /// One organization's override: the agent on or off for it, and its own instructions
    /// (added to the system prompt for that organization only).
    @discardableResult
    public func setOrganization(_ agentId: ObjectId, organizationId: ObjectId, enabled: Bool? = nil, customPrompts: [String]? = nil,
                                reason: String? = nil, by identity: Identity) throws -> AIAgent {
        if identity.isStaff {
            try AccessControl.authorize(identity, .configureAgents, organizationId: nil)
        } else {
            try AccessControl.authorize(identity, .manageOrganization, organizationId: organizationId)
        }
        guard try store.findOne(Organization.collection.rawValue, .id(organizationId)) != nil else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        guard let before = try ModelCollection(store, AIAgent.self).get(agentId) else { throw CoreError.notFound("agent \(agentId.hex)") }
        var overrides = before.organizationSpecific
        var own = overrides.first { $0.organizationId == organizationId } ?? {
            var fresh = AIAgent.OrganizationOverride()
            fresh.organizationId = organizationId
            return fresh
        }()
        if let enabled { own.isEnabled = enabled }
        if let customPrompts {
            guard customPrompts.count <= 10 else { throw CoreError.invalid("give at most 10 instructions") }
            own.customPrompts = try customPrompts.map { try Self.instructions($0, what: "an instruction", limit: 1_000) }.filter { !$0.isEmpty }
        }
        overrides.removeAll { $0.organizationId == organizationId }
        overrides.append(own)
        let update = Update.set("organizationSpecific", try DocumentEncoder().encodeValue(overrides)).set("updatedAt", clock())
        let changed = try store.updateOne(AIAgent.collection.rawValue,
                                          .id(agentId) && .eq("updatedAt", before.updatedAt), update)
        guard changed == 1, let after = try ModelCollection(store, AIAgent.self).get(agentId) else {
            throw CoreError.conflict("\(before.name) changed meanwhile; try again")
        }
        let pick = { (a: AIAgent) -> Document in
            let o = a.organizationSpecific.first { $0.organizationId == organizationId }
            return ["isEnabled": .bool(o?.isEnabled ?? true), "customPrompts": .array((o?.customPrompts ?? []).map { .string($0) })]
        }
        try audit.record(.init(action: "agent_organization_settings", targetType: .agent, targetId: agentId, organizationId: organizationId,
                               before: pick(before), after: pick(after), reason: reason), by: identity)
        return after
    }

    private func staffChange(_ agentId: ObjectId, by identity: Identity) throws -> AIAgent {
        guard identity.isStaff else { throw AccessDenied(action: .configureAgents, reason: "agents are managed by staff") }
        try AccessControl.authorize(identity, .configureAgents, organizationId: nil)
        guard let agent = try ModelCollection(store, AIAgent.self).get(agentId) else { throw CoreError.notFound("agent \(agentId.hex)") }
        return agent
    }

    private func change(_ before: AIAgent, _ update: Update, action: String, reason: String?, severity: Severity,
                        by identity: Identity) throws -> AIAgent {
        try store.updateOne(AIAgent.collection.rawValue, .id(before._id), update)
        guard let after = try ModelCollection(store, AIAgent.self).get(before._id) else { throw CoreError.notFound("agent \(before._id.hex)") }
        try audit.record(.init(action: action, targetType: .agent, targetId: before._id, before: Self.state(before), after: Self.state(after),
                               reason: reason, severity: severity), by: identity)
        return after
    }

    /// Text a person gives the model as instructions: trimmed, bounded, no control characters but line breaks.
    static func instructions(_ text: String, what: String, limit: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= limit else { throw CoreError.invalid("\(what) is over \(limit) characters") }
        guard !SafeText.hasControls(trimmed, allowing: ["\n", "\t"]) else {
            throw CoreError.invalid("\(what) holds control characters (an escape sequence?)")
        }
        return trimmed
    }

    /// What the audit entry records of the agent: its status, a paused error, and its configuration.
    static func state(_ agent: AIAgent) -> Document {
        var fields = [Document.Field("status", .string(agent.status.rawValue))]
        if agent.pausedInError == true { fields.append(.init("pausedInError", .bool(true))) }
        if let configuration = try? DocumentEncoder().encodeValue(agent.configuration) { fields.append(.init("configuration", configuration)) }
        return Document(fields)
    }
}
