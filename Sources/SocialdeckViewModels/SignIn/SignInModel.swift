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
        case .code: code = String((code + text.filter(\.isNumber)).prefix(6))
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
        if needsCode && code.count != 6 { focus = .code; error = needsCode && !code.isEmpty ? "codes have 6 digits" : nil; return nil }
        busy = true
        return Attempt(email: email, password: password, code: needsCode ? code : nil)
    }

    /// What came back from the core.
    public mutating func failed(_ failure: SignInError) {
        busy = false
        switch failure {
        case .codeRequired:
            needsCode = true
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
