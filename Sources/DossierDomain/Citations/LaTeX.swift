import Foundation

/// LaTeX text in BibTeX fields, decoded to Unicode and encoded from it.
package enum LaTeX {
    // MARK: Decoding

    package static let accents: [String: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}",
        "c": "\u{0327}", "k": "\u{0328}", "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
        "t": "\u{0361}",
    ]

    package static let symbols: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
        "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "\u{2013}", "textemdash": "\u{2014}", "textquoteleft": "\u{2018}",
        "textquoteright": "\u{2019}", "textquotedblleft": "\u{201C}", "textquotedblright": "\u{201D}",
        "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textbar": "|",
        "textless": "<", "textgreater": ">", "textunderscore": "_", "textdollar": "$",
        "textpercent": "%", "textampersand": "&", "textbraceleft": "{", "textbraceright": "}",
        "dots": "…", "ldots": "…", "textellipsis": "…", "S": "§", "P": "¶", "copyright": "©",
        "textsection": "§", "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
        "guillemetright": "»", "flqq": "«", "frqq": "»", "textnumero": "№", "No": "№",
        "quotedblbase": "„", "textquotedbl": "\"", "nobreakspace": " ", "space": " ",
        "textdegree": "°", "pounds": "£", "euro": "€", "LaTeX": "LaTeX", "TeX": "TeX",
    ]

    /// Commands whose argument is kept as text (formatting dropped).
    package static let wrappers: Set<String> = [
        "emph", "textit", "textbf", "textsc", "textup", "textrm", "textsf", "texttt", "textsl",
        "textnormal", "mbox", "hbox", "text", "mkbibemph", "mkbibitalic", "mkbibbold", "NoCaseChange",
        "nocase", "url", "foreignlanguage", "textenglish", "textrussian", "ensuremath", "mathrm",
        "textsuperscript", "textsubscript", "uppercase", "lowercase", "MakeUppercase", "MakeLowercase",
    ]

    /// Decodes LaTeX markup to Unicode text: accents (`{\"u}`, `\'{e}`,
    /// `{\v c}`), escaped specials (`\&`, `\%`, `\$`, `\#`, `\_`, `\{`,
    /// `\}`), named symbols, `\enquote{…}` and ``` ``…'' ``` quotes, `--`
    /// and `---` dashes (kept as hyphens when `pages` is true), `~` as a
    /// space; protective braces and formatting commands are dropped and
    /// white space is collapsed.
    package static func decode(_ raw: String, pages: Bool = false) -> String {
        var chars = Array(raw)
        // The decoder recurses into groups; absurdly deep nesting is read
        // without its braces rather than risk the stack.
        var depth = 0, deepest = 0
        for c in chars {
            if c == "{" { depth += 1; deepest = max(deepest, depth) } else if c == "}" { depth -= 1 }
        }
        if deepest > 64 { chars.removeAll { $0 == "{" || $0 == "}" } }
        var decoder = Decoder(chars: chars, pages: pages)
        let text = decoder.run()
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
        return collapsed.precomposedStringWithCanonicalMapping
    }

    package struct Decoder {
        package let chars: [Character]
        package let pages: Bool
        package var index = 0
        package var quoteDepth = 0

        package init(chars: [Character], pages: Bool) {
            self.chars = chars
            self.pages = pages
        }

        package mutating func run() -> String {
            var out = ""
            while index < chars.count { out += step() }
            return out
        }

        /// Text of a `{…}` group starting at `index` (which is at `{`), or of
        /// the next single token.
        package mutating func argument() -> String {
            while index < chars.count, chars[index] == " " { index += 1 }
            guard index < chars.count else { return "" }
            if chars[index] == "{" {
                index += 1
                var out = ""
                while index < chars.count, chars[index] != "}" { out += step() }
                if index < chars.count { index += 1 }
                return out
            }
            return step()
        }

        package mutating func skipGroup() {
            while index < chars.count, chars[index] == " " { index += 1 }
            guard index < chars.count, chars[index] == "{" else { return }
            var depth = 0
            while index < chars.count {
                if chars[index] == "\\" { index += 2; continue }
                if chars[index] == "{" { depth += 1 }
                if chars[index] == "}" { depth -= 1; if depth == 0 { index += 1; return } }
                index += 1
            }
        }

        package mutating func step() -> String {
            let c = chars[index]
            switch c {
            case "{":
                index += 1
                var out = ""
                while index < chars.count, chars[index] != "}" { out += step() }
                if index < chars.count { index += 1 }
                return out
            case "}":
                index += 1
                return ""
            case "\\":
                return command()
            case "~":
                index += 1
                return " "
            case "$":
                index += 1
                return ""
            case "-":
                var count = 0
                while index < chars.count, chars[index] == "-" { count += 1; index += 1 }
                if pages { return "-" }
                switch count {
                case 1: return "-"
                case 2: return "\u{2013}"
                case 3: return "\u{2014}"
                default: return String(repeating: "-", count: count)
                }
            case "`":
                index += 1
                if index < chars.count, chars[index] == "`" { index += 1; return "\u{201C}" }
                return "\u{2018}"
            case "'":
                index += 1
                if index < chars.count, chars[index] == "'" { index += 1; return "\u{201D}" }
                return "'"
            default:
                index += 1
                return String(c)
            }
        }

        package mutating func command() -> String {
            index += 1  // backslash
            guard index < chars.count else { return "\\" }
            let first = chars[index]
            if !first.isLetter || !first.isASCII {
                index += 1
                let name = String(first)
                if let mark = accents[name] { return combine(argument(), mark) }
                switch first {
                case "\\": return " "
                case " ": return " "
                case ",", ";", ":": return " "
                case "!", "/", "-", "@": return ""
                default: return name  // \& \% \$ \# \_ \{ \}
                }
            }
            var name = ""
            while index < chars.count, chars[index].isASCII, chars[index].isLetter {
                name.append(chars[index])
                index += 1
            }
            if let mark = accents[name] { return combine(argument(), mark) }
            if let symbol = symbols[name] {
                // TeX swallows spaces after a control word, and `{}` ends it.
                while index < chars.count, chars[index] == " " { index += 1 }
                if index + 1 < chars.count, chars[index] == "{", chars[index + 1] == "}" { index += 2 }
                return symbol
            }
            if name == "enquote" || name == "mkbibquote" || name == "enquotestar" {
                if index < chars.count, chars[index] == "*" { index += 1 }
                quoteDepth += 1
                let inner = argument()
                quoteDepth -= 1
                return quoteDepth == 0 ? "\u{201C}" + inner + "\u{201D}" : "\u{2018}" + inner + "\u{2019}"
            }
            if name == "href" {
                skipGroup()
                return argument()
            }
            if wrappers.contains(name) {
                if name == "foreignlanguage" { skipGroup() }
                let inner = argument()
                switch name {
                case "uppercase", "MakeUppercase": return inner.uppercased()
                case "lowercase", "MakeLowercase": return inner.lowercased()
                default: return inner
                }
            }
            // Unknown command: drop it, keep a following group's text.
            while index < chars.count, chars[index] == " " { index += 1 }
            if index < chars.count, chars[index] == "{" { return argument() }
            return ""
        }

        package func combine(_ base: String, _ mark: Unicode.Scalar) -> String {
            guard var first = base.unicodeScalars.first else { return String(Character(mark)) }
            if first == "ı" { first = "i" }
            if first == "ȷ" { first = "j" }
            var scalars = String.UnicodeScalarView()
            scalars.append(first)
            scalars.append(mark)
            scalars.append(contentsOf: base.unicodeScalars.dropFirst())
            return String(scalars).precomposedStringWithCanonicalMapping
        }
    }

    // MARK: Encoding

    package static let reverseAccents: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [:]
        for (name, mark) in accents where name != "t" { map[mark] = name }
        return map
    }()

    package static let reverseSymbols: [Character: String] = [
        "ß": "\\ss", "ø": "\\o", "Ø": "\\O", "å": "\\aa", "Å": "\\AA", "æ": "\\ae", "Æ": "\\AE",
        "œ": "\\oe", "Œ": "\\OE", "ł": "\\l", "Ł": "\\L", "ı": "\\i", "ð": "\\dh", "Ð": "\\DH",
        "þ": "\\th", "Þ": "\\TH", "§": "\\S", "¶": "\\P", "©": "\\copyright", "…": "\\dots",
        "£": "\\pounds", "№": "\\textnumero",
    ]

    package static func asciiForm(_ character: Character) -> String? {
        switch character {
        case "\u{2013}": return "--"
        case "\u{2014}": return "---"
        case "\u{201C}": return "``"
        case "\u{201D}": return "''"
        case "\u{2018}": return "`"
        case "\u{2019}": return "'"
        default: break
        }
        if let symbol = reverseSymbols[character] { return "{" + symbol + "}" }
        let decomposed = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = decomposed.first, base.isASCII, decomposed.count == 2,
              let mark = decomposed.dropFirst().first, let command = reverseAccents[mark] else { return nil }
        let letter = base == "i" ? "\\i" : base == "j" ? "\\j" : String(Character(base))
        return command.first!.isLetter ? "{\\\(command) \(letter)}" : "{\\\(command)\(letter)}"
    }
}
