import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

/// `socialdeck user 2fa enable|disable EMAIL`, for customers and staff alike.
struct TwoFactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "2fa", abstract: "Turn two-factor sign-in on or off (customers and staff).",
        subcommands: [Enable.self, Disable.self])

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Show the secret and QR code, then enable after one valid code.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
            let enrollment = TwoFactorEnrollment(store: db, secrets: vault)
            let pending = try enrollment.begin(email: email, by: .localOperator())
            print("Scan this with an authenticator app, or enter the secret by hand.\n")
            for line in pending.qr.halfBlockLines(quietZone: 2, inverted: true) { print("  " + line) }
            print("\n  secret: \(pending.secret)\n  uri:    \(pending.uri)\n")
            guard let code = PasswordPrompt.ask("Code from the app: ") else { throw PromptError("no code entered") }
            let recovery = try enrollment.confirm(pending, code: code.trimmingCharacters(in: .whitespaces), by: .localOperator())
            print("Two-factor sign-in is on for \(SafeText.escapingControls(email)). Recovery codes, each usable once; store them now, they are not shown again:")
            for c in recovery { print("  \(c)") }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Turn two-factor sign-in off.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
            try TwoFactorEnrollment(store: db, secrets: vault).disable(email: email, by: .localOperator())
            print("Two-factor sign-in is off for \(SafeText.escapingControls(email)).")
        }
    }
}
