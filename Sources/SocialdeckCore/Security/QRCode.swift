import CQRencode
import Foundation

public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyText
    /// More than a version-40 code holds at level M in 8-bit mode (2,331 bytes).
    case tooLong(byteCount: Int)
    case encodingFailed(errno: Int32)

    public var description: String {
        switch self {
        case .emptyText: return "there is nothing to put in the QR code"
        case .tooLong(let n): return "\(n) bytes do not fit in a QR code at error-correction level M"
        case .encodingFailed(let code): return "QR encoding failed: \(String(cString: strerror(code)))"
        }
    }
}

/// QR codes through libqrencode, for showing a TOTP provisioning URI to a phone.
public enum QRCode {
    /// `text` as UTF-8 bytes in 8-bit mode, error-correction level M (15% of the code can be
    /// unreadable: enough for a photo of a terminal), the smallest version that fits.
    /// `QRcode_encodeData` takes an explicit length, so a NUL in the text cannot cut it short.
    public static func encode(_ text: String) throws -> QRMatrix {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QRCodeError.emptyText }
        guard bytes.count <= 2331 else { throw QRCodeError.tooLong(byteCount: bytes.count) }
        errno = 0
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else {
            if errno == ERANGE { throw QRCodeError.tooLong(byteCount: bytes.count) }
            throw QRCodeError.encodingFailed(errno: errno)
        }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        // libqrencode's bit 0 of each module byte is "dark"; the other bits describe its role.
        let buffer = UnsafeBufferPointer(start: code.pointee.data, count: size * size)
        return QRMatrix(size: size, modules: buffer.map { $0 & 1 == 1 })
    }
}

/// A square of QR modules, row by row, `true` for dark.
public struct QRMatrix: Sendable, Equatable {
    public let size: Int
    let modules: [Bool]

    init(size: Int, modules: [Bool]) {
        precondition(modules.count == size * size, "a QR matrix has size × size modules")
        self.size = size
        self.modules = modules
    }

    /// The version, 1 to 40: a version-v code is 17 + 4v modules wide.
    public var version: Int { (size - 17) / 4 }

    /// Dark or light; anything outside the code (the quiet zone) is light.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// Text lines for a terminal, two module rows per line, using `█` (both dark), `▀` (upper
    /// dark), `▄` (lower dark) and a space, with `quietZone` light modules around the code.
    /// Each line has `size + 2·quietZone` characters; there are `(size + 2·quietZone + 1) / 2`.
    ///
    /// The glyphs draw dark modules in the terminal's foreground colour, right on a light
    /// background. On a dark background set `inverted` so the glyphs draw the light modules
    /// instead; scanners need dark modules on a light quiet zone.
    public func halfBlockLines(quietZone: Int = 2, inverted: Bool = false) -> [String] {
        let margin = max(0, quietZone)
        let span = size + 2 * margin
        func ink(_ x: Int, _ y: Int) -> Bool {
            isDark(x: x - margin, y: y - margin) != inverted
        }
        var lines: [String] = []
        lines.reserveCapacity((span + 1) / 2)
        var y = 0
        while y < span {
            var line = ""
            line.reserveCapacity(span * 3)
            for x in 0..<span {
                let top = ink(x, y)
                // An odd final row has nothing below it: the quiet zone, light.
                let bottom = y + 1 < span ? ink(x, y + 1) : inverted
                switch (top, bottom) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines
    }
}
