import Foundation

/// A statute reference before its code is settled.
package struct StatuteRef: Sendable, Hashable {
    /// nil: the text named no code (the default applies).
    package var code: String?
    package var article: Int
    package var part: Int?
    package var letter: Character?

    /// `58-1a`: the reference without its code.
    package var body: String {
        var s = String(article)
        if let part { s += "-\(part)" }
        if let letter { s.append(letter) }
        return s
    }

    package func ref(defaultCode: String) -> String { (code ?? defaultCode) + ":" + body }
}

/// What one charge reads as.
package enum ChargeTerm: Sendable, Hashable {
    case statute(StatuteRef)
    case category(String)
    /// `yyyy-mm-dd`
    case decree(String)
    /// A decree keyword alone (`law`, `указ`): queries only.
    case anyDecree
}

/// Why a piece could not be read.
package enum ChargeFailure: Error, Sendable {
    case unreadable
    case unknownCode(String)
    case twoCodes
    case badDecreeDate
    case unknownOSO(String)
    /// A compressed list (`58-1-2-3-…`) of more parts than any article has.
    case tooManyParts
}

/// Turns text into charge terms; shared by `ChargeParser` and `ChargeQuery`.
package enum ChargeReader {
    package static let expectedForms = "a statute reference like 58-10, ст. 58-1а, UkrSSR-1927:54-10, a category like theft/grandLarceny or КРТД, or a decree like law 7.8.1932"

    package static func unreadable(_ piece: String) -> String {
        "cannot read \"\(piece)\" as a charge (expected \(expectedForms))"
    }

    package static func message(_ failure: ChargeFailure, piece: String) -> String {
        switch failure {
        case .unreadable:
            return unreadable(piece)
        case .unknownCode(let code):
            return "unknown code \"\(code)\" in \"\(piece)\" (expected one of \(StatuteCodes.known.joined(separator: ", ")), or УК РСФСР, УК УССР, УК БССР, УК АзССР)"
        case .twoCodes:
            return "\"\(piece)\" names two codes for one reference (give the code once, e.g. UkrSSR-1927:54-10 or ст. 54-10 УК УССР)"
        case .badDecreeDate:
            return "cannot read the date of the decree in \"\(piece)\" (expected a date like 7.8.1932, 7 августа 1932 or 1932-08-07)"
        case .tooManyParts:
            let shown = piece.count > 40 ? String(piece.prefix(40)) + "…" : piece
            return "a compressed list of more than \(StatuteGrammar.maxParts) parts in \"\(shown)\" (expected at most \(StatuteGrammar.maxParts) parts after an article; article 58 has 14)"
        case .unknownOSO(let code):
            return "unknown OSO code \"\(code)\" in \"\(piece)\" (expected a letter code in Cyrillic like КРТД, or one of \(OSOCodes.known.map(\.latin).joined(separator: ", ")))"
        }
    }

    /// The longest charge text read, in bytes of UTF-8. A defendant's
    /// charges as sources write them (`ст. 58-1а, 58-8, 58-9, 58-11 УК
    /// РСФСР`) take tens of characters, the wordiest a few hundred.
    package static let maxTextLength = 4_000
    /// The most charges one text (a cell, a field, a query) may give,
    /// before the same charge given twice is dropped. The longest lists in
    /// real records name about a dozen articles and parts.
    package static let maxCharges = 100

    /// Reads `;`-separated pieces.
    /// - Parameter defaultCode: nil leaves statute codes unset where the
    ///   text names none.
    package static func read(_ text: String, defaultCode: String?, forQuery: Bool) throws(ChargeError) -> [(ChargeTerm, String)] {
        var work = 0
        return try read(text, defaultCode: defaultCode, forQuery: forQuery, work: &work)
    }

    /// Reads `;`-separated pieces, adding to `work` the tokens scanned and
    /// the terms read: what the growth tests measure.
    package static func read(_ text: String, defaultCode: String?, forQuery: Bool,
                             work: inout Int) throws(ChargeError) -> [(ChargeTerm, String)] {
        let length = text.utf8.count
        guard length <= maxTextLength else {
            throw ChargeError(input: text, problem: "the charges are \(length) bytes long, more than the \(maxTextLength) a charge list may have (expected the charges of one defendant, separated by ;)")
        }
        var result: [(ChargeTerm, String)] = []
        for piece in text.split(separator: ";", omittingEmptySubsequences: true) {
            let raw = piece.trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty { continue }
            do throws(PieceFailure) {
                for term in try readPiece(raw, defaultCode: defaultCode, forQuery: forQuery, work: &work) {
                    result.append((term, raw))
                    work += 1
                }
            } catch {
                throw ChargeError(input: text, problem: message(error.failure, piece: error.piece))
            }
            guard result.count <= maxCharges else {
                throw ChargeError(input: text, problem: "more than \(maxCharges) charges in one list (expected the charges of one defendant; no record names nearly so many)")
            }
        }
        return result
    }

    package struct PieceFailure: Error {
        package var failure: ChargeFailure
        package var piece: String
    }

    package static func readPiece(_ raw: String, defaultCode: String?, forQuery: Bool,
                                  work: inout Int) throws(PieceFailure) -> [ChargeTerm] {
        let first: ChargeFailure
        do throws(ChargeFailure) {
            return try readWhole(raw, defaultCode: defaultCode, forQuery: forQuery, work: &work)
        } catch {
            first = error
        }
        // `58-10, КРД`: whole references of different kinds.
        guard case .unreadable = first, raw.contains(",") else {
            throw PieceFailure(failure: first, piece: raw)
        }
        var terms: [ChargeTerm] = []
        for sub in raw.split(separator: ",", omittingEmptySubsequences: false) {
            let part = sub.trimmingCharacters(in: .whitespacesAndNewlines)
            do throws(ChargeFailure) {
                terms += try readWhole(part, defaultCode: defaultCode, forQuery: forQuery, work: &work)
            } catch {
                throw PieceFailure(failure: error, piece: part.isEmpty ? raw : part)
            }
        }
        return terms
    }

    /// One piece as a decree, a category or a statute reference list.
    package static func readWhole(_ raw: String, defaultCode: String?, forQuery: Bool,
                                  work: inout Int) throws(ChargeFailure) -> [ChargeTerm] {
        if raw.isEmpty { throw .unreadable }
        let tokens = ChargeScanner.tokens(raw)
        work += tokens.count + 1
        if let decree = try DecreeGrammar.read(tokens) {
            if case .anyDecree = decree, !forQuery { throw .unreadable }
            return [decree]
        }
        if let category = try CategoryGrammar.read(raw, forQuery: forQuery) {
            return [.category(category)]
        }
        return try StatuteGrammar.read(tokens, defaultCode: defaultCode).map { .statute($0) }
    }
}

