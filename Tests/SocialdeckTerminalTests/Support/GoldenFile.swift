import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

/// Compares a rendered buffer with its golden files under `Golden/`: `NAME.txt` holds
/// the text, `NAME.styles` each cell's style (see `StyleLayer`).
///
/// Run with `SOCIALDECK_UPDATE_GOLDEN=1` to write the files instead of comparing; such a
/// run fails every test that records, so it can never pass by accident. Review the
/// files in the diff, then run the tests again without it.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["SOCIALDECK_UPDATE_GOLDEN"] == "1" }

    static func assertMatches(_ buffer: CellBuffer, named name: String, in directory: URL = directory,
                              updating: Bool = isUpdating, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            if updating {
                try record(buffer, named: name, in: directory)
                Issue.record(Comment(rawValue: "Re-recorded the golden files \(name).txt and \(name).styles: review them "
                                         + "in the diff, then run the tests again without SOCIALDECK_UPDATE_GOLDEN."),
                             sourceLocation: sourceLocation)
            } else if let report = try mismatch(buffer, named: name, in: directory) {
                Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("Golden file \(name): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Writes both golden files of `buffer`.
    static func record(_ buffer: CellBuffer, named name: String, in directory: URL) throws {
        let styles = try StyleLayer(buffer).encoded()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try (buffer.text() + "\n").write(to: directory.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        try styles.write(to: directory.appendingPathComponent(name + ".styles"), atomically: true, encoding: .utf8)
    }

    /// How `buffer` differs from its golden files, text first, then styles; nil when both match.
    static func mismatch(_ buffer: CellBuffer, named name: String, in directory: URL = directory) throws -> String? {
        let expectedText = try read(name + ".txt", in: directory)
        let expectedStyles = try StyleLayer(parsing: read(name + ".styles", in: directory))
        let actualText = buffer.text() + "\n"
        let reports = [
            expectedText == actualText ? nil : difference(expected: expectedText, actual: actualText, name: name),
            StyleLayer.difference(expected: expectedStyles, actual: StyleLayer(buffer), name: name),
        ].compactMap { $0 }
        guard !reports.isEmpty else { return nil }
        return (reports + ["If the change is intended, re-record with SOCIALDECK_UPDATE_GOLDEN=1."]).joined(separator: "\n")
    }

    private static func read(_ file: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw FixtureError("missing golden file \(url.path); record it with SOCIALDECK_UPDATE_GOLDEN=1.")
        }
        return text
    }

    /// Differing lines side by side, framed in "│" so trailing spaces show, with the
    /// display column where each pair first differs.
    static func difference(expected: String, actual: String, name: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = ["Golden file \(name).txt differs (- expected, + actual):"]
        var differing = 0
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let old = index < expectedLines.count ? String(expectedLines[index]) : nil
            let new = index < actualLines.count ? String(actualLines[index]) : nil
            guard old != new else { continue }
            differing += 1
            guard differing <= 20 else { continue }
            report.append("line \(index + 1), from column \(firstDifferentColumn(old ?? "", new ?? "")):")
            report.append("- " + (old.map { "│\($0)│" } ?? "(no line)"))
            report.append("+ " + (new.map { "│\($0)│" } ?? "(no line)"))
        }
        if differing > 20 { report.append("… and \(differing - 20) more differing lines") }
        return report.joined(separator: "\n")
    }

    private static func firstDifferentColumn(_ old: String, _ new: String) -> Int {
        var column = 1
        for (a, b) in zip(old, new) {
            guard a == b else { break }
            column += DisplayWidth.of(a)
        }
        return column
    }
}
