import Foundation
import SocialdeckCore

/// The dashboard's one undo stack: every approve, reject, edit, move, unschedule and
/// bulk action that went through, whichever pane it was made in, newest last. Each
/// can be undone for `window` seconds after the core confirmed it; `u` undoes the
/// newest still open, and the offer ("u undo (4 s)") goes away when its window closes.
///
/// An entry holds the core's own record of each change (`PostChange`), so an undo puts
/// back exactly what the change replaced, and the core refuses it when someone changed
/// the post since.
public struct UndoHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        /// In the order they were made.
        public let changes: [PostChange]
        /// What was done, for the offer: "approved “Compostable bags”".
        public let summary: String
        public let deadline: Date

        /// When the core confirmed the change.
        public var madeAt: Date { deadline.addingTimeInterval(-UndoHistory.window) }
    }

    public static let window: TimeInterval = 5
    /// Older entries are dropped: their windows closed long ago.
    static let depth = 20

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Records what a command changed, with what it did in words.
    public mutating func record(_ changes: [PostChange], summary: String, at now: Date) {
        guard !changes.isEmpty else { return }
        entries.removeAll { $0.deadline <= now }
        entries.append(Entry(changes: changes, summary: summary, deadline: now.addingTimeInterval(Self.window)))
        if entries.count > Self.depth { entries.removeFirst(entries.count - Self.depth) }
    }

    /// The newest change that can still be undone.
    public func latest(at now: Date) -> Entry? {
        entries.last { $0.deadline > now }
    }

    public func canUndo(at now: Date) -> Bool { latest(at: now) != nil }

    /// Takes the newest change that can still be undone off the stack.
    public mutating func take(at now: Date) -> Entry? {
        entries.removeAll { $0.deadline <= now }
        return entries.popLast()
    }

    /// "u undo (4 s)" while something can be undone.
    public func hint(at now: Date) -> String? {
        guard let entry = latest(at: now) else { return nil }
        return "u undo (\(Int(entry.deadline.timeIntervalSince(now).rounded(.up))) s)"
    }
}
