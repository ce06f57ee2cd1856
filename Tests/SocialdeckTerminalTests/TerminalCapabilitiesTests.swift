import SocialdeckTerminal
import Testing

@Suite("Terminal capabilities")
struct TerminalCapabilitiesTests {
    @Test func noColorForcesMonochrome() {
        let caps = TerminalCapabilities.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(caps.noColor)
        #expect(caps.colorDepth == "monochrome")
    }

    @Test func terminfoColourCounts() {
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm-256color"]).colors == 256)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "vt100"]).colors == 0)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "screen"]).colors == 8)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]).colorDepth == "truecolor")
    }
}
