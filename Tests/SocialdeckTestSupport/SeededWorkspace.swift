import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// scrypt at 2^10: a millisecond a hash, so the tests do not spend their time hashing.
public let fastParameters = ScryptParameters(logN: 10, r: 8, p: 1)
public let fastHasher = PasswordHasher(parameters: fastParameters)

/// The demo workspace the tests seed: `DemoWorkspace` at the size a test asks for,
/// built around the test's clock, its demo passwords hashed with `fastHasher`.
public struct SeededWorkspace: Sendable {
    public var options: DemoWorkspace.Options

    public init(organizations: Int = 2, users: Int = 8, posts: Int = 40, days: Int = 30, seed: UInt64 = 42, now: Date) {
        options = DemoWorkspace.Options()
        options.organizations = organizations
        options.users = users
        options.posts = posts
        options.days = days
        options.seed = seed
        options.now = now
    }

    @discardableResult
    public func seed(into store: any DocumentStore) throws -> DemoWorkspace.Summary {
        try DemoWorkspace(options: options).seed(into: store, hasher: fastHasher)
    }

    /// A new SQLite store in `directory`, opened as the app opens it (schema prepared as
    /// of the workspace's clock, audit logs append-only), and seeded.
    public func sqliteStore(in directory: String) throws -> any DocumentStore {
        let store = try StoreLocation.sqlite(directory: directory).open(now: options.now)
        try seed(into: store)
        return store
    }
}
