import Foundation

/// Text written into another language: one function per language, so that
/// a rule (which characters, scalar by scalar or character by character)
/// is decided once.
///
/// Most work on Unicode scalars rather than `Character`s: a quote followed
/// by a combining mark is one `Character` but still a quote to a JSON, CSV
/// or YAML reader, and `"\r\n"` is one `Character` but two line-break
/// bytes. A Swift `String` cannot hold a lone surrogate, so none of these
/// needs to handle one. The SQLite wrapper (`DossierStorage`) keeps its own
/// identifier and FTS5 quoting: it sits below this module.
package enum Escaping {
    // MARK: JSON

    /// A JSON string literal, quotes included. Non-ASCII stays as UTF-8;
    /// control characters and U+2028/U+2029 (line breaks to JavaScript)
    /// become `\uXXXX` escapes.
    package static func json(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    package static func json(_ text: String) -> String {
        var out = ""
        json(text, into: &out)
        return out
    }

    // MARK: CSV

    /// How a CSV field that a spreadsheet would run as a formula (one that
    /// starts with `=`, `+`, `-`, `@`, tab or carriage return) is defused:
    /// always with a `'` before it, which spreadsheets show as text.
    package enum FormulaGuard: Sendable {
        /// `'` before a trigger, and the field quoted only when it holds a
        /// comma, quote or line break (stats tables).
        case apostrophe
        /// `'` before a trigger, and such a field always quoted, as is one
        /// that starts with a byte order mark, which a reader would take
        /// for the file's own at the start of a file (listings).
        case apostropheQuoted
        /// `'` also before a leading `'`, so that `dossier import` can take
        /// the `'` off again and read back exactly what was exported
        /// (`SpreadsheetCell`).
        case reversible
    }

    /// One RFC 4180 field: defused as `formulas` says, then in double
    /// quotes (with quotes doubled) when it needs them.
    package static func csvField(_ text: String, formulas: FormulaGuard) -> String {
        let value: String
        switch formulas {
        case .apostrophe, .apostropheQuoted:
            if let first = text.unicodeScalars.first, SpreadsheetCell.triggerScalars.contains(first) {
                value = "'" + text
            } else {
                value = text
            }
        case .reversible:
            value = SpreadsheetCell.neutralised(text)
        }
        var needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        if formulas == .apostropheQuoted, value != text || value.unicodeScalars.first == "\u{FEFF}" {
            needsQuotes = true
        }
        guard needsQuotes else { return value }
        var doubled = "\""
        for scalar in value.unicodeScalars {
            doubled.unicodeScalars.append(scalar)
            if scalar == "\"" { doubled.unicodeScalars.append(scalar) }
        }
        return doubled + "\""
    }

    // MARK: YAML

    /// A YAML double-quoted scalar. Besides C0 controls, DEL, NEL, U+2028,
    /// U+2029 and a byte order mark are escaped: YAML readers treat them as
    /// line breaks or strip them.
    package static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: LaTeX and BibTeX

    /// Escapes the characters BibTeX and biber treat specially
    /// (`\ { } & % $ # _ ~ ^`). With `ascii`, Latin letters with accents
    /// become LaTeX accent commands (`{\"u}`), dashes `--`/`---` and curly
    /// quotes ``` `` ''```, as classic BibTeX needs; Cyrillic and other
    /// scripts stay UTF-8 either way (never `\cyr…` commands).
    /// Character by character: an accented letter is replaced whole.
    package static func latex(_ text: String, ascii: Bool) -> String {
        // Paired curly double quotes become \enquote{…} in BibLaTeX, so
        // that styles nest and localise them (as Better BibTeX writes them).
        let enquote = !ascii && text.filter({ $0 == "\u{201C}" }).count == text.filter({ $0 == "\u{201D}" }).count
        var out = ""
        for character in text {
            switch character {
            case "\u{201C}" where enquote: out += "\\enquote{"
            case "\u{201D}" where enquote: out += "}"
            case "\\": out += "\\textbackslash{}"
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\u{00A0}": out += "~"
            default:
                if ascii, !character.isASCII, let encoded = LaTeX.asciiForm(character) {
                    out += encoded
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// A URL for a BibTeX `url` field (biber and BibTeX read `url` and
    /// `doi` as verbatim fields, so `%` and `#` stay as they are; an
    /// escaped `\%` would be printed with its backslash). Braces and
    /// backslashes, which would unbalance the field and are not allowed in
    /// a URL anyway, are percent-encoded.
    package static func bibtexURL(_ url: String) -> String {
        var out = ""
        for c in url {
            switch c {
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "\\": out += "%5C"
            default: out.append(c)
            }
        }
        return out
    }

    // MARK: RIS

    /// A RIS field value: one line (a RIS reader ends the field at the line
    /// break), without surrounding spaces; nil when nothing is left.
    package static func ris(_ value: String) -> String? {
        let clean = value.split(whereSeparator: \.isNewline).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? nil : clean
    }

    // MARK: HTML, XML, SVG

    /// Text for HTML element content (`&`, `<`, `>`).
    package static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for XML (and SVG) content and attribute values. Characters XML
    /// 1.0 does not allow at all become what `disallowed` makes of them:
    /// U+FFFD unless a format has its own escape (a spreadsheet's
    /// `_xHHHH_`).
    package static func xml(_ text: String, disallowed: (Unicode.Scalar) -> String = { _ in "\u{FFFD}" }) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r": out += disallowed(scalar)
            case "\u{FFFE}", "\u{FFFF}": out += disallowed(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Markdown

    /// Text for Markdown where `*` marks italics.
    package static func markdown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "*" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    // MARK: SQL and shell

    /// A quoted SQL identifier (`"` doubled). Values are bound, never
    /// quoted: there is no SQL string-literal escaper on purpose.
    package static func sqlIdentifier(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            out.unicodeScalars.append(scalar)
            if scalar == "\"" { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// A path or word as one POSIX shell word: unquoted when it is made of
    /// letters, digits and `/._-+:=@` only, else in single quotes (a `'`
    /// inside written `'\''`).
    package static func shellWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "/._-+:=@".unicodeScalars.contains($0)
        }
        if plain && !text.isEmpty { return text }
        var out = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { out += "'\\''" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "'"
    }

    // MARK: Messages

    /// Text in double quotes for a message, with line breaks, tabs and other
    /// control characters shown as Swift escapes, so that a reader sees
    /// what a field really holds.
    package static func visible(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A spreadsheet would run a cell starting with one of these as a formula.
/// `dossier export --format csv` writes such cells with a `'` before them,
/// and the importer takes that `'` off again.
package enum SpreadsheetCell {
    package static let triggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"),
                                               UInt8(ascii: "@"), 0x09, 0x0D]
    static let triggerScalars: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written to a CSV file: `'` put before a formula trigger
    /// (and before a leading `'`, so that the importer's rule reverses it).
    package static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        if triggers.contains(first) || first == UInt8(ascii: "'") { return "'" + text }
        return text
    }

    /// The cell as read: a `'` before a trigger or a `'` is dropped.
    package static func restored(_ text: String) -> String {
        var bytes = text.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "'"), let second = bytes.next(),
              triggers.contains(second) || second == UInt8(ascii: "'") else { return text }
        return String(text.dropFirst())
    }
}
