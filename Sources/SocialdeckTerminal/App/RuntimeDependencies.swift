import Dispatch
public import Foundation
public import SocialdeckViewModels

/// What the runtime takes from the world: the time, the refresh ticker, and where
/// background work (sign-in, commands) runs. The dashboard uses `live`; the in-process
/// app tests pass a test clock, a ticker they fire by hand, and work that runs at once.
public struct RuntimeDependencies: Sendable {
    public var now: @Sendable () -> Date
    public var makeTicker: @Sendable () -> any RefreshTicker
    public var background: @Sendable (@escaping @Sendable () -> Void) -> Void
    /// Whether a signed-in dashboard runs the publisher (`PublisherLoop`). The in-process
    /// tests leave it off and drive publishing themselves.
    public var publishes: Bool

    public init(now: @escaping @Sendable () -> Date, makeTicker: @escaping @Sendable () -> any RefreshTicker,
                background: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void, publishes: Bool = false) {
        self.now = now
        self.makeTicker = makeTicker
        self.background = background
        self.publishes = publishes
    }

    public static let live: RuntimeDependencies = {
        let work = DispatchQueue(label: "socialdeck.work", qos: .userInitiated)
        return RuntimeDependencies(now: { Date() }, makeTicker: { DispatchRefreshTicker() }, background: { work.async(execute: $0) },
                                   publishes: true)
    }()
}
