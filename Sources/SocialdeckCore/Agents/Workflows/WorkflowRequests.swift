import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Workflow requests as people handle them: ask for one (it waits in `agent_messages`
/// for a runner, as the scheduled ones do), send a failed one round again, cancel one,
/// list them. No model is involved; ``WorkflowRunner`` carries the requests out.
public struct WorkflowRequests: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Asks for a workflow now, as a person (the request waits for a runner, as scheduled ones do).
    public func request(_ workflow: String, organizationId: ObjectId, topic: String? = nil, by identity: Identity) throws -> AgentMessage {
        guard WorkflowRunner.steps[workflow] != nil else {
            throw CoreError.invalid("unknown workflow \(workflow); there are \(StandardWorkflows.names.joined(separator: ", "))")
        }
        try AccessControl.authorize(identity, .viewAgents, organizationId: organizationId)
        if workflow == StandardWorkflows.contentCreation {
            try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        }
        var payload: Document = ["workflow": .string(workflow), "completed": .array([])]
        if let topic = topic?.trimmingCharacters(in: .whitespacesAndNewlines), !topic.isEmpty { payload["topic"] = .string(topic) }
        if let actor = identity.actorId { payload["requestedBy"] = .objectId(actor) }
        return try AgentMessages(store: store, clock: clock).send(from: StandardWorkflows.firstAgent(of: workflow),
                                                                  to: StandardWorkflows.firstAgent(of: workflow),
                                                                  type: "scheduled_workflow", payload: payload, organizationId: organizationId)
    }

    /// Sends a failed workflow round again: it resumes at the step that failed.
    public func retry(_ id: ObjectId, by identity: Identity) throws -> AgentMessage {
        let request = try visible(id, to: identity)
        try AccessControl.authorize(identity, .viewAgents, organizationId: request.organizationId)
        guard request.status == .failed else { throw CoreError.conflict("the workflow is \(request.status.rawValue); only a failed one is retried") }
        try store.updateOne(AgentMessage.collection.rawValue, .id(id) && .eq("status", AgentMessage.Delivery.failed),
                            Update.set("status", AgentMessage.Delivery.queued).set("attempts", Int64(0)).unset("error")
                                .unset("claimedBy").unset("processedAt"))
        return try ModelCollection(store, AgentMessage.self).get(id) ?? request
    }

    /// Stops a waiting or running workflow. One being run stops after the step in hand;
    /// the steps done stay done. Staff who configure agents, or the organization's
    /// people who may ask for it, may cancel it.
    public func cancel(_ id: ObjectId, by identity: Identity) throws -> AgentMessage {
        let request = try visible(id, to: identity)
        if identity.isStaff {
            try AccessControl.authorize(identity, .configureAgents, organizationId: nil)
        } else {
            try AccessControl.authorize(identity, .createContent, organizationId: request.organizationId)
        }
        var update = Update.set("status", AgentMessage.Delivery.cancelled).set("processedAt", clock()).unset("claimedUntil")
        if let actor = identity.actorId { update = update.set("payload.cancelledBy", actor) }
        let changed = try store.updateOne(AgentMessage.collection.rawValue,
                                          .id(id) && .isIn("status", anyOf: [AgentMessage.Delivery.queued, .processing]), update)
        guard changed == 1 else { throw CoreError.conflict("the workflow is \(request.status.rawValue) already") }
        return try ModelCollection(store, AgentMessage.self).get(id) ?? request
    }

    /// Workflow requests the caller can see, newest first.
    public func list(for identity: Identity, organizationId: ObjectId? = nil, limit: Int = 50) throws -> [AgentMessage] {
        var filter: Filter = .eq("type", "scheduled_workflow") && AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try ModelCollection(store, AgentMessage.self).find(filter, sort: [.desc("createdAt"), .desc("_id")], limit: limit)
    }

    /// A request the caller may see, or not found.
    private func visible(_ id: ObjectId, to identity: Identity) throws -> AgentMessage {
        guard let request = try ModelCollection(store, AgentMessage.self).first(.id(id) && .eq("type", "scheduled_workflow")
                                                                                && AccessControl.scope(identity)) else {
            throw CoreError.notFound("workflow \(id.hex)")
        }
        return request
    }
}
