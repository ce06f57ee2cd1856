import SocialdeckViewModels

/// Reads what follows an ESC that ncurses did not recognise as a key.
///
/// ncurses knows only the sequences the terminfo entry for `TERM` lists. Inside tmux,
/// screen or a console whose entry differs from what the terminal really sends (tmux
/// sends Home as `ESC [ 1 ~`, which `xterm-256color` spells `ESC O H`), ncurses hands
/// the sequence over as ESC and then loose characters, and the `1` of Home would switch
/// panes. This decodes the common CSI and SS3 forms (xterm, VT220, the Linux console,
/// with xterm's modifier parameter as in `ESC [ 1 ; 3 A`) and `ESC x` as alt+x. Anything
/// else is consumed to its end and dropped whole, so no part of it is read as a key.
enum EscapeSequence {
    /// The longest sequence read; a longer one is dropped with what it had so far.
    static let maximumLength = 32

    /// Decodes the characters after an ESC, pulling each from `next`, which gives the
    /// next character already waiting and nil when none is. Reads no further than the
    /// sequence's end. Returns Escape when nothing follows, and nil for a dropped sequence.
    static func event(after next: () -> UInt32?) -> InputEvent? {
        guard let first = next() else { return .key(Key(.escape)) }
        switch first {
        case 0x5B: return controlSequence(next)  // '['
        case 0x4F: return singleShift(next)  // 'O'
        case 0x1B:
            // ESC ESC …: an alt-modified key on terminals that prefix rather than parameterise.
            guard case .key(let key)? = event(after: next) else { return nil }
            return key.code == .escape ? .key(key) : withModifiers(key, alt: true)
        default:
            guard case .key(let key)? = InputEvent.character(first) else { return nil }
            return .key(Key(key.code, control: key.control, alt: true))
        }
    }

    /// `ESC [ params intermediates final`; the Linux console's `ESC [ [ A`–`E` for F1–F5.
    private static func controlSequence(_ next: () -> UInt32?) -> InputEvent? {
        var parameters = ""
        var count = 0
        while let byte = next() {
            count += 1
            if count == 1, byte == 0x5B {
                guard let letter = next(), (0x41...0x45).contains(letter) else { return nil }
                return .key(Key(.function(Int(letter) - 0x40)))
            }
            if count == 1, byte == 0x4D {
                // An X10 mouse report ncurses did not take: three bytes of button and position.
                for _ in 0..<3 { _ = next() }
                return nil
            }
            switch byte {
            case 0x30...0x3F: parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
            case 0x24: return nil  // rxvt ends its shifted keys with '$'
            case 0x20...0x2F: parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
            case 0x40...0x7E: return csiKey(final: Character(Unicode.Scalar(UInt8(byte))), parameters: parameters)
            default: return nil
            }
            if count >= maximumLength { return nil }
        }
        return nil
    }

    /// `ESC O final`, with an optional modifier (`ESC O 5 A` on some terminals).
    private static func singleShift(_ next: () -> UInt32?) -> InputEvent? {
        var parameters = ""
        while let byte = next() {
            switch byte {
            case 0x30...0x3F where parameters.count < maximumLength:
                parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
            case 0x40...0x7E:
                let final = Character(Unicode.Scalar(UInt8(byte)))
                let modifier = parameters.split(separator: ";").last.flatMap { Int($0) } ?? 1
                if let code = cursorKeys[final] { return modified(code, modifier) }
                if let key = keypad[final], modifier == 1 { return .key(key) }
                return nil
            default: return nil
            }
        }
        return nil
    }

    private static func csiKey(final: Character, parameters: String) -> InputEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        // Private markers ('<', '?', '>'…) and intermediates mean a report, not a key.
        guard fields.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        let numbers = fields.map { Int($0) ?? 1 }
        let modifier = numbers.count > 1 ? numbers[1] : 1
        switch final {
        case "~":
            guard let number = numbers.first, let code = tildeKeys[number], numbers.count <= 2 else { return nil }
            return modified(code, modifier)
        case "Z":
            return parameters.isEmpty ? .key(Key(.backTab)) : nil
        default:
            guard let code = cursorKeys[final], numbers.count <= 2, numbers.first == 1 || parameters.isEmpty else { return nil }
            return modified(code, modifier)
        }
    }

    /// A modified key ncurses recognised from the terminfo entry's extended names, such
    /// as `kUP3` (alt+up) or `kNXT5` (ctrl+pgdn); a name without a digit is the shifted key.
    static func extendedKey(named name: String) -> InputEvent? {
        let base = String(name.prefix { !("0"..."9").contains($0) })
        guard let code = extendedNames[base] else { return nil }
        let digits = name.dropFirst(base.count)
        guard let modifier = digits.isEmpty ? 2 : Int(digits) else { return nil }
        return modified(code, modifier)
    }

    private static let extendedNames: [String: Key.Code] = [
        "kUP": .up, "kDN": .down, "kLFT": .left, "kRIT": .right, "kHOM": .home, "kEND": .end,
        "kPRV": .pageUp, "kNXT": .pageDown, "kDC": .delete, "kIC": .insert,
    ]

    /// xterm's modifier parameter: 1 + shift·1 + alt·2 + ctrl·4 (+ meta·8, read as alt).
    /// `Key` has no shift for named keys, so a shifted one is dropped rather than read
    /// as the plain key.
    private static func modified(_ code: Key.Code, _ modifier: Int) -> InputEvent? {
        guard (1...16).contains(modifier) else { return nil }
        let bits = modifier - 1
        guard bits & 1 == 0 else { return nil }
        return withModifiers(Key(code), control: bits & 4 != 0, alt: bits & 10 != 0)
    }

    private static func withModifiers(_ key: Key, control: Bool = false, alt: Bool = false) -> InputEvent {
        .key(Key(key.code, control: key.control || control, alt: key.alt || alt))
    }

    /// `CSI n ~`: VT220 editing keys (1/7 and 4/8 are Home and End on different
    /// terminals) and function keys.
    static let tildeKeys: [Int: Key.Code] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// The finals shared by `CSI` and `SS3`: arrows, Home, End, F1–F4.
    static let cursorKeys: [Character: Key.Code] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    /// The numeric keypad in application mode (`SS3 p`…`y` and friends).
    static let keypad: [Character: Key] = {
        var keys: [Character: Key] = ["M": Key(.enter), "X": .character("="), "j": .character("*"), "k": .character("+"),
                                      "l": .character(","), "m": .character("-"), "n": .character("."), "o": .character("/")]
        for (offset, letter) in "pqrstuvwxy".enumerated() { keys[letter] = .character(Character(String(offset))) }
        return keys
    }()
}
