public import SocialdeckViewModels
/// One thing the person did at the terminal.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    case resize
    case click(x: Int, y: Int)
    case wheel(up: Bool)

    /// A character as ncurses delivers it: control codes become the keys they stand for.
    static func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 9: return .key(Key(.tab))
        case 10, 13: return .key(Key(.enter))
        case 27: return .key(Key(.escape))
        case 32: return .key(Key(.space))
        case 8, 127: return .key(Key(.backspace))
        case 1...26: return .key(Key(.character(Character(Unicode.Scalar(value + 96)!)), control: true))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .key(Key(.character(Character(scalar))))
        }
    }

    /// The text a key types into a prompt, if it is printable.
    public var typedText: String? {
        guard case .key(let key) = self else { return nil }
        return key.typedText
    }
}
