import Foundation
import SocialdeckTerminal
import Testing

@Suite("Clipboard (OSC 52)")
struct ClipboardSequenceTests {
    @Test func theTextTravelsAsBase64BetweenTheOSC52Markers() {
        #expect(ClipboardSequence.osc52("héllo") == "\u{1B}]52;c;aMOpbGxv\u{07}")
        let hostile = "ok\u{1B}[2J\u{07}\u{1B}]52;c;evil\u{07}"
        let sequence = ClipboardSequence.osc52(hostile)
        let payload = sequence.dropFirst(7).dropLast()
        #expect(!payload.contains("\u{1B}") && !payload.contains("\u{07}"), "nothing in the text reaches the terminal raw")
        #expect(Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) } == hostile)
    }

    @Test func longTextIsCutAtACharacterBoundary() {
        let text = String(repeating: "é", count: ClipboardSequence.maximumBytes)  // two bytes each
        let payload = ClipboardSequence.osc52(text).dropFirst(7).dropLast()
        let bytes = Data(base64Encoded: String(payload))!
        #expect(bytes.count <= ClipboardSequence.maximumBytes)
        #expect(String(data: bytes, encoding: .utf8) == String(repeating: "é", count: bytes.count / 2))
    }
}
