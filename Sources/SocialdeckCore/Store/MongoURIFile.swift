import Foundation

/// Reads the MongoDB URI from the file `[store] mongo_uri_file` names. Like the secret
/// key file, it must be readable by its owner only; its contents are never shown.
enum MongoURIFile {
    static func read(_ path: String) throws -> String {
        let uri: String
        do { uri = try OwnerOnlyFile.read(path, what: "the MongoDB URI file") } catch let problem as OwnerOnlyFile.Problem {
            throw StoreSettingsError(problem.description)
        }
        guard uri.hasPrefix("mongodb://") || uri.hasPrefix("mongodb+srv://"), !uri.contains("\n") else {
            throw StoreSettingsError("the MongoDB URI file \(path) does not hold one mongodb:// or mongodb+srv:// URI")
        }
        return uri
    }
}
