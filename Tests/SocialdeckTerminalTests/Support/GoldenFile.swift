import Foundation
import SocialdeckTerminal
import Testing

/// Compares a rendered buffer with a text file under `Golden/`.
///
/// Run with `SOCIALDECK_UPDATE_GOLDEN=1` to write the files instead of comparing, then
/// review them in the diff before committing.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    static var isUpdating: Bool { ProcessInfo.processInfo.environment["SOCIALDECK_UPDATE_GOLDEN"] == "1" }

    static func assertMatches(_ buffer: CellBuffer, named name: String, in directory: URL = directory,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = buffer.text() + "\n"
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("Cannot write golden file \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("Missing golden file \(file.path); record it with SOCIALDECK_UPDATE_GOLDEN=1.",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(Comment(rawValue: difference(expected: expected, actual: actual, name: name)),
                         sourceLocation: sourceLocation)
        }
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
        report.append("If the change is intended, re-record with SOCIALDECK_UPDATE_GOLDEN=1.")
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
