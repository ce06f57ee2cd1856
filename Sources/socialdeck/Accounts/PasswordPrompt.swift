import Foundation

/// Reads secrets the way a careful command line does: from the terminal without
/// echo, or one line from stdin when stdin is not a terminal (scripts, tests).
/// Never from an argument, where `ps` and shell history would keep it.
enum PasswordPrompt {
    static func read(_ prompt: String, confirm: Bool = false) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw PromptError("no password on standard input") }
            return line
        }
        let first = try readHidden(prompt)
        if confirm {
            guard try readHidden("Repeat it: ") == first else { throw PromptError("the passwords do not match") }
        }
        return first
    }

    /// A visible answer (a 2FA code, a yes/no), from the terminal or stdin.
    static func ask(_ prompt: String) -> String? {
        if isatty(STDIN_FILENO) == 1 { FileHandle.standardError.write(Data(prompt.utf8)) }
        return readLine(strippingNewline: true)
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw PromptError("cannot read the terminal settings") }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw PromptError("no password entered") }
        return line
    }
}

struct PromptError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