/// `theft/grandLarceny`, `kill`, `КРТД`, `oso/КРТД`, `KRTD`.
package enum CategoryGrammar {
    /// Words that are never a one-word category.
    package static let reserved: Set<String> = [
        "law", "ukaz", "decree", "art", "arts", "article", "articles", "oso", "cc", "part",
    ]

    /// A segment starts with a letter and holds letters of one script
    /// (Latin or Cyrillic), ASCII digits, `_` and `-`; mixed scripts are
    /// refused because a Cyrillic letter that looks Latin (`thеft`) would
    /// silently make a category of its own.
    package static func isSegment(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter else { return false }
        var latin = false
        var cyrillic = false
        for c in s {
            if c.isASCII {
                guard c.isLetter || c.isNumber || c == "_" || c == "-" else { return false }
                if c.isLetter { latin = true }
            } else if c.unicodeScalars.count == 1, let scalar = c.unicodeScalars.first,
                      (0x400...0x4FF).contains(scalar.value), c.isLetter {
                cyrillic = true
            } else {
                return false
            }
        }
        return !(latin && cyrillic)
    }

    package static func read(_ raw: String, forQuery: Bool) throws(ChargeFailure) -> String? {
        if raw.contains(where: \.isWhitespace) { return nil }
        if raw.contains("/") {
            let segments = raw.split(separator: "/", omittingEmptySubsequences: false)
            guard segments.allSatisfy(isSegment) else { throw .unreadable }
            let head = segments[0].lowercased()
            if head == "oso" || head == "осо" {
                guard segments.count == 2 else { throw .unreadable }
                guard let code = OSOCodes.afterPrefix(String(segments[1])) else {
                    throw .unknownOSO(String(segments[1]))
                }
                return "oso/" + code
            }
            return raw
        }
        if raw.allSatisfy(\.isLetter), let code = OSOCodes.known(raw) {
            return "oso/" + code
        }
        // One word of an Old Bailey-style classification: `kill`, `theft`.
        guard raw.count >= 3, let first = raw.first, first.isASCII, first.isLowercase,
              raw.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        if raw == "oso" && forQuery { return raw }
        return reserved.contains(raw) ? nil : raw
    }
}

