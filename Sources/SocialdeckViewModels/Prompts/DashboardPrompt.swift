import Foundation
import SocialdeckModel

/// What has the keyboard above the panes: the help overlay, the `:` palette, or a
/// one-line prompt. While one is open every key goes to it, so no key runs a pane
/// command underneath (``PromptController``).
public enum DashboardPrompt: Sendable, Equatable {
    /// `?`, scrolled to `offset` lines.
    case help(offset: Int)
    /// `:`, with the match Enter runs.
    case palette(PromptLine, selected: Int)
    /// `/` in a pane that filters; the pane narrows as the text changes.
    case filter(PromptLine)
    /// `m` in the calendar.
    case moveTo(MovePrompt)
    /// `n` in the calendar and the approval queue.
    case compose(ComposerModel)
    /// `d`: delete this post? y or n.
    case confirmDelete(ObjectId, title: String)
    /// `!`: the person's notifications, this one chosen.
    case notifications(selected: Int)
    /// `:settings`: the organization's settings and invitations, this invitation chosen.
    case settings(selected: Int)

    /// What the footer says while the prompt is open: its keys.
    public var keysHint: String {
        switch self {
        case .help: return HelpModel.scrollKeys
        case .palette: return "enter run · up/down choose · tab completes an organization · esc cancel"
        case .filter: return "type words, a platform (TT, LI) or a status · enter keep · esc clear"
        case .moveTo: return "enter move · esc cancel · 09:30 or 2026-12-01 09:30"
        case .confirmDelete(_, let title):
            return "y delete “\(title)” · n or esc keep it"
        case .notifications: return "enter mark read · d delete · a all read · :notify sets email · esc close"
        case .settings: return "e change a setting · i invite · x revoke the invitation · up/down choose · esc close"
        case .compose(let composer):
            return "tab next · ctrl-s for approval" + (composer.canSchedule ? " · ctrl-p schedule (no time: now)" : "") + " · esc"
        }
    }
}

/// One line of typed text with a cursor: a single-line ``TextEditor``.
public struct PromptLine: Sendable, Equatable {
    public private(set) var editor: TextEditor

    public init(_ text: String = "") {
        editor = TextEditor(text: text.replacingOccurrences(of: "\n", with: " "))
    }

    public var text: String { editor.text }
    /// The cursor, in characters from the start.
    public var cursor: Int { editor.column }

    /// Applies an editing key; false when the key does not edit a line.
    public mutating func edit(_ key: Key) -> Bool {
        switch key.code {
        case .backspace: editor.backspace()
        case .delete: editor.deleteForward()
        case .left: editor.left()
        case .right: editor.right()
        case .home: editor.home()
        case .end: editor.end()
        case .character("u") where key.control: self = PromptLine()
        default:
            guard let typed = key.typedText else { return false }
            editor.insert(typed)
        }
        return true
    }
}

/// The move prompt: the post it moves, what is typed, and why the last answer was
/// refused. A refused answer keeps its text so it can be corrected.
public struct MovePrompt: Sendable, Equatable {
    public var line = PromptLine()
    public let postTitle: String
    public var error: String?

    public init(postTitle: String) {
        self.postTitle = postTitle
    }
}
