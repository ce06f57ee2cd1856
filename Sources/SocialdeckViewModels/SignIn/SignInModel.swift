import Foundation
import SocialdeckCore

/// The sign-in screen: email, password and, once the account asks for it, a
/// two-factor code. The password is held only until it is submitted.
public struct SignInModel: Sendable {
    public enum Field: Sendable, Equatable { case email, password, code }

    public struct Attempt: Sendable, Equatable {
        public let email: String
        public let password: String
        public let code: String?

        public init(email: String, password: String, code: String?) {
            self.email = email
            self.password = password
            self.code = code
        }
    }

    public private(set) var email = ""
    public private(set) var password = ""
    public private(set) var code = ""
    public private(set) var focus = Field.email
    public private(set) var needsCode = false
    /// Recovery codes the account has left, once it asks for a code.
    public private(set) var recoveryCodesLeft: Int?
    public private(set) var error: String?
    public private(set) var busy = false
    public let notice: String?

    /// `notice` explains why the screen is shown, e.g. a session that timed out.
    public init(email: String = "", notice: String? = nil) {
        self.email = email
        self.notice = notice
        if !email.isEmpty { focus = .password }
    }

    /// The password as the screen shows it.
    public var maskedPassword: String { String(repeating: "•", count: min(password.count, 32)) }

    public mutating func type(_ text: String) {
        guard !busy else { return }
        error = nil
        switch focus {
        case .email: if email.count < 254 { email += text.filter { !$0.isWhitespace } }
        case .password: if password.utf8.count < 1024 { password += text }
        case .code: code = String((code + text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }).prefix(14))
        }
    }

    public mutating func backspace() {
        switch focus {
        case .email: if !email.isEmpty { email.removeLast() }
        case .password: if !password.isEmpty { password.removeLast() }
        case .code: if !code.isEmpty { code.removeLast() }
        }
    }

    public mutating func nextField() {
        switch focus {
        case .email: focus = .password
        case .password: focus = needsCode ? .code : .email
        case .code: focus = .email
        }
    }

    /// Enter: moves on, or submits when the form is complete.
    public mutating func submit() -> Attempt? {
        guard !busy else { return nil }
        if focus == .email { focus = .password; return nil }
        guard !email.isEmpty, !password.isEmpty else { error = "enter your email and password"; return nil }
        if needsCode && !Self.isCodeShaped(code) {
            focus = .code
            error = code.isEmpty ? nil : "enter the 6-digit code or a recovery code (like abcd-efgh-jk)"
            return nil
        }
        busy = true
        return Attempt(email: email, password: password, code: needsCode ? code : nil)
    }

    /// The line under the fields when nothing is wrong.
    public var prompt: String {
        guard needsCode else { return "Tab next field · Enter sign in · Esc quit" }
        var text = "6-digit code from your app, or a recovery code"
        if let left = recoveryCodesLeft, left < 3 {
            text += left == 0 ? " (none left)" : " (\(left) recovery code\(left == 1 ? "" : "s") left)"
        }
        return text
    }

    /// After a sign-in with a recovery code, or when few are left: how many remain.
    public static func recoveryCodeNote(_ session: Session) -> String? {
        guard let left = session.recoveryCodesLeft, session.usedRecoveryCode || left < 3 else { return nil }
        let count = "\(left) recovery code\(left == 1 ? "" : "s") left"
        let lead = session.usedRecoveryCode ? "Signed in with a recovery code; \(count)." : "\(count)."
        return left < 3 ? lead + " Run `socialdeck user 2fa enable` for new ones." : lead
    }

    /// Six digits, or ten recovery-code symbols with optional dashes.
    static func isCodeShaped(_ code: String) -> Bool {
        (code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber }) || RecoveryCodes.normalize(code) != nil
    }

    /// What came back from the core.
    public mutating func failed(_ failure: SignInError) {
        busy = false
        switch failure {
        case .codeRequired(let left):
            needsCode = true
            recoveryCodesLeft = left
            focus = .code
            error = nil
        case .refused:
            error = failure.description
            password = ""
            code = ""
            focus = .password
        case .invalidInput(let message):
            error = message
        }
    }

    public mutating func failed(message: String) {
        busy = false
        error = message
    }

    /// Forgets the password once signed in.
    public mutating func succeeded() {
        busy = false
        password = ""
        code = ""
    }
}
