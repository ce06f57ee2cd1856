import Foundation
import Synchronization
import SocialdeckModel
import SocialdeckStorage

/// Whether collections changed, for the layers above that do not import the storage
/// layer: the dashboard's refresh asks before it re-reads a pane. A version says only
/// that some document of a collection changed, never which or whose, so it needs no
/// permission check; what is then read goes through the checked services.
public struct StoreChanges: Sendable {
    public typealias Version = ChangeVersion

    let store: any DocumentStore

    public init(store: any StoreHandle) {
        self.store = store
    }

    public func version(of collections: [CollectionName]) throws -> Version {
        try store.changeVersion(of: collections.map(\.rawValue))
    }
}

/// What a reader last read (`key`), at which change version and when, so it can tell
/// whether reading again would find anything new.
public final class ChangeWatch<Key: Sendable & Equatable>: Sendable {
    private let last = Mutex<(key: Key, version: ChangeVersion, at: Date)?>(nil)

    public init() {}

    /// True when `key` was read at `version` less than `maximumAge` ago.
    public func isCurrent(_ key: Key, _ version: StoreChanges.Version, now: Date,
                          maximumAge: TimeInterval = .infinity) -> Bool {
        last.withLock { last in
            guard let last else { return false }
            return last.key == key && last.version == version && now >= last.at && now.timeIntervalSince(last.at) < maximumAge
        }
    }

    public func record(_ key: Key, _ version: StoreChanges.Version, at now: Date) {
        last.withLock { $0 = (key, version, now) }
    }
}
