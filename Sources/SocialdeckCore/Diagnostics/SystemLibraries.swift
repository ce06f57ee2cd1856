import Foundation
import CMongoc
import COpenSSL
import CQRencode
import CSQLite

/// The C libraries socialdeck uses, with the versions found at run time. libmongoc is
/// opened on first use and libcurl is not linked at all (each would cost every start
/// several milliseconds), so this opens them to ask.
public enum SystemLibraries {
    public static func versions() -> [(name: String, version: String)] {
        let mongoc = sd_mongoc_load() == nil
        return [
            ("SQLite", String(cString: sqlite3_libversion())),
            ("libmongoc", mongoc ? String(cString: mongoc_get_version()) : "not found"),
            ("libbson", mongoc ? String(cString: bson_get_version()) : "not found"),
            ("libcurl", curlVersion()),
            ("libqrencode", qrencodeVersion()),
            ("OpenSSL", String(cString: sd_openssl_version()).split(separator: " ").dropFirst().first.map(String.init) ?? ""),
        ]
    }

    /// "7.88.1" from curl_version's "libcurl/7.88.1 OpenSSL/3.0.15 …".
    private static func curlVersion() -> String {
        guard let library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL) else { return "not found" }
        defer { dlclose(library) }
        guard let symbol = dlsym(library, "curl_version") else { return "not found" }
        let version = unsafeBitCast(symbol, to: (@convention(c) () -> UnsafePointer<CChar>?).self)
        guard let text = version() else { return "not found" }
        return String(String(cString: text).split(separator: " ").first ?? "").replacingOccurrences(of: "libcurl/", with: "")
    }

    private static func qrencodeVersion() -> String {
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        QRcode_APIVersion(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }
}
