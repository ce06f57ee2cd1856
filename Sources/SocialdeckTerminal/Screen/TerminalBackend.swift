/// A whole terminal as the dashboard uses it: a screen to present frames on, and the
/// person's input. `CursesBackend` is the real one; `MemoryTerminal` plays scripted
/// input into the same runtime for the in-process app tests.
public protocol TerminalBackend: ScreenBackend {
    /// The descriptor to wait on for input, or nil when input is only scripted.
    var inputDescriptor: Int32? { get }
    /// Why colours are fewer than asked for (a truecolor entry that could not be made).
    var colorNote: String? { get }
    /// The line shown if the process crashes while the screen is up.
    var crashNote: String { get set }
    /// The next waiting input, without blocking; nil when there is none.
    func readInput() -> InputEvent?
    func enableMouse(_ on: Bool)
    /// Puts `text` on the clipboard of the terminal the person sits at.
    func copyToClipboard(_ text: String)
}

extension CursesBackend: TerminalBackend {
    public var inputDescriptor: Int32? { inputFileDescriptor }
}

/// A terminal in memory: frames land in a `MemoryBackend`, input comes from a queue
/// the test fills.
public final class MemoryTerminal: TerminalBackend, @unchecked Sendable {
    public let screen: MemoryBackend
    private var pending: [InputEvent] = []
    public private(set) var mouseEnabled = false
    public var crashNote = ""
    /// What `copyToClipboard` was given, oldest first.
    public private(set) var clipboard: [String] = []

    public init(width: Int, height: Int, colorDepth: ColorDepth = .trueColor) {
        screen = MemoryBackend(width: width, height: height, colorDepth: colorDepth)
    }

    public var colorDepth: ColorDepth { screen.colorDepth }
    public var colorNote: String? { nil }
    public var inputDescriptor: Int32? { nil }

    /// Queues input for the runtime to read.
    public func queue(_ events: InputEvent...) { pending += events }

    /// Resizes the screen and queues the resize, as ncurses reports one.
    public func resize(width: Int, height: Int) {
        screen.resize(width: width, height: height)
        pending.append(.resize)
    }

    public func readInput() -> InputEvent? { pending.isEmpty ? nil : pending.removeFirst() }
    public func enableMouse(_ on: Bool) { mouseEnabled = on }
    public func copyToClipboard(_ text: String) { clipboard.append(text) }
    public func size() -> ScreenSize { screen.size() }
    public func present(_ frame: CellBuffer) { screen.present(frame) }
    public func repaint() { screen.repaint() }
    public func suspend() { screen.suspend() }
    public func resume() { screen.resume() }
    public func end() { screen.end() }
}
