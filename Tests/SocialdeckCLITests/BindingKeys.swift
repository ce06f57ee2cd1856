import SocialdeckTmux
import SocialdeckViewModels

extension TmuxSession {
    /// Presses the default key of `action` as the binding table declares it, so the smoke
    /// tests follow the table rather than repeating its keys.
    func press(_ action: KeyAction, in scope: KeyScope = .global) throws {
        guard let key = KeyBindings.defaults.keys(for: action, in: scope).first else {
            throw TmuxFailure("no key is bound to \(action) in \(scope)")
        }
        switch (key.code, key.control) {
        case (.character(let c), true): try send("C-\(c)", literally: false)
        case (.character(let c), false): try send(String(c))
        case (.enter, _): try send("Enter", literally: false)
        case (.escape, _): try send("Escape", literally: false)
        case (.tab, _): try send("Tab", literally: false)
        case (.space, _): try send("Space", literally: false)
        default: throw TmuxFailure("\(key) has no tmux name here")
        }
    }
}
