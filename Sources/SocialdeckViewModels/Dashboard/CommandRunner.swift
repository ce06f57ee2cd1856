import Dispatch
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Runs the panes' commands through the core on a background serial queue, as the
/// signed-in identity, so a keystroke never waits on storage. Results come back
/// through `deliver`, to be fed to the models on the UI thread.
public final class CommandRunner: Sendable {
    public enum Command: Sendable, Equatable {
        case approvals(ApprovalCommand)
        case calendar(CalendarCommand)
        case agents(AgentCommand)
    }

    private let queue = DispatchQueue(label: "socialdeck.commands", qos: .userInitiated)
    private let store: any DocumentStore
    private let identity: Identity
    private let clock: @Sendable () -> Date
    private let deliver: @Sendable (Command, String?) -> Void

    public init(store: any DocumentStore, identity: Identity, clock: @escaping @Sendable () -> Date = { Date() },
                deliver: @escaping @Sendable (Command, String?) -> Void) {
        self.store = store
        self.identity = identity
        self.clock = clock
        self.deliver = deliver
    }

    public func run(_ command: Command) {
        queue.async { [self] in
            deliver(command, Self.failure(of: command) { try execute(command) })
        }
    }

    /// Runs synchronously; the tests use this.
    public func execute(_ command: Command) throws {
        let workflow = ContentWorkflow(store: store, clock: clock)
        switch command {
        case .approvals(.approve(let ids)): for id in ids { try workflow.approve(id, by: identity) }
        case .approvals(.reject(let ids, let reason)): for id in ids { try workflow.reject(id, reason: reason, by: identity) }
        case .approvals(.reopen(let ids)): for id in ids { try workflow.reopen(id, by: identity) }
        case .approvals(.edit(let id, let text)): try workflow.editText(id, to: text, by: identity)
        case .calendar(.reschedule(let id, let date)): try workflow.reschedule(id, to: date, by: identity)
        case .calendar(.unschedule(let id)): try workflow.unschedule(id, by: identity)
        case .agents(.apply(let c, let agent)): try AgentAdministration(store: store, clock: clock).apply(c, to: agent, by: identity)
        }
    }

    /// What the person is told when `command` fails: a plain sentence when the store could
    /// not be used, otherwise the error's own words.
    static func failure(of command: Command, _ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return StoreFailureMessage.sentence(for: error, notDone: command.notDone)
                ?? SafeText.escapingControls(String(describing: error))
        }
    }
}
