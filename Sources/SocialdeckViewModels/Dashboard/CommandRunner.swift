import Dispatch
import Foundation
import SocialdeckCore
import SocialdeckModel
import Synchronization

/// The one way effects reach the core off the UI thread: sign-in, then the panes'
/// commands as the signed-in identity, one after another on a background serial
/// queue, so a keystroke never waits on storage. Results come back through `finish`
/// (commands) or the sign-in's answer, to be fed to the models on the UI thread.
public final class CommandRunner: Sendable {
    public enum Command: Sendable, Equatable {
        case approvals(ApprovalCommand)
        case calendar(CalendarCommand)
        case agents(AgentCommand)
        /// Puts posts back as they were before these changes, the newest first.
        case undo([PostChange])
        /// Saves a new post from the composer.
        case compose(PostDraft)
        /// Duplicate or delete a whole post.
        case post(PostCommand)
        case customers(CustomerCommand)
        case tickets(TicketCommand)
        case notifications(NotificationCommand)
        /// The organization settings screen's changes and invitations.
        case settings(SettingsCommand)
        /// The maintenance switch.
        case maintenance(paused: Bool, reason: String?)
    }

    private let queue = DispatchQueue(label: "socialdeck.commands", qos: .userInitiated)
    private let store: any StoreHandle
    /// Who commands act as, once someone has signed in, and their session's guard.
    private let acting: Mutex<(identity: Identity, session: SessionGuard?)?>
    /// The store's key vault, from sign-in: invitations seal their codes with it.
    private let vault: Mutex<SecretVault?>
    private let clock: @Sendable () -> Date
    private let finish: @Sendable (CommandOutcome) -> Void
    private let executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)?

    /// A runner for a dashboard: nobody acts until `begin(as:session:)`. Work runs one
    /// job after another on the runner's own queue, or on `executor`; each command's
    /// outcome, with what it changed for undo, goes to `finish`.
    public init(store: any StoreHandle, clock: @escaping @Sendable () -> Date = { Date() },
                executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil,
                finish: @escaping @Sendable (CommandOutcome) -> Void) {
        self.store = store
        self.acting = Mutex(nil)
        self.vault = Mutex(nil)
        self.clock = clock
        self.executor = executor
        self.finish = finish
    }

    /// A runner that tells `deliver` only whether each command failed.
    public convenience init(store: any StoreHandle, clock: @escaping @Sendable () -> Date = { Date() },
                            executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil,
                            deliver: @escaping @Sendable (Command, CommandFailure?) -> Void) {
        self.init(store: store, clock: clock, executor: executor, finish: { deliver($0.command, $0.failure) })
    }

    /// A runner acting as `identity` from the start. With a session guard, a command
    /// runs only while the session may still act.
    public convenience init(store: any StoreHandle, identity: Identity, session: SessionGuard? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() },
                            executor: (@Sendable (@escaping @Sendable () -> Void) -> Void)? = nil,
                            deliver: @escaping @Sendable (Command, CommandFailure?) -> Void) {
        self.init(store: store, clock: clock, executor: executor, deliver: deliver)
        begin(as: identity, session: session)
    }

    /// Commands act as `identity` from now on.
    public func begin(as identity: Identity, session: SessionGuard?, vault: SecretVault? = nil) {
        acting.withLock { $0 = (identity, session) }
        if let vault { self.vault.withLock { $0 = vault } }
    }

    /// Nobody acts any more: the session ended.
    public func end() {
        acting.withLock { $0 = nil }
    }

    public func run(_ command: Command) {
        submit { [self] in finish(complete(command)) }
    }

    /// Signs in off the UI thread, on the same queue as every command; `answer` gets the
    /// session or why not.
    public func signIn(_ attempt: SignInModel.Attempt, context: ConnectionContext, secrets: SecretVault, sessions: SessionRegistry,
                       answer: @escaping @Sendable (Result<Session, any Error>) -> Void) {
        let store = self.store, clock = self.clock
        vault.withLock { $0 = secrets }
        submit {
            answer(Result {
                try Authenticator(store: store, secrets: secrets, sessions: sessions, clock: clock)
                    .signIn(email: attempt.email, password: attempt.password, code: attempt.code, context: context)
            })
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        if let executor { executor(job) } else { queue.async(execute: job) }
    }

    /// Runs synchronously and reports what failed; the tests use this.
    public func perform(_ command: Command) -> CommandFailure? { complete(command).failure }

    /// Runs synchronously: what failed, and what every write that went through changed.
    /// A bulk command runs every post it names: one failure does not stop the rest, and
    /// the ones that went through stay done.
    public func complete(_ command: Command) -> CommandOutcome {
        let workflow = ContentWorkflow(store: store, clock: clock)
        guard let (identity, session) = acting.withLock({ $0 }) else {
            return CommandOutcome(command, failure: CommandFailure(message: "sign in first", failedIds: command.targets))
        }
        do {
            try session?.check()
        } catch {
            return CommandOutcome(command, failure: CommandFailure(message: Self.describe(error, command), failedIds: command.targets))
        }
        var changes: [PostChange] = []
        let failure: CommandFailure?
        switch command {
        case .approvals(.approve(let ids)):
            failure = each(ids, command, { .approvals(.approve([$0])) }) { changes.append(try workflow.approve($0, by: identity)) }
        case .approvals(.reject(let ids, let reason)):
            failure = each(ids, command, { .approvals(.reject([$0], reason: reason)) }) {
                changes.append(try workflow.reject($0, reason: reason, by: identity))
            }
        case .approvals(.edit(let id, let text, let seen)):
            failure = each([id], command, { _ in command }) { changes.append(try workflow.editText($0, to: text, seen: seen, by: identity)) }
        case .calendar(.reschedule(let id, let date)):
            failure = each([id], command, { _ in command }) { changes.append(try workflow.reschedule($0, to: date, by: identity)) }
        case .calendar(.unschedule(let id)):
            failure = each([id], command, { _ in command }) { changes.append(try workflow.unschedule($0, by: identity)) }
        case .calendar(.publishNow(let id, let platform)):
            failure = each([id], command, { _ in command }) { changes.append(try workflow.publishNow($0, platform: platform, by: identity)) }
        case .calendar(.retry(let id, let platform)):
            failure = each([id], command, { _ in command }) {
                let jobs = PublishJobs(store: self.store, clock: self.clock)
                try jobs.retry(try jobs.latest(contentId: $0, platform: platform, for: identity)._id, by: identity)
            }
        case .calendar(.checked(let id, let platform, let published)):
            failure = each([id], command, { _ in command }) {
                let jobs = PublishJobs(store: self.store, clock: self.clock)
                try jobs.check(try jobs.latest(contentId: $0, platform: platform, for: identity)._id, published: published, by: identity)
            }
        case .compose(let draft):
            do {
                _ = try workflow.compose(draft, by: identity)
                failure = nil
            } catch {
                failure = CommandFailure(message: Self.describe(error, command), failedIds: [])
            }
        case .undo(let undone):
            let byId = Dictionary(undone.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            failure = each(undone.map(\.id), command, { id in .undo(byId[id].map { [$0] } ?? []) }) { id in
                if let change = byId[id] { try workflow.undo(change, by: identity) }
            }
        case .post(.duplicate(let id, _)):
            failure = each([id], command, { _ in command }) { _ = try workflow.duplicate($0, by: identity) }
        case .post(.delete(let id, _)):
            failure = each([id], command, { _ in command }) { try workflow.delete($0, by: identity) }
        case .post(.repeatPost(let id, _, let rule)):
            failure = each([id], command, { _ in command }) {
                _ = try RecurringSchedules(store: self.store, clock: self.clock).repeatPost($0, rule: rule, by: identity)
            }
        case .agents(.apply(let c, let agent)):
            failure = each([agent], command, { _ in command }) {
                try AgentAdministration(store: self.store, clock: self.clock).apply(c, to: $0, by: identity)
            }
        case .agents(.startWorkflow(let name, let topic, let organization)):
            failure = each([organization], command, { _ in command }) {
                _ = try self.workflows.request(name, organizationId: $0, topic: topic, by: identity)
            }
        case .agents(.cancelWorkflow(let id, _)):
            failure = each([id], command, { _ in command }) { _ = try self.workflows.cancel($0, by: identity) }
        case .agents(.configure(let id, let settings)):
            failure = each([id], command, { _ in command }) {
                try AgentAdministration(store: self.store, clock: self.clock).configure($0, settings, by: identity)
            }
        case .agents(.organization(let id, let organization, let enabled, let instructions)):
            failure = each([id], command, { _ in command }) {
                try AgentAdministration(store: self.store, clock: self.clock)
                    .setOrganization($0, organizationId: organization, enabled: enabled, customPrompts: instructions, by: identity)
            }
        case .customers(let c):
            failure = whole(command) { try c.run(in: store, as: identity, clock: clock) }
        case .tickets(let c):
            failure = whole(command) { try c.run(in: store, as: identity, clock: clock) }
        case .notifications(let c):
            failure = whole(command) { try c.run(in: store, as: identity, clock: clock) }
        case .settings(let c):
            let vault = self.vault.withLock { $0 }
            failure = whole(command) { try c.run(in: store, as: identity, vault: vault, clock: clock) }
        case .maintenance(let paused, let reason):
            failure = whole(command) { try PublishingSwitch(store: store, clock: clock).set(paused: paused, reason: reason, by: identity) }
        }
        return CommandOutcome(command, failure: failure, changes: changes.filter { $0.before != $0.after })
    }

    /// Workflow requests only: the runner in the background carries them out.
    private var workflows: WorkflowRequests { WorkflowRequests(store: store, clock: clock) }

    /// `perform`, throwing its failure.
    public func execute(_ command: Command) throws {
        if let failure = perform(command) { throw failure }
    }

    /// Runs a command that acts on one thing as a whole.
    private func whole(_ command: Command, _ body: () throws -> Void) -> CommandFailure? {
        do {
            try body()
            return nil
        } catch {
            return CommandFailure(message: Self.describe(error, command), failedIds: [])
        }
    }

    /// Runs `body` for every id of `whole`; `single` is the one-post command, for the
    /// words of a failure when only some failed.
    private func each(_ ids: [ObjectId], _ whole: Command, _ single: (ObjectId) -> Command,
                      _ body: (ObjectId) throws -> Void) -> CommandFailure? {
        var failed: [ObjectId] = [], first: (any Error, ObjectId)?
        for id in ids {
            do { try body(id) } catch {
                failed.append(id)
                if first == nil { first = (error, id) }
            }
        }
        guard let (error, id) = first else { return nil }
        if failed.count == ids.count { return CommandFailure(message: Self.describe(error, whole), failedIds: failed) }
        return CommandFailure(message: "\(failed.count) of \(ids.count) failed: \(Self.describe(error, single(id)))", failedIds: failed)
    }

    /// What the person is told when `command` fails: a plain sentence when the store could
    /// not be used, otherwise the error's own words.
    static func describe(_ error: any Error, _ command: Command) -> String {
        StoreFailureMessage.sentence(for: error, notDone: command.notDone) ?? SafeText.escapingControls(String(describing: error))
    }
}

/// A command's result: what it could not do, and what each write that went through
/// changed, for undo.
public struct CommandOutcome: Sendable, Equatable {
    public let command: CommandRunner.Command
    public let failure: CommandFailure?
    public let changes: [PostChange]

    public init(_ command: CommandRunner.Command, failure: CommandFailure?, changes: [PostChange] = []) {
        self.command = command
        self.failure = failure
        self.changes = changes
    }
}

/// What a command could not do: why, and the drafts it failed for (all it named, for
/// a command that failed as a whole).
public struct CommandFailure: Sendable, Equatable, Error, CustomStringConvertible {
    public let message: String
    public let failedIds: [ObjectId]

    public init(message: String, failedIds: [ObjectId]) {
        self.message = message
        self.failedIds = failedIds
    }

    public var description: String { message }
}

extension CommandRunner.Command {
    /// The posts or agents the command names.
    var targets: [ObjectId] {
        switch self {
        case .approvals(.approve(let ids)), .approvals(.reject(let ids, _)): return ids
        case .approvals(.edit(let id, _, _)), .calendar(.reschedule(let id, _)), .calendar(.unschedule(let id)): return [id]
        case .calendar(.publishNow(let id, _)), .calendar(.retry(let id, _)), .calendar(.checked(let id, _, _)): return [id]
        case .agents(.apply(_, let id)), .agents(.cancelWorkflow(let id, _)), .agents(.configure(let id, _)),
             .agents(.organization(let id, _, _, _)): return [id]
        case .agents(.startWorkflow): return []
        case .undo(let changes): return changes.map(\.id)
        case .compose: return []
        case .post(let c): return [c.id]
        case .customers, .tickets, .notifications, .maintenance, .settings: return []
        }
    }
}
