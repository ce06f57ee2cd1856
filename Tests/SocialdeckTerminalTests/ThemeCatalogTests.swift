import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

@Suite("Theme catalog")
struct ThemeCatalogTests {
    let dir: TemporaryDirectory
    let catalog: ThemeCatalog

    init() throws {
        dir = try TemporaryDirectory()
        catalog = ThemeCatalog(environment: dir.environment)
    }

    @discardableResult
    func theme(_ name: String, _ text: String) throws -> String {
        try dir.write("socialdeck/themes/\(name).toml", text)
    }

    /// Selects `name`, which must fail, and returns the problem.
    func problem(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> ThemeProblem? {
        let selection = catalog.theme(named: name)
        #expect(selection.problem != nil, "expected a problem", sourceLocation: sourceLocation)
        #expect(selection.theme == Theme.builtIn, "a broken theme falls back to the default", sourceLocation: sourceLocation)
        return selection.problem
    }

    func rgb(_ hex: String) -> ThemeColor { ThemeColor(parsing: hex)! }

    @Test func themesDirectoryFollowsXDG() {
        #expect(ThemeCatalog(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/ana"]).userDirectory == "/x/conf/socialdeck/themes")
        #expect(ThemeCatalog(environment: ["HOME": "/home/ana"]).userDirectory == "/home/ana/.config/socialdeck/themes")
        #expect(ThemeCatalog(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ana"]).userDirectory == "/home/ana/.config/socialdeck/themes")
        #expect(ThemeCatalog(environment: ["XDG_CONFIG_HOME": ""]).userDirectory == nil)
    }

    @Test func aThemeOverridesOnlyWhatItChanges() throws {
        try theme("mine", """
            name = "Mine"
            [styles]
            "status.failed" = { fg = "#ff0000" }
            """)
        let selection = catalog.theme(named: "mine")
        #expect(selection.problem == nil)
        let mine = selection.theme
        #expect(mine.name == "mine")
        #expect(mine.displayName == "Mine")
        #expect(mine[.statusFailed] == ThemeStyle(foreground: rgb("#ff0000"), background: .default, attributes: .bold))
        for slot in ThemeSlot.allCases where slot != .statusFailed {
            #expect(mine[slot] == Theme.builtIn[slot], "\(slot)")
        }
    }

    @Test func attributesAreSwitchedOnAndOffOneByOne() throws {
        try theme("attrs", """
            [styles]
            header = { underline = true, bold = false }
            "text.dim" = { dim = true, bg = 236 }
            """)
        let t = catalog.theme(named: "attrs").theme
        #expect(t[.header] == ThemeStyle(foreground: rgb("#c9d1d9"), background: rgb("#161b22"), attributes: .underline))
        #expect(t[.textDim] == ThemeStyle(foreground: rgb("#8b949e"), background: .indexed(236), attributes: .dim))
    }

    @Test func paletteChangesRecolourInheritedStyles() throws {
        try theme("red-accent", "[colors]\naccent = \"red\"\n")
        let t = catalog.theme(named: "red-accent").theme
        #expect(t[.headerAccent].foreground == .ansi(.red))
        #expect(t[.borderFocus].foreground == .ansi(.red))
        #expect(t[.sparkline].foreground == .ansi(.red))
        #expect(t[.header] == Theme.builtIn[.header])
        #expect(t.palette["accent"] == .ansi(.red))
    }

    @Test func everyWayOfNamingASlotWorks() throws {
        try theme("forms", """
            [styles]
            "status.failed" = { fg = "red" }
            approval.pending = { fg = "yellow" }
            chart."1" = { fg = 33 }
            [styles.status]
            missed = { fg = "magenta" }
            [styles.tabs.active]
            fg = "cyan"
            italic = true
            """)
        let selection = catalog.theme(named: "forms")
        #expect(selection.problem == nil, "\(String(describing: selection.problem))")
        let t = selection.theme
        #expect(t[.statusFailed].foreground == .ansi(.red))
        #expect(t[.approvalPending].foreground == .ansi(.yellow))
        #expect(t[.chart1].foreground == .indexed(33))
        #expect(t[.statusMissed].foreground == .ansi(.magenta))
        #expect(t[.tabsActive] == ThemeStyle(foreground: .ansi(.cyan), background: .default, attributes: [.bold, .underline, .italic]))
    }

    @Test func inheritanceChainsThroughUserAndShippedThemes() throws {
        try theme("base", "inherits = \"light\"\n[colors]\naccent = \"#123456\"\n")
        try theme("leaf", "inherits = \"base\"\n[styles]\nfooter = { bold = true }\n")
        let t = catalog.theme(named: "leaf").theme
        let light = ThemeCatalog(userDirectory: nil).theme(named: "light").theme
        #expect(t[.text] == light[.text])
        #expect(t[.borderFocus].foreground == rgb("#123456"))
        #expect(t[.footer] == ThemeStyle(foreground: light[.footer].foreground, background: light[.footer].background, attributes: .bold))
    }

    @Test func userThemesShadowShippedOnes() throws {
        try theme("dark", "[styles]\nheader = { fg = \"green\" }\n")
        #expect(catalog.theme(named: "dark").theme[.header].foreground == .ansi(.green))
        #expect(catalog.names() == ["dark", "light", "high-contrast", "colorblind"])
    }

    @Test func aUserThemeInheritingItsOwnNameBuildsOnTheShippedOne() throws {
        try theme("light", "inherits = \"light\"\n[styles]\nheader = { italic = true }\n")
        let t = catalog.theme(named: "light")
        #expect(t.problem == nil)
        #expect(t.theme[.header].foreground == rgb("#1f2328"))
        #expect(t.theme[.header].attributes == [.bold, .italic])
    }

    @Test func namesListShippedThenUserThemes() throws {
        try theme("zebra", "")
        try theme("alpha", "")
        try dir.write("socialdeck/themes/notes.txt", "not a theme")
        try dir.write("socialdeck/themes/.hidden.toml", "")
        #expect(catalog.names() == ["dark", "light", "high-contrast", "colorblind", "alpha", "zebra"])
        #expect(catalog.theme(named: "alpha").theme == Theme(name: "alpha", palette: Theme.builtIn.palette, styles: Theme.builtIn.styles))
    }

    @Test func editsAreReadOnTheNextSelection() throws {
        try theme("live", "[styles]\nheader = { fg = \"red\" }\n")
        #expect(catalog.theme(named: "live").theme[.header].foreground == .ansi(.red))
        try theme("live", "[styles]\nheader = { fg = \"blue\" }\n")
        #expect(catalog.theme(named: "live").theme[.header].foreground == .ansi(.blue))
    }

    // MARK: Problems

    @Test func brokenSyntaxFallsBackToTheDefaultWithTheLine() throws {
        let path = try theme("broken", "name = \"broken\"\n[styles]\nheader = { fg = \"red\" \n")
        let p = try #require(problem("broken"))
        #expect(p.file == path)
        #expect(p.line == 3)
        #expect(p.theme == "broken")
        #expect(p.column == 23)
        #expect(p.description == "\(path) line 3: an inline table must be on one line; expected '}'")
    }

    @Test func unknownSlotIsReportedWithItsLineAndASuggestion() throws {
        try theme("typo", "[styles]\ntext = { fg = \"red\" }\nheadr = { fg = \"red\" }\n")
        let p = try #require(problem("typo"))
        #expect(p.line == 3)
        #expect(p.message == "unknown style slot 'headr'; did you mean 'header'?")
        try theme("typo2", "[styles]\n\"status.faild\" = { fg = \"red\" }\n")
        #expect(problem("typo2")?.message == "unknown style slot 'status.faild'; did you mean 'status.failed'?")
    }

    @Test func unknownColourNameIsReportedWhereItIsUsed() throws {
        try theme("colour", "[colors]\nbrand = \"#ff0000\"\n[styles]\nheader = { fg = \"brnd\" }\n")
        let p = try #require(problem("colour"))
        #expect(p.line == 4)
        #expect(p.column == 17)
        #expect(p.message.hasPrefix("unknown colour 'brnd' for the fg of 'header'; did you mean 'brand'?"))
    }

    @Test func badColourValues() throws {
        try theme("hex", "[styles]\nheader = { fg = \"#12345\" }\n")
        #expect(problem("hex")?.message.hasPrefix("'fg' of 'header' must be a colour") == true)
        try theme("index", "[styles]\nheader = { bg = 300 }\n")
        #expect(problem("index")?.line == 2)
        try theme("palette", "[colors]\naccent = \"accent2\"\n")
        #expect(problem("palette")?.message.hasPrefix("palette colour 'accent' must be") == true)
        try theme("shadow", "[colors]\nred = \"#ff0000\"\n")
        #expect(problem("shadow")?.message.hasPrefix("'red' cannot name a palette colour") == true)
    }

    @Test func badStyleFieldsAndKeys() throws {
        try theme("field", "[styles]\nheader = { colour = \"red\" }\n")
        #expect(problem("field")?.message.hasPrefix("unknown style field 'colour' in 'header'") == true)
        try theme("bool", "[styles]\nheader = { bold = \"yes\" }\n")
        #expect(problem("bool")?.message == "'bold' of 'header' must be true or false")
        try theme("scalar", "[styles]\nheader = \"red\"\n")
        #expect(problem("scalar")?.message.hasPrefix("'header' must be a style") == true)
        try theme("top", "name = \"x\"\ninherit = \"light\"\n")
        let p = problem("top")
        #expect(p?.line == 2)
        #expect(p?.message.hasPrefix("unknown key 'inherit'; did you mean 'inherits'?") == true)
        try theme("twice", "[styles]\n\"status.failed\" = { fg = \"red\" }\n[styles.status]\nfailed = { bold = true }\n")
        #expect(problem("twice")?.message == "style 'status.failed' is set twice (first on line 2)")
    }

    @Test func inheritanceCyclesAreReported() throws {
        try theme("a", "inherits = \"b\"\n")
        let bPath = try theme("b", "# b\ninherits = \"a\"\n")
        let p = try #require(problem("a"))
        #expect(p.file == bPath)
        #expect(p.line == 2)
        #expect(p.message == "'inherits' makes a cycle: a → b → a")
        try theme("self", "inherits = \"self\"\n")
        #expect(problem("self")?.message == "'inherits' makes a cycle: self → self")
    }

    @Test func missingParentIsReportedAtTheInheritsLine() throws {
        let path = try theme("orphan", "name = \"orphan\"\ninherits = \"ligth\"\n")
        let p = try #require(problem("orphan"))
        #expect(p.file == path)
        #expect(p.line == 2)
        #expect(p.column == 12)
        #expect(p.message == "'orphan' inherits 'ligth', which does not exist; did you mean 'light'?")
    }

    @Test func aBrokenParentIsNamedAsTheFileAtFault() throws {
        let parent = try theme("parent", "[styles]\nheader = { fg = \"nope\" }\n")
        try theme("child", "inherits = \"parent\"\n")
        let p = try #require(problem("child"))
        #expect(p.theme == "child")
        #expect(p.file == parent)
        #expect(p.line == 2)
    }

    @Test func unknownAndInvalidNames() {
        let unknown = problem("solarized")
        #expect(unknown?.file == nil)
        #expect(unknown?.line == nil)
        #expect(unknown?.message == "no theme named 'solarized'; the themes are dark, light, high-contrast, colorblind")
        #expect(unknown?.description.hasPrefix("theme 'solarized': no theme named") == true)
        #expect(problem("ligt")?.message.contains("did you mean 'light'?") == true)
        for bad in ["../../etc/passwd", ".hidden", "a/b", ""] {
            #expect(problem(bad)?.message.contains("is not a theme name") == true, "\(bad)")
        }
    }

    @Test func unreadableAndOversizedFiles() throws {
        try FileManager.default.createDirectory(atPath: dir.path + "/socialdeck/themes/folder.toml", withIntermediateDirectories: true)
        #expect(problem("folder")?.message == "the theme cannot be used: it is a directory")
        try theme("huge", String(repeating: "# padding\n", count: 110_000))
        #expect(problem("huge")?.message == "the theme cannot be used: it is larger than 1 MiB")
        try dir.write("socialdeck/themes/latin1.toml", "")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22]).write(to: URL(fileURLWithPath: dir.path + "/socialdeck/themes/latin1.toml"))
        let p = problem("latin1")
        #expect(p?.line == 1)
        #expect(p?.message == "the file is not valid UTF-8")
    }
}
