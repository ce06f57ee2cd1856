import Foundation
import SocialdeckCore
import SocialdeckStorage

/// The demo workspace the dashboard benchmarks run on, seeded into a fresh SQLite
/// directory, and what it takes to start the release `socialdeck` binary on it.
struct BenchWorkspace {
    /// Holds `data/` (the store) and `config/` (the secret key, `XDG_CONFIG_HOME`).
    let directory: String
    let store: any DocumentStore
    let options: DemoWorkspace.Options

    /// `organizations` defaults to the 200 of the figures.
    init(posts: Int, users: Int, organizations: Int = 200, label: String) throws {
        directory = NSTemporaryDirectory() + "socialdeck-bench-\(label)-\(UUID().uuidString)"
        var options = DemoWorkspace.Options()
        options.posts = posts
        options.users = users
        options.organizations = organizations
        self.options = options
        store = try StoreLocation.sqlite(directory: directory + "/data").open()
        try DemoWorkspace(options: options).seed(into: store)
    }

    var dataDirectory: String { directory + "/data" }

    /// Each run seeds its own store (240 MB at the default size); none is left behind.
    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The `socialdeck` built beside this benchmark.
    var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("socialdeck").path
    }

    /// What every program the benchmark starts in tmux runs with.
    var environment: [String: String] {
        ["XDG_CONFIG_HOME": directory + "/config", "TERM": "xterm-256color", "LANG": "C.UTF-8"]
    }
}
