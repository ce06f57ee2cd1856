import Foundation

/// A staff account's `security.ipWhitelist`: exact addresses or CIDR ranges, IPv4 or
/// IPv6, and `local` for sessions at the machine itself (no SSH connection). A local
/// session never matches an address: `127.0.0.1` admits SSH from the machine itself,
/// not a console, `su` or `sudo` session.
struct IPAllowlist {
    let entries: [String]

    init(_ entries: [String]) { self.entries = entries }

    func allows(_ address: String) -> Bool {
        if address == ConnectionContext.localAddress { return entries.contains(ConnectionContext.localAddress) }
        guard let ip = Self.parse(address) else { return false }
        return entries.contains { entry in
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let net = Self.parse(String(parts[0])), net.count == ip.count else { return false }
            let bits = parts.count == 2 ? Self.prefixLength(parts[1]) ?? -1 : net.count * 8
            guard bits >= 0 && bits <= net.count * 8 else { return false }
            for i in 0..<net.count {
                let remaining = bits - i * 8
                if remaining <= 0 { break }
                let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
                if ip[i] & mask != net[i] & mask { return false }
            }
            return true
        }
    }

    /// The address's bytes (4 or 16), or nil when it is not an IP address.
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// True when every entry is an address or CIDR range.
    static func isValid(_ entry: String) -> Bool {
        if entry == ConnectionContext.localAddress { return true }
        let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let net = parse(String(parts[0])) else { return false }
        guard parts.count == 2 else { return true }
        guard let bits = prefixLength(parts[1]) else { return false }
        return bits <= net.count * 8
    }

    /// Plain decimal digits only: `Int` alone would also take "+8" and "-0".
    static func prefixLength(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