/// `закон 7.8.1932`, `law of 7 August 1932`, `указ ПВС СССР от 4.6.1947`,
/// `decree:1947-06-04`.
package enum DecreeGrammar {
    package static let keywords: Set<String> = ["закон", "law", "указ", "ukaz", "decree", "декрет", "постановление"]

    package static func read(_ tokens: [ChargeToken]) throws(ChargeFailure) -> ChargeTerm? {
        var cursor = TokenCursor(tokens)
        guard let first = cursor.peek(), first.isWord(keywords) else { return nil }
        cursor.advance()
        if cursor.atEnd { return .anyDecree }
        if let t = cursor.peek(), t.isSymbol(":") { cursor.advance() }
        // The issuer and "от"/"of": `указ ПВС СССР от 4.6.1947`.
        while let t = cursor.peek(), t.kind == .word || t.isSymbol("."), !(t.kind == .word && MonthNames.table[t.lower] != nil) {
            cursor.advance()
        }
        guard let date = readDate(&cursor) else { throw .badDecreeDate }
        // `г.`, `года`, a final dot.
        _ = cursor.skipWord(["г", "года"])
        cursor.skipDot()
        guard cursor.atEnd else { throw .badDecreeDate }
        return .decree(date)
    }

    package static func number(_ t: ChargeToken?, digits: ClosedRange<Int>) -> Int? {
        guard let t, t.kind == .number, !t.superscript, digits.contains(t.text.count) else { return nil }
        return Int(t.text)
    }

    package static func readDate(_ cursor: inout TokenCursor) -> String? {
        var day: Int?
        var month: Int?
        var year: Int?
        if let d = number(cursor.peek(), digits: 1...2), let dot = cursor.peek(1), dot.isSymbol("."),
           let m = number(cursor.peek(2), digits: 1...2), let dot2 = cursor.peek(3), dot2.isSymbol("."),
           let y = number(cursor.peek(4), digits: 4...4) {
            (day, month, year) = (d, m, y)
            cursor.advance(5)
        } else if let y = number(cursor.peek(), digits: 4...4), let dash = cursor.peek(1), dash.isSymbol("-"),
                  let m = number(cursor.peek(2), digits: 2...2), let dash2 = cursor.peek(3), dash2.isSymbol("-"),
                  let d = number(cursor.peek(4), digits: 2...2) {
            (day, month, year) = (d, m, y)
            cursor.advance(5)
        } else if let d = number(cursor.peek(), digits: 1...2), let name = cursor.peek(1), name.kind == .word,
                  let m = MonthNames.table[name.lower] {
            cursor.advance(2)
            cursor.skipDot()
            guard let y = number(cursor.peek(), digits: 4...4) else { return nil }
            cursor.advance()
            (day, month, year) = (d, m, y)
        } else if let name = cursor.peek(), name.kind == .word, let m = MonthNames.table[name.lower] {
            // `August 7, 1932`
            cursor.advance()
            cursor.skipDot()
            guard let d = number(cursor.peek(), digits: 1...2) else { return nil }
            cursor.advance()
            if let comma = cursor.peek(), comma.isSymbol(",") { cursor.advance() }
            guard let y = number(cursor.peek(), digits: 4...4) else { return nil }
            cursor.advance()
            (day, month, year) = (d, m, y)
        }
        guard let day, let month, let year, (1...12).contains(month), year >= 1000,
              day >= 1, day <= MonthNames.daysIn(month: month, year: year) else {
            return nil
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
