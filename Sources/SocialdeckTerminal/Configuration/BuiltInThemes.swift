/// The shipped themes, compiled in so socialdeck needs no files: copies of
/// `Themes/*.toml`, which a test checks byte for byte. After editing a theme
/// file, paste its text between the delimiters below.
enum BuiltInThemes {
    static func text(named name: String) -> String? {
        switch name {
        case "dark": return dark
        case "light": return light
        case "high-contrast": return highContrast
        case "colorblind": return colorblind
        default: return nil
        }
    }

    /// `Themes/dark.toml`
    static let dark = #"""
# socialdeck's default theme. It is compiled into the binary, sets every slot,
# and every other theme starts from it, overriding only what it changes.
# The format is described under "Themes and keys" in README.md.
name = "dark"
description = "Light text on a dark background"

# The palette: styles below name these colours, so a theme that inherits this
# one can recolour the dashboard by changing the palette alone.
[colors]
text = "#c9d1d9"
muted = "#8b949e"
paper = "default"      # the pane background: the terminal's own
bar = "#161b22"        # header and footer
raised = "#2d333b"     # selection, dialogs, input
line = "#444c56"       # borders
accent = "#58a6ff"
good = "#3fb950"
caution = "#d29922"
bad = "#f85149"
info = "#79c0ff"
busy = "#bc8cff"
late = "#f0883e"
facebook = "#4493f8"
instagram = "#f778ba"
x = "#e6edf3"
linkedin = "#56d4dd"
tiktok = "#e3b341"

[styles]
header = { fg = "text", bg = "bar", bold = true }
"header.accent" = { fg = "accent", bg = "bar", bold = true }
"tabs.active" = { fg = "accent", bg = "paper", bold = true, underline = true }
"tabs.inactive" = { fg = "muted", bg = "paper" }
footer = { fg = "muted", bg = "bar" }
"footer.key" = { fg = "accent", bg = "bar", bold = true }
text = { fg = "text", bg = "paper" }
"text.dim" = { fg = "muted", bg = "paper" }
border = { fg = "line", bg = "paper" }
"border.focus" = { fg = "accent", bg = "paper", bold = true }
selection = { fg = "text", bg = "raised", bold = true }

"status.draft" = { fg = "muted", bg = "paper", italic = true }
"status.scheduled" = { fg = "info", bg = "paper" }
"status.publishing" = { fg = "busy", bg = "paper", bold = true }
"status.published" = { fg = "good", bg = "paper" }
"status.failed" = { fg = "bad", bg = "paper", bold = true }
"status.needs_check" = { fg = "caution", bg = "paper", bold = true }
"status.missed" = { fg = "late", bg = "paper", underline = true }

"approval.pending" = { fg = "caution", bg = "paper" }
"approval.approved" = { fg = "good", bg = "paper" }
"approval.rejected" = { fg = "bad", bg = "paper" }

warning = { fg = "caution", bg = "paper", bold = true }
error = { fg = "bad", bg = "paper", bold = true }
success = { fg = "good", bg = "paper" }

# One colour per platform: 1 Facebook, 2 Instagram, 3 X, 4 LinkedIn, 5 TikTok.
"chart.1" = { fg = "facebook", bg = "paper" }
"chart.2" = { fg = "instagram", bg = "paper" }
"chart.3" = { fg = "x", bg = "paper" }
"chart.4" = { fg = "linkedin", bg = "paper" }
"chart.5" = { fg = "tiktok", bg = "paper" }
"chart.axis" = { fg = "muted", bg = "paper" }
sparkline = { fg = "accent", bg = "paper" }

overlimit = { fg = "bad", bg = "paper", bold = true, underline = true }
dialog = { fg = "text", bg = "raised" }
"dialog.border" = { fg = "accent", bg = "raised", bold = true }
input = { fg = "text", bg = "raised" }

"""#

    /// `Themes/light.toml`
    static let light = #"""
# Dark text on a white background, whatever the terminal's own colours.
# It changes only the palette of the built-in dark theme.
name = "light"
description = "Dark text on a white background"

[colors]
text = "#1f2328"
muted = "#59636e"
paper = "#ffffff"
bar = "#eaeef2"
raised = "#ddf4ff"
line = "#afb8c1"
accent = "#0969da"
good = "#1a7f37"
caution = "#9a6700"
bad = "#cf222e"
info = "#0550ae"
busy = "#8250df"
late = "#bc4c00"
facebook = "#0969da"
instagram = "#bf3989"
x = "#1f2328"
linkedin = "#1b7c83"
tiktok = "#953800"

"""#

    /// `Themes/high-contrast.toml`
    static let highContrast = #"""
# Maximum contrast with the 16 ANSI colours only, so it looks the same in
# every terminal: white on black, black on white or yellow for what matters.
name = "high-contrast"
description = "White on black, bold states, 16 colours"

[colors]
text = "bright-white"
muted = "white"
paper = "black"
bar = "bright-white"
raised = "bright-yellow"
line = "bright-white"
accent = "bright-yellow"
good = "bright-green"
caution = "bright-yellow"
bad = "bright-red"
info = "bright-cyan"
busy = "bright-magenta"
late = "bright-yellow"
facebook = "bright-blue"
instagram = "bright-magenta"
x = "bright-white"
linkedin = "bright-cyan"
tiktok = "bright-yellow"

[styles]
header = { fg = "black" }
"header.accent" = { fg = "black", underline = true }
"tabs.active" = { fg = "black", bg = "bright-yellow" }
"tabs.inactive" = { fg = "bright-white" }
footer = { fg = "black" }
"footer.key" = { fg = "black", bg = "bright-yellow", bold = true }
"text.dim" = { fg = "white" }
selection = { fg = "black", bg = "bright-yellow", bold = true }
"status.scheduled" = { bold = true }
"status.published" = { bold = true }
"status.missed" = { bold = true }
"approval.pending" = { bold = true }
"approval.approved" = { bold = true }
"approval.rejected" = { bold = true, underline = true }
success = { bold = true }
dialog = { fg = "bright-white", bg = "black" }
"dialog.border" = { fg = "bright-yellow", bg = "black" }
input = { fg = "black", bg = "bright-white" }

"""#

    /// `Themes/colorblind.toml`
    static let colorblind = #"""
# Colour-blind safe: the Okabe–Ito palette (Okabe & Ito, "Color Universal
# Design", 2008), whose eight colours stay distinct with protanopia,
# deuteranopia and tritanopia. States that matter also differ by attribute,
# so nothing depends on colour alone.
name = "colorblind"
description = "Okabe–Ito palette on a dark background"

[colors]
accent = "#e69f00"     # orange
good = "#009e73"       # bluish green
caution = "#f0e442"    # yellow
bad = "#d55e00"        # vermillion
info = "#56b4e9"       # sky blue
busy = "#0072b2"       # blue
late = "#cc79a7"       # reddish purple
facebook = "#56b4e9"   # sky blue
instagram = "#cc79a7"  # reddish purple
x = "#f0e442"          # yellow
linkedin = "#009e73"   # bluish green
tiktok = "#e69f00"     # orange

[styles]
"status.failed" = { underline = true }
"status.missed" = { italic = true }
"approval.approved" = { bold = true }
"approval.rejected" = { bold = true, underline = true }
error = { underline = true }

"""#
}
