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
    case open(Prompt)
    /// A message in the footer.
    case show(String)
    case setTheme(String)

    /// The prompts and overlays the keyboard can open.
    public enum Prompt: Sendable, Equatable {
        case help
        case palette
        /// Starts with the pane's current filter.
        case filter(String)
        /// Asks when to move the selected post to.
        case moveTo
    }
}

/// What a controller needs besides the model.
public struct ActionContext: Sendable {
    public var now: Date
    /// Rows in half a screen: how far page up and down move.
    public var page: Int

    public init(now: Date, page: Int) {
        self.now = now
        self.page = page
    }
}
