import Foundation

/// The syntax of a .bib file: entries, `@string` macros (with `#`
/// concatenation), `@comment` and `@preamble`, values in braces, quotes or
/// bare numbers. Text outside entries is a comment, as BibTeX has it.
package struct BibTeXParser {
    package struct Field {
        package var name: String
        /// The value with macros expanded and the outer delimiters removed,
        /// still in LaTeX.
        package var raw: String
        package var line: Int
    }

    package struct Entry {
        package var type: String
        package var key: String
        package var line: Int
        package var fields: [Field]
    }

    package let chars: [Character]
    package let file: String
    package var index = 0
    package var line = 1
    package var macros: [String: String] = [
        "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
        "jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
    ]

    /// The longest value a field or `@string` may have once its macros are
    /// expanded, in characters. The longest fields of real libraries are
    /// abstracts and notes of a few thousand characters; a value longer
    /// than this is a macro that doubles itself, not a bibliography.
    package static let maxValueLength = 100_000
    /// The most characters macro expansion may produce in one file, all
    /// values together. A library of 10,000 entries that names its journal
    /// and month by macro in each expands about a million.
    package static let maxExpandedTotal = 10_000_000

    /// Characters produced by macro expansion so far.
    package var expandedTotal = 0
    /// Work done: characters read and characters copied by expansion.
    /// Tests use it to see that the work grows with the file and no faster.
    package var work = 0
    /// Where a value is being read, for messages: `entry KEY` or
    /// `@string NAME`.
    package var context = ""
    /// The `@string` being defined, to refuse one that names itself.
    package var defining: String?

    package init(text: String, file: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        self.chars = Array(text)
        self.file = file
    }

    package func fail(_ field: String?, _ problem: String, line: Int? = nil) -> SourceParseError {
        SourceParseError(file: file, line: line ?? self.line, field: field, problem: problem)
    }

    package mutating func advance() {
        work += 1
        if chars[index] == "\n" || chars[index] == "\r\n" { line += 1 }
        index += 1
    }

    package mutating func skipWhitespace() {
        while index < chars.count, chars[index].isWhitespace { advance() }
    }

    package mutating func identifier() -> String {
        var name = ""
        while index < chars.count {
            let c = chars[index]
            if c.isWhitespace || "{}(),=#\"@%'".contains(c) { break }
            name.append(c)
            advance()
        }
        return name
    }

    package mutating func entries() throws(SourceParseError) -> [Entry] {
        var result: [Entry] = []
        while index < chars.count {
            if chars[index] == "%" {
                // A comment line, as bibtexparser and biber read them.
                while index < chars.count, !chars[index].isNewline { advance() }
                continue
            }
            guard chars[index] == "@" else { advance(); continue }
            let start = line
            advance()
            skipWhitespace()
            let type = identifier().lowercased()
            skipWhitespace()
            guard !type.isEmpty else {
                throw fail(nil, "\"@\" without an entry type (expected e.g. @article{key, ...})")
            }
            if type == "comment" { continue }
            guard index < chars.count, chars[index] == "{" || chars[index] == "(" else {
                throw fail(nil, "@\(type) is not followed by { or (")
            }
            let close: Character = chars[index] == "{" ? "}" : ")"
            switch type {
            case "comment":
                // As BibTeX reads it: "@comment" is ignored and what follows
                // is text between entries, skipped up to the next "@".
                continue
            case "preamble":
                try skipBalanced(start: start)
            case "string":
                advance()
                skipWhitespace()
                let name = identifier().lowercased()
                guard !name.isEmpty else { throw fail(nil, "@string without a name (expected @string{name = {value}})") }
                skipWhitespace()
                guard index < chars.count, chars[index] == "=" else {
                    throw fail(name, "expected = after the @string name")
                }
                advance()
                context = "@string \(name)"
                defining = name
                macros[name] = try value(field: name)
                defining = nil
                skipWhitespace()
                guard index < chars.count, chars[index] == close else {
                    throw fail(name, "expected \(close) to end the @string", line: line)
                }
                advance()
            default:
                result.append(try entry(type: type, close: close, start: start))
            }
        }
        return result
    }

    package mutating func skipBalanced(start: Int) throws(SourceParseError) {
        var depth = 0
        let open = chars[index]
        let close: Character = open == "{" ? "}" : ")"
        while index < chars.count {
            let c = chars[index]
            if c == open { depth += 1 } else if c == close { depth -= 1 }
            advance()
            if depth == 0 { return }
        }
        throw fail(nil, "unbalanced braces: the block is not closed (expected \(close) before the end of the file)", line: start)
    }

    package mutating func entry(type: String, close: Character, start: Int) throws(SourceParseError) -> Entry {
        advance()
        skipWhitespace()
        var key = ""
        while index < chars.count, chars[index] != ",", chars[index] != close, !chars[index].isNewline {
            key.append(chars[index])
            advance()
        }
        key = key.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else {
            throw fail(nil, "@\(type) entry without a citation key (expected @\(type){key, ...})", line: start)
        }
        if key.contains(where: { "{}\"= ".contains($0) }) {
            throw fail(nil, "invalid citation key \"\(key)\" (a key may not contain spaces, braces, quotes or =)", line: start)
        }
        var entry = Entry(type: type, key: key, line: start, fields: [])
        context = "entry \(key)"
        var names: Set<String> = []
        while true {
            skipWhitespace()
            guard index < chars.count else {
                throw fail(nil, "entry \(key) is not closed (expected \(close) before the end of the file)", line: start)
            }
            if chars[index] == close { advance(); return entry }
            if chars[index] == "," { advance(); continue }
            if chars[index] == "@" {
                throw fail(nil, "entry \(key) is not closed (expected \(close) before the next @ entry)", line: start)
            }
            let fieldLine = line
            let name = identifier().lowercased()
            guard !name.isEmpty else {
                throw fail(nil, "unexpected \"\(chars[index])\" in entry \(key) (expected a field name)")
            }
            skipWhitespace()
            guard index < chars.count, chars[index] == "=" else {
                throw fail(name, "expected = after the field name in entry \(key)")
            }
            advance()
            let raw = try value(field: name)
            guard names.insert(name).inserted else {
                throw fail(name, "the field appears twice in entry \(key)", line: fieldLine)
            }
            entry.fields.append(Field(name: name, raw: raw, line: fieldLine))
            skipWhitespace()
            guard index < chars.count else {
                throw fail(nil, "entry \(key) is not closed (expected \(close) before the end of the file)", line: start)
            }
            guard chars[index] == "," || chars[index] == close else {
                if line > fieldLine {
                    throw fail(name, "unbalanced braces: the value runs on to line \(line) (is a } missing?)", line: fieldLine)
                }
                throw fail(name, "expected , or \(close) after the value (is a value missing its braces or quotes?)")
            }
        }
    }

    /// True when `@type{` or `@type(` starts at `position`: a new entry,
    /// so a value still open there has unbalanced braces or quotes.
    package func startsEntry(at position: Int) -> Bool {
        var cursor = position + 1
        var length = 0
        while cursor < chars.count, chars[cursor].isASCII, chars[cursor].isLetter { cursor += 1; length += 1 }
        while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
        return length > 0 && cursor < chars.count && (chars[cursor] == "{" || chars[cursor] == "(")
    }

    /// One value: parts joined by `#`.
    package mutating func value(field: String) throws(SourceParseError) -> String {
        var out = ""
        var length = 0
        let valueLine = line
        func tooLong() -> SourceParseError {
            fail(field, "the value is longer than \(BibTeXParser.maxValueLength) characters once its @string macros are expanded, in \(context) (expected a value of ordinary length; does a @string repeat itself?)", line: valueLine)
        }
        while true {
            skipWhitespace()
            guard index < chars.count else {
                throw fail(field, "unexpected end of file (expected a value)")
            }
            let start = line
            switch chars[index] {
            case "{":
                advance()
                var depth = 1
                while true {
                    guard index < chars.count else {
                        throw fail(field, "unbalanced braces: the value is not closed (expected } before the end of the file)", line: start)
                    }
                    let c = chars[index]
                    if c == "\\", index + 1 < chars.count, chars[index + 1] == "{" || chars[index + 1] == "}" {
                        out.append(c)
                        advance()
                        out.append(chars[index])
                        advance()
                        length += 2
                        if length > BibTeXParser.maxValueLength { throw tooLong() }
                        continue
                    }
                    if c == "{" { depth += 1 }
                    if c == "}" {
                        depth -= 1
                        if depth == 0 { advance(); break }
                    }
                    if c == "@", index > 0, chars[index - 1].isNewline, startsEntry(at: index) {
                        throw fail(field, "unbalanced braces: the value is not closed before the next @ entry", line: start)
                    }
                    out.append(c)
                    length += 1
                    if length > BibTeXParser.maxValueLength { throw tooLong() }
                    advance()
                }
            case "\"":
                advance()
                var depth = 0
                while true {
                    guard index < chars.count else {
                        throw fail(field, "unterminated string (expected a closing \" before the end of the file)", line: start)
                    }
                    let c = chars[index]
                    if c == "\\", index + 1 < chars.count {
                        out.append(c)
                        advance()
                        out.append(chars[index])
                        advance()
                        length += 2
                        if length > BibTeXParser.maxValueLength { throw tooLong() }
                        continue
                    }
                    if c == "{" { depth += 1 }
                    if c == "}" {
                        depth -= 1
                        if depth < 0 {
                            throw fail(field, "unterminated string (expected a closing \" before })", line: start)
                        }
                    }
                    if c == "\"", depth == 0 { advance(); break }
                    if c == "@", index > 0, chars[index - 1].isNewline, startsEntry(at: index) {
                        throw fail(field, "unterminated string (expected a closing \" before the next @ entry)", line: start)
                    }
                    out.append(c)
                    length += 1
                    if length > BibTeXParser.maxValueLength { throw tooLong() }
                    advance()
                }
                if depth != 0 { throw fail(field, "unbalanced braces inside a quoted value", line: start) }
            default:
                let word = identifier()
                if word.isEmpty {
                    throw fail(field, "expected a value in braces, quotes, a number or a @string name")
                }
                if word.allSatisfy(\.isNumber) {
                    out += word
                    length += word.count
                    if length > BibTeXParser.maxValueLength { throw tooLong() }
                } else if let expansion = macros[word.lowercased()] {
                    let count = expansion.count
                    guard length + count <= BibTeXParser.maxValueLength else { throw tooLong() }
                    guard expandedTotal + count <= BibTeXParser.maxExpandedTotal else {
                        throw fail(field, "@string macros expand to more than \(BibTeXParser.maxExpandedTotal) characters in this file, in \(context) (expected a library whose macros are names of journals, months and the like)", line: start)
                    }
                    expandedTotal += count
                    work += count
                    out += expansion
                    length += count
                } else if let defining, word.lowercased() == defining {
                    throw fail(field, "the @string \(defining) refers to itself, a cycle (expected a value in braces or a @string defined before it)", line: start)
                } else {
                    throw fail(field, "undefined @string macro \"\(word)\" (expected a value in braces or a defined @string)")
                }
            }
            skipWhitespace()
            if index < chars.count, chars[index] == "#" { advance(); continue }
            return out
        }
    }
}
