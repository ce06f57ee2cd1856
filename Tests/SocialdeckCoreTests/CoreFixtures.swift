import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The moment the Core tests treat as "now": 2026-11-29T00:00:00Z.
let fixedNow = date("2026-11-29")

/// A fresh SQLite store in its own temporary directory, removed when the value goes away.
final class TempStore: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store: any DocumentStore

    init() throws {
        directory = try TemporaryDirectory()
        store = try StoreLocation.sqlite(directory: directory.path).open(now: fixedNow)
    }

    func insert<M: StoredModel>(_ models: [M]) throws { try ModelCollection(store, M.self).insert(models) }

    func count(_ collection: CollectionName) throws -> Int {
        try store.count(collection.rawValue, .all, includeDeleted: true)
    }

    /// Every line `Exporter` writes for `collection`.
    func export(_ collection: CollectionName, _ options: Exporter.Options = .init()) throws -> [String] {
        var lines: [String] = []
        let n = try Exporter(store: store).export(collection, options: options) { lines.append($0) }
        precondition(n == lines.count)
        return lines
    }
}

/// Small demo options so the seeded stores build quickly.
func smallDemo(seed: UInt64 = 42) -> DemoWorkspace.Options {
    SeededWorkspace(organizations: 6, users: 30, posts: 300, days: 30, seed: seed, now: fixedNow).options
}

func organization(_ slug: String, id: ObjectId = ObjectId()) -> Organization {
    var o = Organization()
    o._id = id
    o.name = slug.capitalized
    o.slug = slug
    o.createdAt = date("2026-01-01")
    o.updatedAt = date("2026-01-01")
    return o
}

func user(_ email: String, org: ObjectId, role: UserRole = .admin) -> User {
    User(organizationId: org, email: email, profile: User.Profile(firstName: "Test", lastName: "User"), role: role,
         createdAt: date("2026-01-01"), updatedAt: date("2026-01-01"))
}
