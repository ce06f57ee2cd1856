import Foundation

/// What handling an action asks the terminal layer to do, as data: the controllers
/// change the model and return these; the runtime carries them out.
public enum DashboardEffect: Sendable, Equatable {
    /// A write or agent command, run off the UI thread.
    case run(CommandRunner.Command)
    case refresh
    case quit
    /// Repaint the whole screen, whatever another program wrote over it.
    case repaint
    /// A message in the footer.
    case show(String)
    /// Text for the clipboard of the terminal the person sits at (OSC 52, which works
    /// over SSH and through tmux).
    case copy(String)
    case setTheme(String)
}

/// What a controller needs besides the model.
public struct ActionContext: Sendable {
    public var now: Date
    /// The terminal's height in rows.
    public var screenRows: Int
    /// The keys in effect, remaps included: the palette runs what they name.
    public var bindings: KeyBindings

    public init(now: Date, screenRows: Int, bindings: KeyBindings = .defaults) {
        self.now = now
        self.screenRows = screenRows
        self.bindings = bindings
    }

    /// Rows in half a screen: how far page up and down move.
    public var page: Int { max(1, screenRows / 2) }

    /// How far a motion key moves through a list of `count`; nil for other keys.
    public func motion(_ action: KeyAction, count: Int) -> Int? {
        switch action {
        case .up: return -1
        case .down: return 1
        case .pageDown: return page
        case .pageUp: return -page
        case .top: return -count
        case .bottom: return count
        default: return nil
        }
    }
}
