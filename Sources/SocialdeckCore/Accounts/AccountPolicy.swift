import Foundation

/// The rules sign-in follows. The defaults are OWASP's usual advice; all are configurable.
public struct AccountPolicy: Sendable, Equatable {
    /// Failed sign-ins in a row that lock the account.
    public var maxFailedAttempts = 5
    public var lockoutDuration: TimeInterval = 15 * 60
    /// Inactivity after which a customer must sign in again (staff use their own `security.sessionTimeout`).
    public var customerSessionTimeout: TimeInterval = 30 * 60
    public var minimumPasswordLength = 12

    public init() {}
}
