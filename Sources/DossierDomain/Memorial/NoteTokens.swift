import Foundation

/// A range of a note's text in Unicode code points, counted from 0, end
/// exclusive. SQLite's `substr(note, start + 1, end - start)` gives the same
/// text back, as does Python's `note[start:end]`.
public struct NoteSpan: Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: NoteSpan, b: NoteSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// One word, number or punctuation mark of a note, with where it stands.
package struct NoteToken: Sendable {
    package enum Kind: Sendable { case word, number, punct }
    package var kind: Kind
    /// Code point offsets in the note.
    package var start: Int
    package var end: Int
    /// The token as written.
    package var text: String
    /// Lower case, `ё` read as `е`: what patterns compare against.
    package var lower: String
    /// Whitespace comes right before the token.
    package var spaceBefore: Bool

    package var isWord: Bool { kind == .word }
    package var isNumber: Bool { kind == .number }
    package func isPunct(_ mark: String) -> Bool { kind == .punct && text == mark }
    /// Starts with an upper-case letter.
    package var isCapitalized: Bool { kind == .word && (text.unicodeScalars.first?.properties.isUppercase ?? false) }
    package var numberValue: Int? { kind == .number && text.count <= 9 ? Int(text) : nil }
}

/// A note cut into tokens. Words are runs of letters, numbers runs of ASCII
/// digits, every other visible character is a token of its own.
package struct NoteTokens: Sendable {
    package let text: String
    package let scalars: [Unicode.Scalar]
    package let tokens: [NoteToken]

    package init(_ text: String) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        self.scalars = scalars
        var tokens: [NoteToken] = []
        var index = 0
        var space = false
        func make(_ kind: NoteToken.Kind, _ start: Int, _ end: Int) -> NoteToken {
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<end])
            let written = String(word)
            return NoteToken(kind: kind, start: start, end: end, text: written,
                             lower: NoteTokens.fold(written), spaceBefore: space)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                space = true
                index += 1
                continue
            }
            let start = index
            if NoteTokens.isLetter(scalar) {
                while index < scalars.count, NoteTokens.isLetter(scalars[index]) || NoteTokens.isMark(scalars[index]) { index += 1 }
                tokens.append(make(.word, start, index))
            } else if ("0"..."9").contains(scalar) {
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                tokens.append(make(.number, start, index))
            } else {
                index += 1
                tokens.append(make(.punct, start, index))
            }
            space = false
        }
        self.tokens = tokens
    }

    package static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic && !("0"..."9").contains(scalar) }
    package static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Lower case with `ё` as `е`, the way patterns are written.
    package static func fold(_ text: String) -> String {
        let lower = text.lowercased()
        guard lower.unicodeScalars.contains("ё") else { return lower }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: lower.unicodeScalars.lazy.map { $0 == "ё" ? "е" : $0 })
        return String(view)
    }

    package var count: Int { tokens.count }
    package subscript(index: Int) -> NoteToken { tokens[index] }

    /// The text from the start of token `from` to the end of token `to`
    /// (inclusive), as written.
    package func text(_ from: Int, _ to: Int) -> String { text(span(from, to)) }

    package func span(_ from: Int, _ to: Int) -> NoteSpan { NoteSpan(tokens[from].start, tokens[to].end) }

    package func text(_ span: NoteSpan) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        return String(view)
    }

    /// The lower-case words of tokens `range`, joined by single spaces
    /// (punctuation kept as its own word), for vocabulary look-ups.
    package func words(_ range: Range<Int>) -> String {
        range.map { tokens[$0].lower }.joined(separator: " ")
    }

    /// Letters and digits in a span: what confidence is measured in.
    package func weight(_ span: NoteSpan) -> Int {
        var count = 0
        for scalar in scalars[span.start..<span.end] where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            count += 1
        }
        return count
    }
}
