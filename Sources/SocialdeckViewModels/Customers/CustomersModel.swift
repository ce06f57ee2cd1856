import Foundation
import SocialdeckCore
import SocialdeckModel

/// The customers pane: search as you type (`/`), the matches, and the selected
/// customer's profile beside them, with support's actions on that customer. Staff
/// search every organization; a customer admin their own people.
public struct CustomersModel: Sendable {
    /// Suspend and delete ask why, for the audit trail.
    public struct ReasonPrompt: Sendable, Equatable {
        public enum Purpose: Sendable, Equatable { case suspend, delete }
        public let purpose: Purpose
        public let customer: CustomerMatch
        public var line = PromptLine()
    }

    public private(set) var query = ""
    public private(set) var matches: [CustomerMatch] = []
    public private(set) var cursor = 0
    /// The selected customer's profile, once the snapshot read it.
    public private(set) var profile: CustomerProfile?
    public private(set) var hasLoaded = false
    public private(set) var message: String?
    public internal(set) var reasonPrompt: ReasonPrompt?
    let identity: Identity

    /// At most this many matches are listed; typing more narrows them.
    public static let listLimit = 200

    public init(identity: Identity) { self.identity = identity }

    public var selected: CustomerMatch? { matches.indices.contains(cursor) ? matches[cursor] : nil }

    /// The profile shown is the selected customer's (not one left from before a move).
    public var selectedProfile: CustomerProfile? {
        guard let profile, profile.user._id == selected?.userId else { return nil }
        return profile
    }

    public mutating func search(_ text: String) {
        query = String(text.prefix(200))
        cursor = 0
    }

    public mutating func move(_ delta: Int) { cursor = max(0, min(cursor + delta, matches.count - 1)) }

    /// The snapshot's matches (for the query asked) and profile; the cursor stays on its customer.
    public mutating func load(_ found: [CustomerMatch], query asked: String?, profile: CustomerProfile?) {
        guard asked == query else { return }
        hasLoaded = true
        let was = selected?.userId
        matches = found
        cursor = was.flatMap { id in found.firstIndex { $0.userId == id } } ?? max(0, min(cursor, found.count - 1))
        if let profile, profile.user._id == selected?.userId { self.profile = profile }
    }

    // MARK: Actions

    private func allowed(_ actions: [Action]) -> Bool { actions.contains { identity.allowedActions.contains($0) } }

    /// Why the selected customer cannot be acted on this way; nil when they can.
    public func refusal(_ actions: [Action]) -> String? {
        guard selected != nil else { return "no customer is selected" }
        return allowed(actions) ? nil : "your role cannot do that"
    }

    /// `s`: suspends (asking why) an active customer, activates a suspended one.
    public mutating func toggleSuspension() -> [CustomerCommand] {
        guard let c = selected else { return [] }
        if c.status == .suspended { return [act(.activate(c.userId, email: c.email))] }
        reasonPrompt = ReasonPrompt(purpose: .suspend, customer: c)
        return []
    }

    /// `D`: deletes (asking why) a customer, restores a deleted one.
    public mutating func toggleDeletion() -> [CustomerCommand] {
        guard let c = selected else { return [] }
        if c.status == .deleted { return [act(.restore(c.userId, email: c.email))] }
        reasonPrompt = ReasonPrompt(purpose: .delete, customer: c)
        return []
    }

    public mutating func unlock() -> [CustomerCommand] {
        guard let c = selected else { return [] }
        guard c.status == .locked else { message = "\(c.email) is not locked"; return [] }
        return [act(.unlock(c.userId, email: c.email))]
    }

    /// `:role ROLE`, `:plan TIER [monthly|yearly]` and `:2fa-reset` on the selected customer.
    public mutating func palette(_ verb: String, _ argument: String) -> [CustomerCommand] {
        guard let c = selected else { message = "select a customer in the customers pane first"; return [] }
        switch verb {
        case "role":
            guard let role = UserRole(rawValue: argument.lowercased()) else {
                message = "role takes " + UserRole.allCases.map(\.rawValue).joined(separator: ", ")
                return []
            }
            return [act(.role(c.userId, email: c.email, role))]
        case "plan":
            let words = argument.lowercased().split(separator: " ").map(String.init)
            guard let tier = words.first.flatMap(PlanTier.init(rawValue:)) else { message = "plan takes free, pro or enterprise, then monthly or yearly"; return [] }
            let interval: BillingInterval? = words.dropFirst().first.map { $0.hasPrefix("y") ? .year : .month }
            return [act(.plan(organization: c.organizationId, slug: c.organizationSlug, tier, interval))]
        default:
            return [act(.resetTwoFactor(c.userId, email: c.email))]
        }
    }

    /// A key while the reason prompt is open: Enter runs the action, Esc closes it.
    public mutating func reasonKey(_ key: Key) -> [CustomerCommand] {
        guard var prompt = reasonPrompt else { return [] }
        switch key.code {
        case .escape:
            reasonPrompt = nil
        case .enter:
            let reason = prompt.line.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { message = "say why, for the audit trail"; return [] }
            reasonPrompt = nil
            let c = prompt.customer
            return [act(prompt.purpose == .suspend ? .suspend(c.userId, email: c.email, reason: reason)
                                                   : .delete(c.userId, email: c.email, reason: reason))]
        default:
            _ = prompt.line.edit(key)
            reasonPrompt = prompt
        }
        return []
    }

    private mutating func act(_ command: CustomerCommand) -> CustomerCommand {
        message = "working…"
        return command
    }

    public mutating func finished(_ command: CustomerCommand, error: String?) {
        message = error ?? command.done
    }
}
