import Foundation
import SocialdeckCore
import SocialdeckModel

/// The audit pane: one log newest first, a page of 50 at a time, the selected entry's
/// changes (before → after) beside or under the list. Staff switch between the staff
/// log and the customers' log (`v`); an organization's admin reads their own customers'.
/// `/` filters with words: `action:user_suspended`, `severity:warning`, `by:EMAIL`,
/// `target:ID`; `]` and `[` page on and back.
public struct AuditModel: Sendable {
    public private(set) var log: AuditViewer.Log
    public private(set) var filter = AuditFilter()
    /// The filter as typed, for the `/` prompt to start from.
    public private(set) var filterText = ""
    /// The cursors of the pages before this one, so `[` can go back.
    public private(set) var earlier: [AuditViewer.Cursor?] = []
    /// Where the page shown starts; nil for the newest.
    public private(set) var start: AuditViewer.Cursor?
    public private(set) var entries: [AuditEntry] = []
    public private(set) var next: AuditViewer.Cursor?
    public private(set) var names: [ObjectId: String] = [:]
    public private(set) var cursor = 0
    public private(set) var hasLoaded = false
    public private(set) var message: String?
    let identity: Identity

    public init(identity: Identity) {
        self.identity = identity
        log = identity.isStaff ? .staff : .customers
    }

    /// Staff read both logs.
    public var canSwitchLog: Bool { identity.isStaff }

    public var selected: AuditEntry? { entries.indices.contains(cursor) ? entries[cursor] : nil }

    /// What the snapshot reads for the pane.
    public var request: AuditRequest { AuditRequest(log: log, filter: filter, start: start) }

    public mutating func load(_ page: AuditViewer.Page?, names: [ObjectId: String], for request: AuditRequest?, problem: String?) {
        guard request == self.request else { return }
        hasLoaded = true
        message = problem
        let was = selected?.id
        entries = page?.entries ?? []
        next = page?.next
        self.names = names
        cursor = was.flatMap { id in entries.firstIndex { $0.id == id } } ?? max(0, min(cursor, entries.count - 1))
    }

    public mutating func move(_ delta: Int) { cursor = max(0, min(cursor + delta, entries.count - 1)) }

    /// `v`: the other log, for staff.
    public mutating func toggleLog() -> String? {
        guard identity.isStaff else { return "your organization has one log: its people's" }
        log = log == .staff ? .customers : .staff
        reset()
        return nil
    }

    public mutating func setFilter(_ text: String) {
        filterText = text
        filter = AuditFilter(text)
        reset()
    }

    public mutating func nextPage() -> String? {
        guard let next else { return "this is the last page" }
        earlier.append(start)
        start = next
        hasLoaded = false
        cursor = 0
        return nil
    }

    public mutating func previousPage() -> String? {
        guard let back = earlier.popLast() else { return "this is the newest page" }
        start = back
        hasLoaded = false
        cursor = 0
        return nil
    }

    /// "page 3": where the reader is in the log.
    public var pageNumber: Int { earlier.count + 1 }

    private mutating func reset() {
        earlier = []
        start = nil
        cursor = 0
        hasLoaded = false
    }
}

/// What the audit pane asks the snapshot for.
public struct AuditRequest: Sendable, Equatable {
    public var log: AuditViewer.Log
    public var filter: AuditFilter
    public var start: AuditViewer.Cursor?
}

/// The words of the audit pane's `/` filter.
public struct AuditFilter: Sendable, Equatable {
    public var action: String?
    public var severity: Severity?
    public var actorEmail: String?
    public var target: ObjectId?
    /// Words it did not understand, to say so.
    public var unknown: [String] = []

    public init() {}

    public init(_ text: String) {
        for word in text.split(separator: " ").map(String.init) {
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                // A bare word is an action, the commonest filter.
                if !word.contains(":") { action = word } else { unknown.append(word) }
                continue
            }
            switch parts[0].lowercased() {
            case "action": action = parts[1]
            case "severity": if let s = Severity(rawValue: parts[1].lowercased()) { severity = s } else { unknown.append(word) }
            case "by", "staff", "customer": actorEmail = parts[1].lowercased()
            case "target": if let id = ObjectId(hex: parts[1]) { target = id } else { unknown.append(word) }
            default: unknown.append(word)
            }
        }
    }
}
