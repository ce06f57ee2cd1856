import ArgumentParser
import Foundation

/// Release-mode benchmarks. Each runs the same work through socialdeck and through
/// a reference (raw sqlite3 from Python, pymongo) in the same run, so the ratio
/// means something on a noisy machine. Build with `swift build -c release`.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socialdeck-bench",
        abstract: "Measure socialdeck against its references.",
        subcommands: [StorageBenchmark.self, AccountsBenchmark.self, DashboardBenchmark.self, ConcurrentDashboardsBenchmark.self,
                      TextBenchmark.self, PublishBenchmark.self, AgentsBenchmark.self, StaffBenchmark.self],
        defaultSubcommand: StorageBenchmark.self)
}

/// One figure: ours, the reference's, and whether higher is better.
struct Figure {
    let name: String
    let unit: String
    let ours: Double
    let reference: Double?
    let higherIsBetter: Bool
    let target: String

    /// How many times better than the reference (above 1 means faster).
    var ratio: Double? {
        guard let reference, reference > 0, ours > 0 else { return nil }
        return higherIsBetter ? ours / reference : reference / ours
    }

    static func table(_ title: String, referenceName: String, _ figures: [Figure]) -> String {
        func f(_ v: Double) -> String {
            v >= 100 ? String(format: "%.0f", v) : v >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
        }
        var lines = ["\(title)", "| figure | socialdeck | \(referenceName) | ratio | target |", "|---|---|---|---|---|"]
        for x in figures {
            lines.append("| \(x.name) | \(f(x.ours)) \(x.unit) | \(x.reference.map { "\(f($0)) \(x.unit)" } ?? "—") | \(x.ratio.map { String(format: "%.2f×", $0) } ?? "—") | \(x.target) |")
        }
        return lines.joined(separator: "\n")
    }
}

/// Wall-clock timing with the monotonic clock.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let d = try clock.measure(body)
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))]
}

/// Runs a reference script and returns the figures it printed as JSON.
func runReference(_ script: String, params: [String: Any]) throws -> [String: Double] {
    let dir = NSTemporaryDirectory() + "socialdeck-bench-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let paramsPath = dir + "/params.json"
    try JSONSerialization.data(withJSONObject: params).write(to: URL(fileURLWithPath: paramsPath))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/\(script)").path
    p.arguments = ["python3", path, paramsPath]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw ValidationError("the reference \(script) failed (exit \(p.terminationStatus))")
    }
    return json.compactMapValues { ($0 as? NSNumber)?.doubleValue }
}
