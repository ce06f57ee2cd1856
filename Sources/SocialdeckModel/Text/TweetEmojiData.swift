/// The emoji twitter-text 3.1.0 counts as one character of weight 2 (its emoji pattern, about
/// Emoji 12.1 plus a few Emoji 13.0 sequences, as twemoji drew them). Only sequences of more than
/// one scalar are listed: a lone emoji weighs 2 whether or not it is listed, because none lies in
/// the light ranges. Data transcribed from twitter-text (Apache-2.0, Copyright 2018 Twitter, Inc.),
/// checked against its Java implementation.
enum TweetEmojiData {
    /// Zero-width-joiner sequences and toned couples. `~` after the first emoji stands for no
    /// skin tone or any of the five (U+1F3FB...U+1F3FF). Entries are separated by spaces.
    static let sequences = """
    👨~‍⚕️ 👨~‍⚖️ 👨~‍✈️ 👨~‍🌾 👨~‍🍳 👨~‍🎓 👨~‍🎤 👨~‍🎨 👨~‍🏫 👨~‍🏭 👨~‍💻
    👨~‍💼 👨~‍🔧 👨~‍🔬 👨~‍🚀 👨~‍🚒 👨~‍🦯 👨~‍🦰 👨~‍🦱 👨~‍🦲 👨~‍🦳 👨~‍🦼 👨~‍🦽
    👩~‍⚕️ 👩~‍⚖️ 👩~‍✈️ 👩~‍🌾 👩~‍🍳 👩~‍🎓 👩~‍🎤 👩~‍🎨 👩~‍🏫 👩~‍🏭 👩~‍💻
    👩~‍💼 👩~‍🔧 👩~‍🔬 👩~‍🚀 👩~‍🚒 👩~‍🦯 👩~‍🦰 👩~‍🦱 👩~‍🦲 👩~‍🦳 👩~‍🦼 👩~‍🦽
    🧑~‍⚕️ 🧑~‍⚖️ 🧑~‍✈️ 🧑~‍🌾 🧑~‍🍳 🧑~‍🎓 🧑~‍🎤 🧑~‍🎨 🧑~‍🏫 🧑~‍🏭 🧑~‍💻
    🧑~‍💼 🧑~‍🔧 🧑~‍🔬 🧑~‍🚀 🧑~‍🚒 🧑~‍🦯 🧑~‍🦰 🧑~‍🦱 🧑~‍🦲 🧑~‍🦳 🧑~‍🦼 🧑~‍🦽
    🏃~‍♀️ 🏃~‍♂️ 🏄~‍♀️ 🏄~‍♂️ 🏊~‍♀️ 🏊~‍♂️ 👮~‍♀️ 👮~‍♂️ 👱~‍♀️ 👱~‍♂️
    👳~‍♀️ 👳~‍♂️ 👷~‍♀️ 👷~‍♂️ 💁~‍♀️ 💁~‍♂️ 💂~‍♀️ 💂~‍♂️ 💆~‍♀️ 💆~‍♂️
    💇~‍♀️ 💇~‍♂️ 🙅~‍♀️ 🙅~‍♂️ 🙆~‍♀️ 🙆~‍♂️ 🙇~‍♀️ 🙇~‍♂️ 🙋~‍♀️ 🙋~‍♂️
    🙍~‍♀️ 🙍~‍♂️ 🙎~‍♀️ 🙎~‍♂️ 🚣~‍♀️ 🚣~‍♂️ 🚴~‍♀️ 🚴~‍♂️ 🚵~‍♀️ 🚵~‍♂️
    🚶~‍♀️ 🚶~‍♂️ 🤦~‍♀️ 🤦~‍♂️ 🤵~‍♀️ 🤵~‍♂️ 🤷~‍♀️ 🤷~‍♂️ 🤸~‍♀️ 🤸~‍♂️
    🤹~‍♀️ 🤹~‍♂️ 🤽~‍♀️ 🤽~‍♂️ 🤾~‍♀️ 🤾~‍♂️ 🦸~‍♀️ 🦸~‍♂️ 🦹~‍♀️ 🦹~‍♂️
    🧍~‍♀️ 🧍~‍♂️ 🧎~‍♀️ 🧎~‍♂️ 🧏~‍♀️ 🧏~‍♂️ 🧖~‍♀️ 🧖~‍♂️ 🧗~‍♀️ 🧗~‍♂️
    🧘~‍♀️ 🧘~‍♂️ 🧙~‍♀️ 🧙~‍♂️ 🧚~‍♀️ 🧚~‍♂️ 🧛~‍♀️ 🧛~‍♂️ 🧜~‍♀️ 🧜~‍♂️
    🧝~‍♀️ 🧝~‍♂️ 👨🏻‍🤝‍👨🏼 👨🏻‍🤝‍👨🏽 👨🏻‍🤝‍👨🏾 👨🏻‍🤝‍👨🏿 👨🏼‍🤝‍👨🏻 👨🏼‍🤝‍👨🏽
    👨🏼‍🤝‍👨🏾 👨🏼‍🤝‍👨🏿 👨🏽‍🤝‍👨🏻 👨🏽‍🤝‍👨🏼 👨🏽‍🤝‍👨🏾 👨🏽‍🤝‍👨🏿 👨🏾‍🤝‍👨🏻
    👨🏾‍🤝‍👨🏼 👨🏾‍🤝‍👨🏽 👨🏾‍🤝‍👨🏿 👨🏿‍🤝‍👨🏻 👨🏿‍🤝‍👨🏼 👨🏿‍🤝‍👨🏽 👨🏿‍🤝‍👨🏾
    👩🏻‍🤝‍👨🏼 👩🏻‍🤝‍👨🏽 👩🏻‍🤝‍👨🏾 👩🏻‍🤝‍👨🏿 👩🏻‍🤝‍👩🏼 👩🏻‍🤝‍👩🏽 👩🏻‍🤝‍👩🏾
    👩🏻‍🤝‍👩🏿 👩🏼‍🤝‍👨🏻 👩🏼‍🤝‍👨🏽 👩🏼‍🤝‍👨🏾 👩🏼‍🤝‍👨🏿 👩🏼‍🤝‍👩🏻 👩🏼‍🤝‍👩🏽
    👩🏼‍🤝‍👩🏾 👩🏼‍🤝‍👩🏿 👩🏽‍🤝‍👨🏻 👩🏽‍🤝‍👨🏼 👩🏽‍🤝‍👨🏾 👩🏽‍🤝‍👨🏿 👩🏽‍🤝‍👩🏻
    👩🏽‍🤝‍👩🏼 👩🏽‍🤝‍👩🏾 👩🏽‍🤝‍👩🏿 👩🏾‍🤝‍👨🏻 👩🏾‍🤝‍👨🏼 👩🏾‍🤝‍👨🏽 👩🏾‍🤝‍👨🏿
    👩🏾‍🤝‍👩🏻 👩🏾‍🤝‍👩🏼 👩🏾‍🤝‍👩🏽 👩🏾‍🤝‍👩🏿 👩🏿‍🤝‍👨🏻 👩🏿‍🤝‍👨🏼 👩🏿‍🤝‍👨🏽
    👩🏿‍🤝‍👨🏾 👩🏿‍🤝‍👩🏻 👩🏿‍🤝‍👩🏼 👩🏿‍🤝‍👩🏽 👩🏿‍🤝‍👩🏾 🧑🏻‍🤝‍🧑🏻 🧑🏻‍🤝‍🧑🏼
    🧑🏻‍🤝‍🧑🏽 🧑🏻‍🤝‍🧑🏾 🧑🏻‍🤝‍🧑🏿 🧑🏼‍🤝‍🧑🏻 🧑🏼‍🤝‍🧑🏼 🧑🏼‍🤝‍🧑🏽 🧑🏼‍🤝‍🧑🏾
    🧑🏼‍🤝‍🧑🏿 🧑🏽‍🤝‍🧑🏻 🧑🏽‍🤝‍🧑🏼 🧑🏽‍🤝‍🧑🏽 🧑🏽‍🤝‍🧑🏾 🧑🏽‍🤝‍🧑🏿 🧑🏾‍🤝‍🧑🏻
    🧑🏾‍🤝‍🧑🏼 🧑🏾‍🤝‍🧑🏽 🧑🏾‍🤝‍🧑🏾 🧑🏾‍🤝‍🧑🏿 🧑🏿‍🤝‍🧑🏻 🧑🏿‍🤝‍🧑🏼 🧑🏿‍🤝‍🧑🏽
    🧑🏿‍🤝‍🧑🏾 🧑🏿‍🤝‍🧑🏿 🧑‍🤝‍🧑 👫🏻 👫🏼 👫🏽 👫🏾 👫🏿 👬🏻 👬🏼 👬🏽 👬🏾 👬🏿 👭🏻 👭🏼 👭🏽
    👭🏾 👭🏿 ⛹️‍♀️ ⛹️‍♂️ ⛹🏻‍♀️ ⛹🏻‍♂️ ⛹🏼‍♀️ ⛹🏼‍♂️ ⛹🏽‍♀️ ⛹🏽‍♂️ ⛹🏾‍♀️
    ⛹🏾‍♂️ ⛹🏿‍♀️ ⛹🏿‍♂️ 🏋️‍♀️ 🏋️‍♂️ 🏋🏻‍♀️ 🏋🏻‍♂️ 🏋🏼‍♀️ 🏋🏼‍♂️ 🏋🏽‍♀️
    🏋🏽‍♂️ 🏋🏾‍♀️ 🏋🏾‍♂️ 🏋🏿‍♀️ 🏋🏿‍♂️ 🏌️‍♀️ 🏌️‍♂️ 🏌🏻‍♀️ 🏌🏻‍♂️ 🏌🏼‍♀️
    🏌🏼‍♂️ 🏌🏽‍♀️ 🏌🏽‍♂️ 🏌🏾‍♀️ 🏌🏾‍♂️ 🏌🏿‍♀️ 🏌🏿‍♂️ 🕴️‍♀️ 🕴️‍♂️ 🕴🏻‍♀️
    🕴🏻‍♂️ 🕴🏼‍♀️ 🕴🏼‍♂️ 🕴🏽‍♀️ 🕴🏽‍♂️ 🕴🏾‍♀️ 🕴🏾‍♂️ 🕴🏿‍♀️ 🕴🏿‍♂️ 🕵️‍♀️
    🕵️‍♂️ 🕵🏻‍♀️ 🕵🏻‍♂️ 🕵🏼‍♀️ 🕵🏼‍♂️ 🕵🏽‍♀️ 🕵🏽‍♂️ 🕵🏾‍♀️ 🕵🏾‍♂️ 🕵🏿‍♀️
    🕵🏿‍♂️ 👨‍❤️‍💋‍👨 👩‍❤️‍💋‍👨 👩‍❤️‍💋‍👩 👨‍👨‍👦‍👦 👨‍👨‍👧‍👦 👨‍👨‍👧‍👧
    👨‍👩‍👦‍👦 👨‍👩‍👧‍👦 👨‍👩‍👧‍👧 👩‍👩‍👦‍👦 👩‍👩‍👧‍👦 👩‍👩‍👧‍👧 👨‍❤️‍👨
    👩‍❤️‍👨 👩‍❤️‍👩 🏳️‍⚧️ 👨‍👦‍👦 👨‍👧‍👦 👨‍👧‍👧 👨‍👨‍👦 👨‍👨‍👧 👨‍👩‍👦
    👨‍👩‍👧 👩‍👦‍👦 👩‍👧‍👦 👩‍👧‍👧 👩‍👩‍👦 👩‍👩‍👧 🏳️‍🌈 🏴‍☠️ 👯‍♀️ 👯‍♂️ 🤼‍♀️
    🤼‍♂️ 🧞‍♀️ 🧞‍♂️ 🧟‍♀️ 🧟‍♂️ 🐕‍🦺 👁‍🗨 👨‍👦 👨‍👧 👩‍👦 👩‍👧
    """

