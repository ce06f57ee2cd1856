import SocialdeckViewModels
import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    func keys(_ config: Configuration, _ action: KeyAction, _ scope: KeyScope = .global) -> [String] {
        config.keyBindings.keys(for: action, in: scope).map(\.description)
    }

    func lines(_ config: Configuration) -> [Int?] { config.problems.map(\.line) }

    @Test func noFileMeansDefaults() throws {
        let dir = try TemporaryDirectory()
        let config = Configuration.load(environment: dir.environment)
        #expect(config == Configuration())
        #expect(config.problems.isEmpty)
        #expect(config.theme == "dark")
        #expect(config.refreshSeconds == 2)
        #expect(!config.mouse)
        #expect(config.keyBindings == .defaults)
        #expect(Configuration.load(environment: [:]) == Configuration())
    }

    @Test func theIssueExampleLoadsFromXDGConfigHome() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("socialdeck/config.toml", """
            [keys]
            approve = "Y"
            quit = ["q", "ctrl+c"]
            [keys.approvals]
            reject = "N"
            [ui]
            theme = "light"
            refresh_seconds = 7
            mouse = true
            """)
        let config = Configuration.load(environment: dir.environment)
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.file == path)
        #expect(keys(config, .approve, .pane(.approvals)) == ["Y"])
        #expect(keys(config, .reject, .pane(.approvals)) == ["N"])
        #expect(keys(config, .quit) == ["q", "ctrl+c"])
        #expect(config.theme == "light")
        #expect(config.refreshSeconds == 7)
        #expect(config.mouse == true)
    }

    @Test func homeConfigIsUsedWithoutXDG() throws {
        let dir = try TemporaryDirectory()
        try dir.write(".config/socialdeck/config.toml", "[ui]\ntheme = \"colorblind\"\n")
        #expect(Configuration.load(environment: ["HOME": dir.path]).theme == "colorblind")
        #expect(Configuration.load(environment: ["HOME": dir.path, "XDG_CONFIG_HOME": "not/absolute"]).theme == "colorblind")
    }

    @Test func remapShowsInFooterHelpAndPalette() {
        let config = Configuration.parse("[keys]\napprove = \"Y\"\nhelp = [\"?\", \"f1\"]\n")
        #expect(config.problems.isEmpty)
        let footer = config.keyBindings.footerEntries(scope: .pane(.approvals)).map(\.footerText)
        #expect(footer.first == "Y approve")
        #expect(footer.contains("? help"))
        let help = config.keyBindings.helpSections()
        #expect(help[0].entries.first { $0.action == .help }?.keysText == "?/f1")
        #expect(help[2].entries.first { $0.action == .approve }?.keysText == "Y")
        #expect(config.keyBindings.action(for: Key(.function(1)), in: .pane(.calendar)) == .help)
        #expect(config.keyBindings.paletteEntries(scope: .pane(.approvals)).first?.keys.map(\.description) == ["Y"])
    }

    @Test func aGlobalSectionRemapAppliesInEveryScopeWithTheAction() {
        let config = Configuration.parse("[keys]\nreschedule = \"M\"\nedit = \"E\"\n[keys.approvals]\nedit = \"Y\"\n")
        #expect(config.problems.isEmpty)
        #expect(keys(config, .reschedule, .pane(.calendar)) == ["M"])
        #expect(keys(config, .edit, .pane(.approvals)) == ["Y"], "[keys.approvals] wins over [keys]")
    }

    @Test func unknownActionsAndScopesAreReportedWithLines() {
        let config = Configuration.parse("""
            [keys]
            aprove = "y"
            quit = "Q"

            [keys.approvals]
            pause = "p"
            [keys.settings]
            x = "y"
            """, file: "config.toml")
        #expect(lines(config) == [2, 6, 7])
        #expect(config.problems[0].description == "config.toml line 2: unknown action 'aprove'; did you mean 'approve'?")
        #expect(config.problems[1].message.hasPrefix("'pause' is not an action of the approvals pane; its actions are approve, reject, edit, select"))
        #expect(config.problems[2].message.hasPrefix("unknown scope [keys.settings]"))
        #expect(keys(config, .quit) == ["Q"], "good lines still apply")
        #expect(keys(config, .approve, .pane(.approvals)) == ["a"])
    }

    @Test func badKeyNamesKeepTheDefault() {
        let config = Configuration.parse("""
            [keys]
            quit = ["q",
                    "ctl+c"]
            help = 7
            filter = []
            refresh = ["ctrl+r", 1]
            """)
        #expect(lines(config) == [3, 4, 5, 6])
        #expect(config.problems[0].column == 9)
        #expect(config.problems[0].message.hasPrefix("unknown modifier 'ctl'"))
        #expect(config.problems[0].message.hasSuffix("(for quit)"))
        #expect(config.problems[1].message.hasPrefix("help must be a key such as \"y\""))
        #expect(config.problems[2].message == "filter needs at least one key")
        #expect(config.problems[3].message == "keys are written as strings, such as \"ctrl+d\"")
        #expect(config.keyBindings == .defaults)
    }

    @Test func conflictsKeepTheDefaultOfTheLaterRemap() {
        let config = Configuration.parse("""
            [keys.approvals]
            approve = "Y"
            reject = "Y"
            """)
        #expect(lines(config) == [3])
        #expect(config.problems[0].message == "Y for 'reject in approvals' is already bound to 'approve in approvals'; reject keeps r")
        #expect(keys(config, .approve, .pane(.approvals)) == ["Y"])
        #expect(keys(config, .reject, .pane(.approvals)) == ["r"])
    }

    @Test func aRemapOntoAnUnchangedDefaultGivesWay() {
        let config = Configuration.parse("[keys]\napprove = \"q\"\nrefresh = \"u\"\n")
        #expect(lines(config) == [2, 3])
        #expect(config.problems[0].message == "q for 'approve in approvals' is already bound to 'quit'; approve keeps a")
        #expect(config.problems[1].message == "u for 'refresh' is already bound to 'undo'; refresh keeps ctrl+r")
        #expect(config.keyBindings == .defaults)
        #expect(config.keyBindings.conflicts().isEmpty)
    }

    @Test func swappingKeysIsNotAConflict() {
        let config = Configuration.parse("[keys]\nquit = \"a\"\napprove = \"q\"\n")
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(keys(config, .quit) == ["a"])
        #expect(keys(config, .approve, .pane(.approvals)) == ["q"])
    }

    @Test func undoingOneRemapCanUncoverAnother() {
        // edit → r collides with approve → r and gives way (written later); its default e then
        // collides with reject → e, which gives way; reject's default r collides with approve.
        let config = Configuration.parse("[keys.approvals]\napprove = \"r\"\nreject = \"e\"\nedit = \"r\"\n")
        #expect(lines(config) == [2, 3, 4])
        #expect(config.problems[0].message == "r for 'approve in approvals' is already bound to 'reject in approvals'; approve keeps a")
        #expect(config.keyBindings == .defaults)
    }

    @Test func aRemapFromTheKeysSectionGivesWayOnAConflict() {
        let config = Configuration.parse("[keys]\nedit = \"a\"\n")
        #expect(lines(config) == [2])
        #expect(keys(config, .edit, .pane(.approvals)) == ["e"])
        #expect(keys(config, .approve, .pane(.approvals)) == ["a"])
    }

    @Test func uiSettingsAreChecked() {
        let config = Configuration.parse("""
            [ui]
            theme = "../x"
            refresh_seconds = 0
            mouse = "yes"
            colour = true
            """)
        #expect(lines(config) == [2, 3, 4, 5])
        #expect(config.problems[1].message == "refresh_seconds must be a whole number of seconds from 1 to 3600")
        #expect(config.problems[2].message == "mouse must be true or false")
        #expect(config.problems[3].message.hasPrefix("unknown setting 'colour' in [ui]"))
        #expect(config.theme == "dark")
        #expect(config.refreshSeconds == 2)
        #expect(!config.mouse)
        #expect(Configuration.parse("[ui]\nrefresh_seconds = 1.5").problems.count == 1)
    }

    @Test func unknownSectionsAreReported() {
        let config = Configuration.parse("theme = \"light\"\n[key]\nquit = \"x\"\n")
        #expect(lines(config) == [1, 2])
        #expect(config.problems[0].message == "unknown setting 'theme'; it belongs under [ui]")
        #expect(config.problems[1].message == "unknown setting 'key'; did you mean 'keys'?")
        #expect(Configuration.parse("keys = 1").problems.first?.message == "'keys' must be a table: [keys]")
    }

    @Test func aBrokenFileIsIgnoredWithItsLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("socialdeck/config.toml", "[ui]\ntheme = \"light\"\nmouse = no\n")
        let config = Configuration.load(environment: dir.environment)
        #expect(config.problems == [ConfigurationProblem(file: path, line: 3, column: 9, message: "expected a value; a string needs quotes, as in \"no\"; the file is ignored")])
        #expect(config.theme == "dark", "nothing from a broken file applies")
    }

    @Test func unreadableConfigIsReported() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/socialdeck/config.toml", withIntermediateDirectories: true)
        let config = Configuration.load(environment: dir.environment)
        #expect(config.problems.map(\.message) == ["the file is ignored: it is a directory"])
        #expect(config.problems.first?.line == nil)
    }

    @Test func aSymlinkedConfigIsFollowed() throws {
        let dir = try TemporaryDirectory()
        let real = try dir.write("dotfiles/socialdeck.toml", "[ui]\nmouse = true\n")
        try FileManager.default.createDirectory(atPath: dir.path + "/socialdeck", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/socialdeck/config.toml", withDestinationPath: real)
        let config = Configuration.load(environment: dir.environment)
        #expect(config.problems.isEmpty)
        #expect(config.mouse == true)
    }

    @Test func crlfAndBOMConfig() throws {
        let dir = try TemporaryDirectory()
        try dir.write("socialdeck/config.toml", "\u{FEFF}[keys]\r\n\tapprove\t= \"Y\"\r\n\tbogus = \"z\"\r\n")
        let config = Configuration.load(environment: dir.environment)
        #expect(keys(config, .approve, .pane(.approvals)) == ["Y"])
        #expect(config.problems.map(\.line) == [3])
        #expect(config.problems.first?.column == 2)
    }
}
