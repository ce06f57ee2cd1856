import SocialdeckTerminal
import Testing

@Suite("Colours and styles")
struct ColorTests {
    @Test("RGB becomes the nearest xterm-256 cube colour or grey", arguments: [
        (255, 0, 0, 196), (0, 0, 0, 16), (255, 255, 255, 231), (95, 135, 175, 67),
        (128, 128, 128, 244), (10, 10, 10, 232), (238, 238, 238, 255), (100, 100, 100, 241),
        (200, 50, 50, 167), (0, 95, 0, 22), (250, 250, 250, 231),
    ])
    func rgbTo256(red: Int, green: Int, blue: Int, index: Int) {
        let color = Color.rgb(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))
        #expect(color.degraded(to: .indexed256) == .indexed(UInt8(index)))
    }

    @Test("Every cube and grey colour maps back to its own index")
    func paletteRoundTrip() {
        for index in 16...255 {
            let (red, green, blue) = Color.indexed(UInt8(index)).approximateRGB
            #expect(Color.rgb(red: red, green: green, blue: blue).degraded(to: .indexed256) == .indexed(UInt8(index)))
        }
    }

    @Test("Palette entries have xterm's values")
    func paletteValues() {
        #expect(Color.indexed(67).approximateRGB == (95, 135, 175))
        #expect(Color.indexed(232).approximateRGB == (8, 8, 8))
        #expect(Color.indexed(255).approximateRGB == (238, 238, 238))
        #expect(Color.ansi(.blue).approximateRGB == (0, 0, 238))
        #expect(Color.indexed(9).approximateRGB == (255, 0, 0))
    }

    @Test("256 colours and RGB become the nearest of sixteen", arguments: [
        (Color.indexed(196), ANSIColor.brightRed), (.indexed(21), .blue), (.indexed(244), .brightBlack),
        (.indexed(250), .white), (.indexed(3), .yellow), (.indexed(12), .brightBlue),
        (.rgb(red: 250, green: 250, blue: 250), .brightWhite), (.rgb(red: 0, green: 200, blue: 0), .green),
        (.rgb(red: 30, green: 20, blue: 10), .black), (.ansi(.magenta), .magenta),
    ])
    func to16(color: Color, expected: ANSIColor) {
        #expect(color.degraded(to: .ansi16) == .ansi(expected))
    }

    @Test("Eight colours drop brightness")
    func to8() {
        #expect(Color.ansi(.brightRed).degraded(to: .ansi8) == .ansi(.red))
        #expect(Color.indexed(196).degraded(to: .ansi8) == .ansi(.red))
        #expect(Color.rgb(red: 255, green: 255, blue: 255).degraded(to: .ansi8) == .ansi(.white))
        #expect(Color.ansi(.cyan).degraded(to: .ansi8) == .ansi(.cyan))
    }

    @Test("Deeper depths keep what they can show")
    func keep() {
        let rgb = Color.rgb(red: 1, green: 2, blue: 3)
        #expect(rgb.degraded(to: .trueColor) == rgb)
        #expect(Color.indexed(100).degraded(to: .indexed256) == .indexed(100))
        #expect(Color.ansi(.brightCyan).degraded(to: .indexed256) == .ansi(.brightCyan))
        #expect(rgb.degraded(to: .monochrome) == nil)
    }

    @Test("Monochrome drops colours, keeps attributes and shows selection reversed")
    func monochromeStyle() {
        let selected = Style(foreground: .ansi(.white), background: .indexed(19), attributes: [.bold, .selected])
        let mono = selected.degraded(to: .monochrome)
        #expect(mono.foreground == nil && mono.background == nil)
        #expect(mono.attributes.contains([.bold, .reverse]))
        let underlined = Style(foreground: .ansi(.red), attributes: [.underline, .italic]).degraded(to: .monochrome)
        #expect(underlined == Style(attributes: [.underline, .italic]))
        // With colours the selection is the colours' job: no reverse.
        let coloured = selected.degraded(to: .ansi16)
        #expect(!coloured.attributes.contains(.reverse))
        #expect(coloured.background == .ansi(.blue))
    }

    @Test("Colour depth from a terminal's colour count")
    func depthFromColors() {
        #expect(ColorDepth(colors: 256) == .indexed256)
        #expect(ColorDepth(colors: 256, trueColor: true) == .trueColor)
        #expect(ColorDepth(colors: 8, trueColor: true) == .ansi8)
        #expect(ColorDepth(colors: 88) == .ansi16)
        #expect(ColorDepth(colors: 8) == .ansi8)
        #expect(ColorDepth(colors: 0) == .monochrome)
        #expect(ColorDepth(colors: 256, trueColor: true, noColor: true) == .monochrome)
        #expect(ColorDepth.ansi8 < .indexed256)
    }
}
