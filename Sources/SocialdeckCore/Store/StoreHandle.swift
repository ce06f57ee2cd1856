import SocialdeckStorage

/// The store as the layers above the core hold it: they pass it to core services and
/// never query it themselves, so they need not import the storage layer.
public typealias StoreHandle = DocumentStore

/// Why the store could not be used, for messages that say so in plain words.
public enum StoreOutage: Sendable, Equatable {
    /// No server answered (MongoDB down, the network gone).
    case unreachable
    /// Another process held SQLite's write lock past the busy timeout.
    case busy

    /// The outage behind `error`, or nil when the error is not about reaching the store.
    public init?(_ error: any Error) {
        switch error as? StoreError {
        case .unreachable?: self = .unreachable
        case .busy?: self = .busy
        default: return nil
        }
    }
}
