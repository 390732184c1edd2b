import Foundation

/// One token of a charge: a run of ASCII digits, a run of letters, or one
/// other character. Dashes and quotation marks of every kind are folded to
/// `-` and `"`.
package struct ChargeToken: Sendable, Equatable {
    package enum Kind: Sendable { case number, word, symbol }
    package var kind: Kind
    package var text: String
    /// True when whitespace comes before the token.
    package var spaced: Bool
    /// True for a run of superscript digits (`58¹⁰`).
    package var superscript = false

    package var lower: String { text.lowercased() }

    package func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    package func isWord(_ words: Set<String>) -> Bool { kind == .word && words.contains(lower) }
}

package enum ChargeScanner {
    package static let dashes: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}"]
    package static let quotes: Set<Character> = ["\"", "'", "`", "«", "»", "„", "“", "”", "‘", "’", "‚", "‹", "›"]
    package static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    package static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    package static func tokens(_ text: String) -> [ChargeToken] {
        var tokens: [ChargeToken] = []
        let chars = Array(text)
        var i = 0
        var spaced = false
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                spaced = true
                i += 1
                continue
            }
            if isDigit(c) {
                var j = i
                while j < chars.count, isDigit(chars[j]) { j += 1 }
                tokens.append(ChargeToken(kind: .number, text: String(chars[i..<j]), spaced: spaced))
                i = j
            } else if superscripts[c] != nil {
                var j = i
                var digits = ""
                while j < chars.count, let d = superscripts[chars[j]] { digits.append(d); j += 1 }
                tokens.append(ChargeToken(kind: .number, text: digits, spaced: spaced, superscript: true))
                i = j
            } else if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                tokens.append(ChargeToken(kind: .word, text: String(chars[i..<j]), spaced: spaced))
                i = j
            } else {
                let folded: String
                if dashes.contains(c) { folded = "-" }
                else if quotes.contains(c) { folded = "\"" }
                else { folded = String(c) }
                tokens.append(ChargeToken(kind: .symbol, text: folded, spaced: spaced))
                i += 1
            }
            spaced = false
        }
        return tokens
    }
}

/// A cursor over tokens.
package struct TokenCursor {
    package let tokens: [ChargeToken]
    package var index = 0

    package init(_ tokens: [ChargeToken]) { self.tokens = tokens }

    package var atEnd: Bool { index >= tokens.count }
    package func peek(_ offset: Int = 0) -> ChargeToken? {
        let i = index + offset
        return i >= 0 && i < tokens.count ? tokens[i] : nil
    }
    package mutating func advance(_ n: Int = 1) { index = min(tokens.count, index + n) }

    /// Skips a `.` right after the previous token (`ст.`, `п.`).
    package mutating func skipDot() {
        if let t = peek(), t.isSymbol(".") { advance() }
    }

    /// Skips a word from `words` and the dot after it; true if it did.
    package mutating func skipWord(_ words: Set<String>) -> Bool {
        guard let t = peek(), t.isWord(words) else { return false }
        advance()
        skipDot()
        return true
    }
}