    /// Emoji that take U+FE0F into one emoji, and are not emoji when U+FE0E follows.
    static let variationBases: [ClosedRange<UInt32>] = [
        0x203C...0x203C, 0x2049...0x2049, 0x2139...0x2139, 0x2194...0x2199, 0x21A9...0x21AA, 0x231A...0x231B,
        0x2328...0x2328, 0x23CF...0x23CF, 0x23ED...0x23EF, 0x23F1...0x23F2, 0x23F8...0x23FA, 0x24C2...0x24C2,
        0x25AA...0x25AB, 0x25B6...0x25B6, 0x25C0...0x25C0, 0x25FB...0x25FE, 0x2600...0x2604, 0x260E...0x260E,
        0x2611...0x2611, 0x2614...0x2615, 0x2618...0x2618, 0x2620...0x2620, 0x2622...0x2623, 0x2626...0x2626,
        0x262A...0x262A, 0x262E...0x262F, 0x2638...0x263A, 0x2640...0x2640, 0x2642...0x2642, 0x2648...0x2653,
        0x2660...0x2660, 0x2663...0x2663, 0x2665...0x2666, 0x2668...0x2668, 0x267B...0x267B, 0x267F...0x267F,
        0x2692...0x2697, 0x2699...0x2699, 0x269B...0x269C, 0x26A0...0x26A1, 0x26A7...0x26A7, 0x26AA...0x26AB,
        0x26B0...0x26B1, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26C8...0x26C8, 0x26CF...0x26CF, 0x26D1...0x26D1,
        0x26D3...0x26D4, 0x26E9...0x26EA, 0x26F0...0x26F5, 0x26F8...0x26F8, 0x26FA...0x26FA, 0x26FD...0x26FD,
        0x2702...0x2702, 0x2708...0x2709, 0x270F...0x270F, 0x2712...0x2712, 0x2714...0x2714, 0x2716...0x2716,
        0x271D...0x271D, 0x2721...0x2721, 0x2733...0x2734, 0x2744...0x2744, 0x2747...0x2747, 0x2757...0x2757,
        0x2763...0x2764, 0x27A1...0x27A1, 0x2934...0x2935, 0x2B05...0x2B07, 0x2B1B...0x2B1C, 0x2B50...0x2B50,
        0x2B55...0x2B55, 0x3030...0x3030, 0x303D...0x303D, 0x3297...0x3297, 0x3299...0x3299, 0x1F004...0x1F004,
        0x1F170...0x1F171, 0x1F17E...0x1F17F, 0x1F202...0x1F202, 0x1F21A...0x1F21A, 0x1F22F...0x1F22F, 0x1F237...0x1F237,
        0x1F321...0x1F321, 0x1F324...0x1F32C, 0x1F336...0x1F336, 0x1F37D...0x1F37D, 0x1F396...0x1F397, 0x1F399...0x1F39B,
        0x1F39E...0x1F39F, 0x1F3CD...0x1F3CE, 0x1F3D4...0x1F3DF, 0x1F3F3...0x1F3F3, 0x1F3F5...0x1F3F5, 0x1F3F7...0x1F3F7,
        0x1F43F...0x1F43F, 0x1F441...0x1F441, 0x1F4FD...0x1F4FD, 0x1F549...0x1F54A, 0x1F56F...0x1F570, 0x1F573...0x1F573,
        0x1F576...0x1F579, 0x1F587...0x1F587, 0x1F58A...0x1F58D, 0x1F5A5...0x1F5A5, 0x1F5A8...0x1F5A8, 0x1F5B1...0x1F5B2,
        0x1F5BC...0x1F5BC, 0x1F5C2...0x1F5C4, 0x1F5D1...0x1F5D3, 0x1F5DC...0x1F5DE, 0x1F5E1...0x1F5E1, 0x1F5E3...0x1F5E3,
        0x1F5E8...0x1F5E8, 0x1F5EF...0x1F5EF, 0x1F5F3...0x1F5F3, 0x1F5FA...0x1F5FA, 0x1F6CB...0x1F6CB, 0x1F6CD...0x1F6CF,
        0x1F6E0...0x1F6E5, 0x1F6E9...0x1F6E9, 0x1F6F0...0x1F6F0, 0x1F6F3...0x1F6F3,
    ]

