import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the store, the system libraries and the terminal.")

    @OptionGroup var store: StoreOptions

    @Flag(help: ArgumentHelp("Count the daily rollups again from every post.",
                             discussion: "socialdeck keeps them current as it writes; run this after another tool (mongosh, the sqlite3 shell) changed posts."))
    var rebuildRollups = false

    func run() throws {
        let (location, access) = try store.resolve()
        if rebuildRollups {
            let opened = try location.open(access: access)
            let count = try ContentRollups(store: opened).build()
            print("rollups    \(count) days counted again from every post")
        }
        let d = StoreDiagnosis.run(location, access: access)
        func row(_ label: String, _ value: String) {
            print(label.padding(toLength: 11, withPad: " ", startingAt: 0) + SafeText.escapingControls(value))
        }
        row("store", d.location + (d.reachable ? " — reachable" : " — NOT reachable"))
        if let problem = d.problem { row("problem", problem) }
        if let wc = d.writeConcern { row("writes", "write concern \(wc)") }
        for warning in d.warnings { row("warning", warning) }
        if let v = d.schemaVersion {
            let note = v == 0 ? "not initialised yet (any other command creates it)"
                : v == SchemaCatalog.currentVersion ? "current" : v < SchemaCatalog.currentVersion ? "older; opening migrates it" : "NEWER than this socialdeck"
            row("schema", "version \(v) (\(note))")
            let total = CollectionName.allCases.reduce(0) { $0 + SchemaCatalog.schema(for: $1).indexes.count }
            row("indexes", d.missingIndexes.isEmpty ? "all \(total) present" : "missing \(d.missingIndexes.count): \(d.missingIndexes.prefix(4).joined(separator: ", "))")
            if !d.emailCollisions.isEmpty {
                row("accounts", "\(d.emailCollisions.count) email(s) belong to both a customer and a staff account, so sign-in "
                    + "finds the customer: \(d.emailCollisions.prefix(4).joined(separator: ", ")); give one of each pair another email")
            }
            row("documents", d.documentCounts.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: " · "))
        }
        row("libraries", (SystemLibraries.versions() + [("ncursesw", TerminalCapabilities.cursesVersion)])
            .map { "\($0.0) \($0.1)" }.joined(separator: " · "))
        do {
            let (vault, loaded) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
            let origin: String
            switch loaded.origin {
            case .environment: origin = "from \(SecretKeyStore.environmentVariable)"
            case .keyFile(let path): origin = "from \(path)"
            case .createdKeyFile(let path): origin = "created just now in \(path); back it up"
            }
            row("secrets", "AES-256-GCM key \(vault.keyID) \(origin)")
        } catch {
            row("secrets", "NO KEY: \(error)")
        }
        let t = TerminalCapabilities.detect()
        let size = t.columns.map { "\($0)×\(t.rows ?? 0)" } ?? "no size (not a terminal)"
        row("terminal", "\(t.term ?? "TERM unset") · \(t.colorDepth)\(t.noColor ? " (NO_COLOR)" : "") · \(size) · \(t.utf8 ? "UTF-8" : "not UTF-8")")
        if !d.reachable { throw ExitCode(2) }
    }
}

