import Foundation
import SocialdeckModel
import SocialdeckStorage
import Testing

/// The backends every conformance test runs against. MongoDB is included when
/// `SOCIALDECK_TEST_MONGO_URI` names a server, and always in CI, where a missing
/// server fails the MongoDB cases instead of skipping them.
public enum Backend: String, CustomTestStringConvertible, Sendable, CaseIterable {
    case sqlite, mongodb

    public var testDescription: String { rawValue }

    public static var enabled: [Backend] {
        let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        return mongoURI != nil || ci ? [.sqlite, .mongodb] : [.sqlite]
    }

    public static var mongoURI: String? {
        ProcessInfo.processInfo.environment["SOCIALDECK_TEST_MONGO_URI"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A fresh, empty store: a new temporary directory, or a new MongoDB database.
    public func makeStore() throws -> any DocumentStore {
        switch self {
        case .sqlite:
            return try SQLiteStore(directory: TemporaryDirectory.make())
        case .mongodb:
            guard let base = Backend.mongoURI else {
                throw FixtureError("SOCIALDECK_TEST_MONGO_URI is not set: start the test server with Tests/run.sh")
            }
            return try MongoStore(uri: MongoURI.replacingDatabase(of: base, with: "t\(UInt32.random(in: 0...UInt32.max))"))
        }
    }
}

extension Backend {
    /// A second connection to the same store, as another process would open it.
    public func otherConnection(to store: any DocumentStore) throws -> any DocumentStore {
        switch self {
        case .sqlite: return try SQLiteStore(directory: (store.location as NSString).deletingLastPathComponent)
        case .mongodb:
            guard let base = Backend.mongoURI else { throw FixtureError("SOCIALDECK_TEST_MONGO_URI is not set") }
            return try MongoStore(uri: MongoURI.replacingDatabase(of: base, with: (store.location as NSString).lastPathComponent))
        }
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// The collection the conformance tests use, with an array path and soft deletes.
public let testSchema = CollectionSchema(
    name: "things",
    indexes: [IndexSpec([IndexKey("tags.kind"), IndexKey("tags.at")])],
    arrayPaths: ["tags", "labels"],
    softDeletes: true
)
