/// A terminal size in cells.
public struct ScreenSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// Where frames go: the real terminal (`CursesBackend`) or memory (`MemoryBackend`).
///
/// Panes never talk to a backend; they draw into a `CellBuffer`, and the app loop
/// presents that buffer. A backend draws only what changed since the frame it presented
/// last, so an unchanged frame costs nothing.
public protocol ScreenBackend: AnyObject {
    /// The colours the backend shows; styles beyond it are degraded when drawn.
    var colorDepth: ColorDepth { get }

    /// The current size, to build the next frame at.
    func size() -> ScreenSize

    /// Shows `frame`. While suspended the latest frame is held and shown by `resume()`;
    /// after `end()` frames are ignored.
    func present(_ frame: CellBuffer)

    /// Forgets what the terminal shows, so the next frame clears it and draws every cell:
    /// how Ctrl-L wipes whatever another program wrote over the screen.
    func repaint()

    /// Gives the terminal back (for a shell or an editor) without ending.
    func suspend()

    /// Takes the terminal again and redraws everything.
    func resume()

    /// Restores the terminal for good. Safe to call more than once.
    func end()
}
