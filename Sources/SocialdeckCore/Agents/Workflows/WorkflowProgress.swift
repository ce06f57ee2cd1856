import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A workflow request as the agents pane shows it: each step done, running, waiting or
/// failed, and how it ended.
public struct WorkflowProgress: Sendable, Equatable {
    public enum StepState: String, Sendable, Equatable { case done, running, waiting, failed, skipped }

    public struct Step: Sendable, Equatable {
        public var name: String
        public var state: StepState
    }

    public var id: ObjectId
    public var workflow: String
    public var organizationId: ObjectId?
    public var status: AgentMessage.Delivery
    public var steps: [Step]
    public var error: String?
    public var topic: String?
    public var createdAt: Date
    public var processedAt: Date?

    public var isActive: Bool { status == .queued || status == .processing }

    public init(_ request: AgentMessage) {
        id = request._id
        workflow = request.payload["workflow"]?.stringValue ?? "?"
        organizationId = request.organizationId
        status = request.status
        error = request.error
        topic = request.payload["topic"]?.stringValue
        createdAt = request.createdAt
        processedAt = request.processedAt
        let done = Set(WorkflowRunner.completed(request))
        let running = request.payload["running"]?.stringValue
        var afterFailure = false
        steps = (WorkflowRunner.steps[workflow] ?? []).map { name in
            if done.contains(name) { return Step(name: name, state: .done) }
            if afterFailure { return Step(name: name, state: request.status == .cancelled ? .skipped : .waiting) }
            switch request.status {
            case .processing where name == running:
                return Step(name: name, state: .running)
            case .failed:
                afterFailure = true
                return Step(name: name, state: .failed)
            case .cancelled:
                afterFailure = true
                return Step(name: name, state: .skipped)
            default:
                return Step(name: name, state: .waiting)
            }
        }
    }

    /// The requests the agents pane lists: every one waiting or running, then the newest
    /// ended ones, up to `limit` in all.
    public static func recent(store: any DocumentStore, for identity: Identity, organizationId: ObjectId? = nil,
                              limit: Int = 8) throws -> [WorkflowProgress] {
        let requests = try WorkflowRequests(store: store).list(for: identity, organizationId: organizationId, limit: 50)
        let active = requests.filter { $0.status == .queued || $0.status == .processing }
        let ended = requests.filter { $0.status != .queued && $0.status != .processing }
        return (active + ended).prefix(max(limit, active.count)).map(WorkflowProgress.init)
    }
}
