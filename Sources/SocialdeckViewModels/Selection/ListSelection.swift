import SocialdeckCore
import SocialdeckModel

/// Where a list's selection goes when a refresh replaces the list: it stays on the
/// same item wherever that item now sits. When the item left, it goes to the nearest
/// neighbour still there (the next one down, else the one above), and the caller is
/// told, so the screen can say so. A row number never decides what is selected.
public enum ListSelection {
    public struct Outcome: Sendable, Equatable {
        /// The selection's index in the new list (0 when the list is empty).
        public let index: Int
        /// The selected item is no longer in the list.
        public let left: Bool

        public init(index: Int, left: Bool) {
            self.index = index
            self.left = left
        }
    }

    /// `selected` is the item selected in `old`, by its id; `fallback` the old index, for a
    /// list that had no selection or whose neighbours all left too.
    public static func follow<ID: Hashable>(_ selected: ID?, in old: [ID], to new: [ID], fallback: Int) -> Outcome {
        let clamped = max(0, min(fallback, new.count - 1))
        guard let selected else { return Outcome(index: clamped, left: false) }
        if let index = new.firstIndex(of: selected) { return Outcome(index: index, left: false) }
        guard !new.isEmpty else { return Outcome(index: 0, left: true) }
        let position = Dictionary(new.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        if let at = old.firstIndex(of: selected) {
            if let next = old[(at + 1)...].lazy.compactMap({ position[$0] }).first { return Outcome(index: next, left: true) }
            if let previous = old[..<at].reversed().lazy.compactMap({ position[$0] }).first {
                return Outcome(index: previous, left: true)
            }
        }
        return Outcome(index: clamped, left: true)
    }
}

/// Why a post someone had selected is gone from a list, in words for the message
/// that says so: "approved by someone else", "taken off the calendar elsewhere".
public enum PostDeparture {
    /// `post` is the post as it reads now, or nil when it could not be read (deleted).
    public static func reason(_ post: Content?, viewer: Identity) -> String {
        guard let post else { return "deleted" }
        switch post.approval.status {
        case .approved:
            return post.approval.approvedBy == viewer.actorId ? "approved elsewhere" : "approved by someone else"
        case .rejected:
            return "rejected elsewhere"
        default:
            return "changed elsewhere"
        }
    }

    /// "“Compostable bags”", with its control characters shown, not obeyed.
    public static func quoted(_ title: String) -> String {
        "“" + SafeText.escapingControls(title.isEmpty ? "(untitled)" : title) + "”"
    }
}
