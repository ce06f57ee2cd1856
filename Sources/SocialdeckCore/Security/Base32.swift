/// RFC 4648 base32, the encoding authenticator apps expect for TOTP secrets.
///
/// Encoding writes upper case without `=` padding. Decoding ignores case, spaces, dashes and
/// trailing padding, because people copy secrets by hand in groups of four.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1f)])
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 {
            out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or nil when the text holds a character outside the alphabet or has a length
    /// no encoder produces (1, 3 or 6 symbols left over after the last full group of 8).
    public static func decode(_ text: String) -> [UInt8]? {
        var symbols = [UInt8]()
        symbols.reserveCapacity(text.utf8.count)
        var sawPadding = false
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "-"):
                continue
            case UInt8(ascii: "="):
                sawPadding = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard !sawPadding else { return nil }
                symbols.append(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawPadding else { return nil }
                symbols.append(c - UInt8(ascii: "a"))
            case UInt8(ascii: "2")...UInt8(ascii: "7"):
                guard !sawPadding else { return nil }
                symbols.append(c - UInt8(ascii: "2") + 26)
            default:
                return nil
            }
        }
        guard ![1, 3, 6].contains(symbols.count % 8) else { return nil }

        var out = [UInt8]()
        out.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for value in symbols {
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xff))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }
}
