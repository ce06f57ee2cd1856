import Foundation
import CCurl
import CMongoc
import COpenSSL
import CQRencode
import CSQLite

/// The C libraries socialdeck is linked against, with the versions found at run time.
public enum SystemLibraries {
    public static func versions() -> [(name: String, version: String)] {
        [
            ("SQLite", String(cString: sqlite3_libversion())),
            ("libmongoc", String(cString: mongoc_get_version())),
            ("libbson", String(cString: bson_get_version())),
            ("libcurl", String(String(cString: sd_curl_version()).split(separator: " ").first ?? "").replacingOccurrences(of: "libcurl/", with: "")),
            ("libqrencode", qrencodeVersion()),
            ("OpenSSL", String(cString: sd_openssl_version()).split(separator: " ").dropFirst().first.map(String.init) ?? ""),
        ]
    }

    private static func qrencodeVersion() -> String {
        var major: Int32 = 0, minor: Int32 = 0, micro: Int32 = 0
        QRcode_APIVersion(&major, &minor, &micro)
        return "\(major).\(minor).\(micro)"
    }
}
