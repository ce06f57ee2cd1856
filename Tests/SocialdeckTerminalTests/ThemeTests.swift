import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

@Suite("Themes")
struct ThemeTests {
    static let shipped = ThemeCatalog.builtInNames
    let catalog = ThemeCatalog(userDirectory: nil)

    func rgb(_ hex: String) -> ThemeColor { ThemeColor(parsing: hex)! }

    @Test func colourNotation() {
        #expect(ThemeColor(parsing: "#0969da") == .rgb(red: 0x09, green: 0x69, blue: 0xDA))
        #expect(ThemeColor(parsing: "#FFF") == .rgb(red: 255, green: 255, blue: 255))
        #expect(ThemeColor(parsing: "#a1b") == .rgb(red: 0xAA, green: 0x11, blue: 0xBB))
        #expect(ThemeColor(parsing: "default") == .default)
        #expect(ThemeColor(parsing: "red") == .ansi(.red))
        #expect(ThemeColor(parsing: "bright-blue") == .ansi(.brightBlue))
        #expect(ThemeColor(parsing: "Bright_Blue") == .ansi(.brightBlue))
        #expect(ThemeColor(parsing: "brightwhite") == .ansi(.brightWhite))
        #expect(ThemeColor(parsing: "grey") == .ansi(.brightBlack))
        #expect(ThemeColor(index: 208) == .indexed(208))
        for bad in ["#12", "#12345", "#ggg", "purple", "", "#", "0x123456"] {
            #expect(ThemeColor(parsing: bad) == nil, "\(bad)")
        }
        #expect(ThemeColor(index: 256) == nil)
        #expect(ThemeColor(index: -1) == nil)
        #expect(ThemeColor.ANSIColor.allCases.count == 16)
    }

    @Test func colourDescriptionsRoundTrip() {
        let colors: [ThemeColor] = [.default, .ansi(.magenta), .ansi(.brightCyan), .rgb(red: 1, green: 0xAB, blue: 0xFF)]
        for color in colors { #expect(ThemeColor(parsing: color.description) == color) }
        #expect(ThemeColor.rgb(red: 1, green: 0xAB, blue: 0xFF).description == "#01abff")
        #expect(ThemeColor.indexed(42).description == "42")
    }

    @Test func paletteNamesCannotShadowColourNames() {
        #expect(ThemeColor.isValidPaletteName("accent"))
        #expect(ThemeColor.isValidPaletteName("chart-2_bg"))
        for bad in ["red", "bright-red", "grey", "default", "Default", "1st", "a b", "", "#abc", "é"] {
            #expect(!ThemeColor.isValidPaletteName(bad), "\(bad)")
        }
    }

    @Test func styleDescriptionReadsLikeATheme() {
        let style = ThemeStyle(foreground: .ansi(.red), background: .default, attributes: [.bold, .underline])
        #expect(style.description == #"{ fg = "red", bg = "default", bold = true, underline = true }"#)
        #expect(ThemeAttributes([.dim, .italic]).description == "dim italic")
    }

    @Test func chartSlotsFollowThePlatforms() {
        #expect(ThemeSlot.chart(platform: "facebook") == .chart1)
        #expect(ThemeSlot.chart(platform: "twitter") == .chart3)
        #expect(ThemeSlot.chart(platform: "X") == .chart3)
        #expect(ThemeSlot.chart(platform: "tiktok") == .chart5)
        #expect(ThemeSlot.chart(platform: "myspace") == nil)
        #expect(ThemeSlot.chart4.purpose == "LinkedIn in charts")
        #expect(ThemeSlot.statusNeedsCheck.purpose == "a post whose status is needs check")
        #expect(ThemeSlot.allCases.count == 35)
    }

    @Test(arguments: shipped)
    func embeddedCopyEqualsTheShippedFile(name: String) throws {
        let file = repositoryRoot.appendingPathComponent("Themes/\(name).toml")
        let onDisk = try String(contentsOf: file, encoding: .utf8)
        #expect(ThemeCatalog.builtInSource(named: name) == onDisk,
                "Themes/\(name).toml and BuiltInThemes.swift differ; paste the file into BuiltInThemes.swift")
    }

