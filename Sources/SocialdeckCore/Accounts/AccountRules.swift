import SocialdeckModel

/// Checks on what people type for accounts: emails and new passwords.
enum AccountRules {
    static func normalizedEmail(_ raw: String) throws -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              email.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"\"'<>(),;:\\[]{}$".unicodeScalars.contains($0) })
        else { throw CoreError.invalid("'\(SafeText.escapingControls(String(raw.prefix(80))))' is not a valid email address") }
        return email
    }

    static func checkNewPassword(_ password: String, email: String, policy: AccountPolicy) throws {
        guard password.utf8.count <= PasswordHasher.maximumPasswordBytes else {
            throw CoreError.invalid("passwords are at most \(PasswordHasher.maximumPasswordBytes) bytes")
        }
        guard password.count >= policy.minimumPasswordLength else {
            throw CoreError.invalid("passwords need at least \(policy.minimumPasswordLength) characters")
        }
        guard password.lowercased() != email.lowercased() else { throw CoreError.invalid("the password cannot be the email address") }
    }
}

import Foundation