    /// Skin-tone bases that also take U+FE0F (before the tone) and refuse U+FE0E.
    static let variationModifierBases: [ClosedRange<UInt32>] = [
        0x261D...0x261D, 0x26F7...0x26F7, 0x26F9...0x26F9, 0x270C...0x270D, 0x1F3CB...0x1F3CC, 0x1F574...0x1F575,
        0x1F590...0x1F590,
    ]

    /// Skin-tone bases that take a tone but no variation selector.
    static let modifierBases: [ClosedRange<UInt32>] = [
        0x270A...0x270B, 0x1F385...0x1F385, 0x1F3C2...0x1F3C4, 0x1F3C7...0x1F3C7, 0x1F3CA...0x1F3CA, 0x1F442...0x1F443,
        0x1F446...0x1F450, 0x1F466...0x1F469, 0x1F46E...0x1F46E, 0x1F470...0x1F478, 0x1F47C...0x1F47C, 0x1F481...0x1F483,
        0x1F485...0x1F487, 0x1F4AA...0x1F4AA, 0x1F57A...0x1F57A, 0x1F595...0x1F596, 0x1F645...0x1F647, 0x1F64B...0x1F64F,
        0x1F6A3...0x1F6A3, 0x1F6B4...0x1F6B6, 0x1F6C0...0x1F6C0, 0x1F6CC...0x1F6CC, 0x1F90F...0x1F90F, 0x1F918...0x1F91C,
        0x1F91E...0x1F91F, 0x1F926...0x1F926, 0x1F930...0x1F939, 0x1F93D...0x1F93E, 0x1F9B5...0x1F9B6, 0x1F9B8...0x1F9B9,
        0x1F9BB...0x1F9BB, 0x1F9CD...0x1F9CF, 0x1F9D1...0x1F9DD,
    ]

    /// Flags: pairs of regional indicators, written as the two letters they stand for.
    static let flags = """
    AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CP CR CU CV CW CX CY CZ DE DG DJ DK DM DO
    DZ EA EC EE EG EH ER ES ET EU FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT
    GU GW GY HK HM HN HR HT HU IC ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR
    KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM UN US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA
    ZM ZW
    """

    /// Subdivision flags: a black flag, tag letters, and a cancel tag (England, Scotland, Wales).
    static let tagSequences: [[UInt32]] = [
        [0x1F3F4, 0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067, 0xE007F],
        [0x1F3F4, 0xE0067, 0xE0062, 0xE0073, 0xE0063, 0xE0074, 0xE007F],
        [0x1F3F4, 0xE0067, 0xE0062, 0xE0077, 0xE006C, 0xE0073, 0xE007F],
    ]
}
