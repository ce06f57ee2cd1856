import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

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
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw ExchangeError("cannot read \(file)") }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ExchangeError("\(file) is not UTF-8 text") }
        let db = try store.open()
        let importer = Importer(store: db)
        let count = isCSV
            ? try importer.importPostsCSV(text, organizationSlug: org!, timeZone: TimeZone(identifier: tz)!, asDrafts: drafts)
            : try importer.importJSONLines(text, into: collection)
        print("Imported \(count) documents into \(collection.rawValue).")
    }
}