    @Test func themesFolderHoldsOnlyTheShippedThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Themes").path)
        #expect(Set(files) == Set(Self.shipped.map { "\($0).toml" }))
    }

    @Test func darkThemeSetsEverySlotExplicitly() throws {
        let text = try #require(ThemeCatalog.builtInSource(named: "dark"))
        let styles = try #require(TOMLDocument(parsing: text)["styles"]?.tableValue)
        for slot in ThemeSlot.allCases {
            let style = styles[slot.rawValue]?.tableValue
            #expect(style?["fg"] != nil && style?["bg"] != nil, "dark.toml does not set fg and bg of \(slot)")
        }
        #expect(styles.count == ThemeSlot.allCases.count)
    }

    @Test func builtInThemeIsTheDarkTheme() {
        let dark = Theme.builtIn
        #expect(dark.name == "dark")
        #expect(dark.styles.count == ThemeSlot.allCases.count)
        #expect(dark[.header] == ThemeStyle(foreground: rgb("#c9d1d9"), background: rgb("#161b22"), attributes: .bold))
        #expect(dark[.text] == ThemeStyle(foreground: rgb("#c9d1d9"), background: .default))
        #expect(dark[.statusFailed] == ThemeStyle(foreground: rgb("#f85149"), background: .default, attributes: .bold))
        #expect(dark[.statusDraft].attributes == .italic)
        #expect(dark.palette["accent"] == rgb("#58a6ff"))
        let selection = catalog.theme(named: "dark")
        #expect(selection.problem == nil)
        #expect(selection.theme == dark)
    }

    @Test(arguments: shipped)
    func shippedThemesResolveWithDistinctChartColours(name: String) throws {
        let selection = catalog.theme(named: name)
        #expect(selection.problem == nil, "\(String(describing: selection.problem))")
        let theme = selection.theme
        #expect(theme.name == name)
        #expect(theme.displayName == name)
        let charts = [ThemeSlot.chart1, .chart2, .chart3, .chart4, .chart5].map { theme[$0].foreground }
        #expect(Set(charts).count == 5, "\(name): \(charts)")
        #expect(theme[.text].foreground != theme[.text].background)
        #expect(theme[.selection] != theme[.text])
    }

    @Test func lightChangesThePaletteAndKeepsTheRest() {
        let light = catalog.theme(named: "light").theme
        let dark = Theme.builtIn
        #expect(light[.header] == ThemeStyle(foreground: rgb("#1f2328"), background: rgb("#eaeef2"), attributes: .bold))
        #expect(light[.text].background == rgb("#ffffff"))
        for slot in ThemeSlot.allCases {
            #expect(light[slot].attributes == dark[slot].attributes, "\(slot)")
            #expect(light[slot] != dark[slot], "light leaves \(slot) as in dark")
        }
    }

    @Test func highContrastUsesOnlyTheSixteenColours() {
        let theme = catalog.theme(named: "high-contrast").theme
        for slot in ThemeSlot.allCases {
            for color in [theme[slot].foreground, theme[slot].background] {
                guard case .ansi = color else {
                    Issue.record("\(slot) uses \(color)")
                    continue
                }
            }
        }
        #expect(theme[.selection] == ThemeStyle(foreground: .ansi(.black), background: .ansi(.brightYellow), attributes: .bold))
        #expect(theme[.statusPublished].attributes.contains(.bold))
    }

    @Test func colorblindUsesTheOkabeItoPalette() {
        let okabeIto: Set<ThemeColor> = Set(["#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"].map(rgb))
        let theme = catalog.theme(named: "colorblind").theme
        let meaningful = ThemeSlot.allCases.filter {
            ["status.", "approval.", "chart."].contains(where: $0.rawValue.hasPrefix) && $0 != .chartAxis && $0 != .statusDraft
        } + [.warning, .error, .success]
        for slot in meaningful {
            #expect(okabeIto.contains(theme[slot].foreground), "\(slot) is \(theme[slot].foreground)")
        }
        // Failure and success differ in more than colour.
        #expect(theme[.statusFailed].attributes != theme[.statusPublished].attributes)
        #expect(theme[.approvalRejected].attributes != theme[.approvalApproved].attributes)
    }
}
