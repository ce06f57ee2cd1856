import Foundation

/// A fresh directory under the system's temporary folder, removed when this value goes away.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init() throws { path = try Self.create() }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A fresh directory that is never removed: for a store, a server or a command that
    /// outlives the values of the test that made it.
    public static func make() -> String {
        do { return try create() } catch { fatalError("cannot create a temporary directory: \(error)") }
    }

    /// Writes `text` to `name` (which may include folders) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    private static func create() throws -> String {
        let path = NSTemporaryDirectory() + "socialdeck-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
