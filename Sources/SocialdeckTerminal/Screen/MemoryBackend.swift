import Synchronization

/// A backend that keeps the presented frame in memory, for tests and for measuring what
/// a frame would cost to draw.
public final class MemoryBackend: ScreenBackend, Sendable {
    private struct State {
        var size: ScreenSize
        var frame: CellBuffer?
        var held: CellBuffer?
        var presentCount = 0
        var lastChangedCells = 0
        var totalChangedCells = 0
        var isSuspended = false
        var isEnded = false
        /// `repaint()` was asked for: the next frame is drawn whole.
        var drawsWhole = false
    }

    public let colorDepth: ColorDepth
    private let state: Mutex<State>

    public init(width: Int, height: Int, colorDepth: ColorDepth = .trueColor) {
        self.colorDepth = colorDepth
        self.state = Mutex(State(size: ScreenSize(width: width, height: height)))
    }

    /// The frame on the "screen", with styles as `colorDepth` shows them.
    public var frame: CellBuffer? { state.withLock { $0.frame } }
    /// Frames drawn so far (held frames count when `resume()` draws them).
    public var presentCount: Int { state.withLock { $0.presentCount } }
    /// Cells the last drawn frame changed; 0 for an unchanged frame.
    public var lastChangedCells: Int { state.withLock { $0.lastChangedCells } }
    public var totalChangedCells: Int { state.withLock { $0.totalChangedCells } }
    public var isSuspended: Bool { state.withLock { $0.isSuspended } }
    public var isEnded: Bool { state.withLock { $0.isEnded } }

    /// Simulates the terminal being resized.
    public func resize(width: Int, height: Int) {
        state.withLock { $0.size = ScreenSize(width: width, height: height) }
    }

    public func size() -> ScreenSize { state.withLock { $0.size } }

    public func present(_ frame: CellBuffer) {
        let shown = colorDepth == .trueColor ? frame : frame.mapStyles { $0.degraded(to: colorDepth) }
        state.withLock { state in
            guard !state.isEnded else { return }
            guard !state.isSuspended else {
                state.held = shown
                return
            }
            Self.draw(shown, into: &state)
        }
    }

    public func repaint() {
        state.withLock { $0.drawsWhole = true }
    }

    public func suspend() {
        state.withLock { state in
            if !state.isEnded { state.isSuspended = true }
        }
    }

    public func resume() {
        state.withLock { state in
            guard state.isSuspended else { return }
            state.isSuspended = false
            if let held = state.held {
                state.held = nil
                Self.draw(held, into: &state)
            }
        }
    }

    public func end() {
        state.withLock { $0.isEnded = true }
    }

    private static func draw(_ frame: CellBuffer, into state: inout State) {
        let blank = CellBuffer(width: frame.width, height: frame.height)
        let previous = state.drawsWhole ? blank : state.frame ?? blank
        state.drawsWhole = false
        let changed = frame.diff(from: previous).reduce(0) { $0 + $1.cells.count }
        state.frame = frame
        state.presentCount += 1
        state.lastChangedCells = changed
        state.totalChangedCells += changed
    }
}
