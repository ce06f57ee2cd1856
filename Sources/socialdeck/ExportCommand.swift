import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension CollectionName: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one collection to stdout as JSON Lines (relaxed Extended JSON), secrets removed.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The collection to export.") var collection: CollectionName
    @Option(help: ArgumentHelp("Only this organization's documents.", valueName: "slug")) var org: String?
    @Option(help: ArgumentHelp("Only documents created on or after this date.", valueName: "date")) var since: String?
    @Option(parsing: .unconditional, help: "At most this many documents.") var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit cannot be negative") }
        if let since, ISODate.date(from: since) == nil { throw ValidationError("--since must be a date like 2026-11-01 or 2026-11-01T09:00:00Z") }
    }

    func run() throws {
        let db = try store.open()
        let out = FileHandle.standardOutput
        var buffer = Data()
        try Exporter(store: db).export(collection, options: .init(organizationSlug: org, since: since.flatMap(ISODate.date(from:)), limit: limit)) { line in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count > 1 << 16 {
                out.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        out.write(buffer)
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load JSON Lines into a collection, or a CSV of posts (platform,time,text) into content.",
        discussion: "Every record is validated first; if any is bad, nothing is written and each problem is listed with its line number.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The collection to load into.") var collection: CollectionName
    @Argument(help: "A .jsonl or .csv file, or - for standard input.") var file: String
    @Option(help: ArgumentHelp("For a CSV: the organization the posts belong to.", valueName: "slug")) var org: String?
    @Option(help: ArgumentHelp("For a CSV: the time zone of times written without one.", valueName: "zone")) var tz = "UTC"
    @Flag(help: "For a CSV: import the posts as drafts awaiting approval instead of scheduling them.") var drafts = false

    var isCSV: Bool { file.lowercased().hasSuffix(".csv") }

    func validate() throws {
        if isCSV && collection != .content { throw ValidationError("a CSV can only be imported into content") }
        if isCSV && org == nil { throw ValidationError("a CSV of posts needs --org SLUG") }
        if TimeZone(identifier: tz) == nil { throw ValidationError("unknown time zone '\(tz)'") }
    }

    func run() throws {
        let fd = file == "-" ? STDIN_FILENO : open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ExchangeError("cannot read \(file): \(String(cString: strerror(errno)))") }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw ExchangeError("\(file) is a directory") }
        let input = FileDescriptorSource(fileDescriptor: fd, name: file == "-" ? "standard input" : file)
        let db = try store.open()
        let importer = Importer(store: db)
        do {
            let count = isCSV
                ? try importer.importPostsCSV(from: input, organizationSlug: org!, timeZone: TimeZone(identifier: tz)!, asDrafts: drafts)
                : try importer.importJSONLines(from: input, into: collection)
            print("Imported \(count) documents into \(collection.rawValue).")
        } catch let error as StoreError {
            guard case .leftBehind = error else { throw error }
            // Every _id, one a line: the one-line error the other failures get would hide them.
            let lines = error.description.split(separator: "\n").map { SafeText.escapingControls(String($0)) }
            FileHandle.standardError.write(Data("socialdeck: \(lines.joined(separator: "\n"))\n".utf8))
            throw ExitCode(1)
        }
    }
}
