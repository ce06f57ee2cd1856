import Foundation

/// Where socialdeck looks for its configuration: `$XDG_CONFIG_HOME/socialdeck`,
/// or `~/.config/socialdeck` when `XDG_CONFIG_HOME` is unset, empty or relative
/// (the XDG rule). Holds `config.toml` and the `themes/` folder.
public struct ConfigurationPaths: Sendable, Equatable {
    /// `…/socialdeck`, or nil when neither `XDG_CONFIG_HOME` nor `HOME` is usable.
    public var directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    public init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directory = Self.join(xdg, "socialdeck")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = Self.join(home, ".config/socialdeck")
        } else {
            directory = nil
        }
    }

    public var configFile: String? { directory.map { Self.join($0, "config.toml") } }
    public var themesDirectory: String? { directory.map { Self.join($0, "themes") } }

    static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }
}

/// Reads a configuration or theme file, refusing anything over
/// ``TOMLDocument/maximumSize`` before reading it.
enum ConfigurationFile {
    enum Outcome {
        case missing
        case contents([UInt8])
        /// Unreadable, too large, or not a regular file; the message says which.
        case unreadable(String)
    }

    static func read(_ path: String) -> Outcome {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return .missing }
        // Dotfiles are often symlinks; a FIFO or device would block or never end.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let type = (try? manager.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        if type == .typeDirectory { return .unreadable("it is a directory") }
        guard type == .typeRegular else { return .unreadable("it is not a regular file") }
        guard let handle = FileHandle(forReadingAtPath: resolved) else { return .unreadable("it cannot be read (check its permissions)") }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: TOMLDocument.maximumSize + 1) ?? Data()
            guard data.count <= TOMLDocument.maximumSize else { return .unreadable("it is larger than 1 MiB") }
            return .contents([UInt8](data))
        } catch {
            return .unreadable("it cannot be read: \(error.localizedDescription)")
        }
    }

    /// The `.toml` files of a directory, by stem; empty when the directory is missing.
    static func tomlFiles(in directory: String) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".toml") {
            let stem = String(name.dropLast(5))
            if ThemeCatalog.isValidName(stem) { files[stem] = ConfigurationPaths.join(directory, name) }
        }
        return files
    }
}
