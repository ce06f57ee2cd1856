import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The accounts issue's figures: what one sign-in costs with the chosen KDF (against
/// the same scrypt through Python's hashlib), and what a permission check adds to a core call.
struct AccountsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accounts", abstract: "Sign-in time and permission-check overhead.")

    @Option(help: "Sign-in attempts to time.") var attempts = 15
    @Option(help: "Core calls to time.") var calls = 20_000

    func run() throws {
        let dir = NSTemporaryDirectory() + "socialdeck-bench-accounts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StoreLocation.sqlite(directory: dir).open()
        var options = DemoWorkspace.Options()
        options.posts = 200
        try DemoWorkspace(options: options).seed(into: store)
        let (vault, _) = try SecretVault.load(environment: [:], keyFile: dir + "/secret.key")
        var policy = AccountPolicy()
        policy.maxFailedAttempts = 1_000_000
        let auth = Authenticator(store: store, secrets: vault, sessions: SessionRegistry(), policy: policy)
        let local = ConnectionContext(ipAddress: "127.0.0.1", userAgent: "bench")
        var good: [Double] = [], bad: [Double] = [], unknown: [Double] = []
        for _ in 0..<attempts {
            good.append(try seconds { _ = try auth.signIn(email: "manager@acme.example", password: DemoWorkspace.demoPassword, context: local) } * 1000)
            bad.append(seconds { _ = try? auth.signIn(email: "manager@acme.example", password: "wrong-password-123", context: local) } * 1000)
            unknown.append(seconds { _ = try? auth.signIn(email: "nobody@acme.example", password: "wrong-password-123", context: local) } * 1000)
        }
        let params = ScryptParameters.recommended
        let reference = try runReference("scrypt_reference.py", params: ["logN": params.logN, "r": params.r, "p": params.p, "runs": attempts])
        let oversize = String(repeating: "x", count: 1 << 20)
        let refuse = seconds { for _ in 0..<100 { _ = try? auth.signIn(email: "manager@acme.example", password: oversize, context: local) } } / 100

        let manager = try requireSession(auth.signIn(email: "manager@acme.example", password: DemoWorkspace.demoPassword, context: local))
        let workflow = ContentWorkflow(store: store)
        let ids = try ModelCollection(store, Content.self).find(.eq("organizationId", manager.identity.organizationId!), limit: 50).map(\._id)
        let checks = seconds { for i in 0..<calls { try? AccessControl.authorize(manager.identity, .approveContent, organizationId: ids[i % ids.count]) } }
        let posts = ModelCollection(store, Content.self)
        let raw = try seconds { for i in 0..<calls { _ = try posts.get(ids[i % ids.count]) } }
        let core = try seconds { for i in 0..<calls { _ = try workflow.post(ids[i % ids.count], for: manager.identity) } }

        print(Figure.table("Sign-in with scrypt \(params) (SQLite store, \(attempts) attempts each)", referenceName: "hashlib.scrypt alone", [
            Figure(name: "successful sign-in p50", unit: "ms", ours: percentile(good, 0.5), reference: reference["ms_p50"], higherIsBetter: false, target: "50–250 ms"),
            Figure(name: "wrong password p50", unit: "ms", ours: percentile(bad, 0.5), reference: reference["ms_p50"], higherIsBetter: false, target: "50–250 ms"),
            Figure(name: "unknown email p50", unit: "ms", ours: percentile(unknown, 0.5), reference: reference["ms_p50"], higherIsBetter: false, target: "same as wrong password"),
            Figure(name: "1 MiB password refused", unit: "ms", ours: refuse * 1000, reference: nil, higherIsBetter: false, target: "≪ 1 ms, not hashed"),
        ]))
        print()
        print(Figure.table("Permission checks (\(calls) calls of ContentWorkflow.post)", referenceName: "the same typed read unchecked", [
            Figure(name: "AccessControl.authorize", unit: "µs", ours: checks / Double(calls) * 1e6, reference: nil, higherIsBetter: false, target: "—"),
            Figure(name: "core read (checked, scoped)", unit: "µs", ours: core / Double(calls) * 1e6, reference: raw / Double(calls) * 1e6,
                   higherIsBetter: false, target: "≥ 0.9× (overhead ≤ 10 %)"),
        ]))
    }
}

private func requireSession(_ s: Session) -> Session { s }
