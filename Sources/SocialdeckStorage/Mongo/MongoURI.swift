import Foundation
/// Small edits to MongoDB connection strings.
public enum MongoURI {
    /// `uri` with its database replaced by `database`, keeping hosts, credentials and options.
    public static func replacingDatabase(of uri: String, with database: String) -> String {
        let parts = uri.split(separator: "?", maxSplits: 1)
        var head = String(parts[0])
        if let schemeEnd = head.range(of: "://"), let slash = head[schemeEnd.upperBound...].firstIndex(of: "/") {
            head = String(head[..<slash])
        }
        return head + "/" + database + (parts.count > 1 ? "?" + parts[1] : "")
    }
}
