import ArgumentParser
import Foundation
import SocialdeckModel

/// What counting a post costs: the composer counts on every keystroke, for every target
/// platform, so a 3,000-character post (LinkedIn's limit) must count in well under a millisecond.
struct TextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "text", abstract: "Post counting per keystroke, 3,000-character posts.")

    @Option(help: "Counts to time per text.") var runs = 2_000

    func run() throws {
        let texts: [(String, String)] = [
            ("prose with URLs, hashtags, emoji", String(repeating: "Our winter jackets are here ❄️ #winter https://acme.example.com/winter?ref=x and more. ", count: 40)),
            ("Japanese", String(repeating: "東京ポップアップストアが今週末オープンします。限定カラーもあります🎌 ", count: 100)),
            ("emoji sequences", String(repeating: "👩🏽‍💻 🇫🇷 ❤️ 1️⃣ 👨‍👩‍👧‍👦 ", count: 100)),
            ("dotted words (a.b.c…)", String(repeating: "a.", count: 1_500)),
            ("decomposed accents (normalised first)", String(repeating: "Vie\u{302}\u{323}t Nam cafe\u{301} ", count: 160)),
        ]
        var figures: [Figure] = []
        for (name, raw) in texts {
            var text = ""
            for scalar in raw.unicodeScalars where text.utf16.count + scalar.utf16.count <= 3_000 {
                text.unicodeScalars.append(scalar)
            }
            var times: [Double] = [], checks: [Double] = []
            var sink = 0
            for _ in 0..<runs {
                times.append(seconds { sink &+= TwitterText.parse(text).weightedLength } * 1e6)
                checks.append(seconds { for platform in Platform.allCases { sink &+= PostCheck(text: text, on: platform).count } } * 1e6)
            }
            figures.append(Figure(name: "X count, \(name)", unit: "µs", ours: times.min() ?? 0, reference: nil,
                                  higherIsBetter: false, target: "p50 \(String(format: "%.0f", percentile(times, 0.5))) µs, p99 \(String(format: "%.0f", percentile(times, 0.99))) µs; < 1,000 µs"))
            figures.append(Figure(name: "all five platforms' checks, \(name)", unit: "µs", ours: checks.min() ?? 0, reference: nil,
                                  higherIsBetter: false, target: "p50 \(String(format: "%.0f", percentile(checks, 0.5))) µs, p99 \(String(format: "%.0f", percentile(checks, 0.99))) µs; < 1,000 µs"))
            if sink == 42 { print("") }
        }
        print(Figure.table("Counting a 3,000-code-unit post (\(runs) runs each; the socialdeck column is the fastest run)", referenceName: "—", figures))
    }
}
