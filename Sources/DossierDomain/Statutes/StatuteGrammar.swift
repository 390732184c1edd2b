import Foundation

/// Statute references as sources write them: `58-10`, `ст.58 п.10`,
/// `58-1 «а»`, `58-6-7-8-11`, `ст. 58-7, 8, 11`, `ст. 69, 70, 73 УК АзССР`,
/// `UkrSSR-1927:54-10`, `Обв. по ст. 58-10 УК РСФСР.`
package enum StatuteGrammar {
    package static let leadIns: Set<String> = ["обв", "обвин", "обвинен", "обвинена", "обвинён", "обвинена", "обвиняется", "по", "under"]
    package static let articleWords: Set<String> = ["ст", "статья", "статьи", "статье", "статей", "статьям", "art", "arts", "article", "articles"]
    package static let pointWords: Set<String> = ["п", "пункт", "пункта"]
    /// A paragraph of an article (`58-10 ч. 1`): read over, kept only in raw.
    package static let paragraphWords: Set<String> = ["ч", "часть", "части", "part"]
    package static let separatorWords: Set<String> = ["и", "and"]
    /// In `ст. 58-7, 8, 11` a bare number up to this continues the parts
    /// of the article before it; a larger one is an article of its own.
    package static let largestContinuedPart = 40
    /// The most parts one article number may take in a compressed list
    /// (`58-6-7-8-11`). Article 58 of the RSFSR code of 1926 has 14 parts
    /// (58-1 to 58-14); more than this is a damaged or hostile cell.
    package static let maxParts = 30

    package struct Element {
        package var part: Int?
        package var letter: Character?
    }

    package struct Item {
        package var article: Int
        package var elements: [Element]
        package var explicitCode: String?
    }

    package static func read(_ tokens: [ChargeToken], defaultCode: String?) throws(ChargeFailure) -> [StatuteRef] {
        var c = TokenCursor(tokens)
        while c.skipWord(leadIns) {}
        var refs: [StatuteRef] = []
        var pending: [Item] = []
        var previous: Item?

        func flush(code: String?) throws(ChargeFailure) {
            for item in pending {
                if code != nil && item.explicitCode != nil { throw .twoCodes }
                for element in item.elements {
                    refs.append(StatuteRef(code: item.explicitCode ?? code, article: item.article,
                                           part: element.part, letter: element.letter))
                }
            }
            pending.removeAll()
        }

        while true {
            var keyword = false
            while c.skipWord(articleWords) { keyword = true }
            let explicit = try explicitCode(&c)
            let context = keyword || explicit != nil ? nil : previous
            guard var item = try readItem(&c, previous: context) else { throw .unreadable }
            if let explicit { item.explicitCode = explicit }
            pending.append(item)
            previous = item
            if let code = try codeSpec(&c, defaultCode: defaultCode) {
                try flush(code: code)
                previous = nil
            }
            guard let t = c.peek() else { break }
            if t.isSymbol(",") || t.isWord(separatorWords) {
                c.advance()
                if c.atEnd { throw .unreadable }
                continue
            }
            if t.isSymbol("."), c.peek(1) == nil {
                c.advance()
                break
            }
            throw .unreadable
        }
        try flush(code: nil)
        return refs
    }

    // MARK: - Numbers and letters

    package static func articleNumber(_ t: ChargeToken) throws(ChargeFailure) -> Int {
        guard t.kind == .number, !t.superscript, (1...3).contains(t.text.count), t.text.first != "0",
              let n = Int(t.text) else { throw .unreadable }
        return n
    }

    package static func partNumber(_ t: ChargeToken) throws(ChargeFailure) -> Int {
        guard t.kind == .number, (1...2).contains(t.text.count), t.text.first != "0",
              let n = Int(t.text) else { throw .unreadable }
        return n
    }

    /// A letter at `offset`: `а`, `"а"`, `«а»`, `(а)`; with the number of
    /// tokens it takes.
    package static func letter(_ c: TokenCursor, at offset: Int) -> (Character, Int)? {
        guard let t = c.peek(offset) else { return nil }
        if t.kind == .word, let l = StatuteLetters.normal(t.text) { return (l, 1) }
        if t.isSymbol("\"") || t.isSymbol("("), let w = c.peek(offset + 1), w.kind == .word,
           let l = StatuteLetters.normal(w.text), let close = c.peek(offset + 2),
           close.isSymbol(t.text == "(" ? ")" : "\"") {
            return (l, 3)
        }
        return nil
    }

    // MARK: - One reference

    package static func readItem(_ c: inout TokenCursor, previous: Item?) throws(ChargeFailure) -> Item? {
        guard let t = c.peek() else { return nil }
        let lastPart = previous?.elements.last?.part
        if t.kind == .number, !t.superscript {
            let article = try articleNumber(t)
            c.advance()
            let elements = try readElements(&c)
            // `ст. 58-7, 8, 11`: a bare number continues the parts.
            if let previous, lastPart != nil, elements.count == 1, elements[0].part == nil,
               article <= largestContinuedPart {
                return Item(article: previous.article, elements: [Element(part: article, letter: elements[0].letter)],
                            explicitCode: previous.explicitCode)
            }
            return Item(article: article, elements: elements, explicitCode: nil)
        }
        // `58-1 «а», «б»`: a bare letter continues the last part.
        if let previous, let lastPart, let (l, count) = letter(c, at: 0) {
            c.advance(count)
            return Item(article: previous.article, elements: [Element(part: lastPart, letter: l)],
                        explicitCode: previous.explicitCode)
        }
        return nil
    }

    /// The parts and letters after an article number.
    package static func readElements(_ c: inout TokenCursor) throws(ChargeFailure) -> [Element] {
        var elements: [Element] = []
        var cur = Element()
        var fresh: Bool { cur.part == nil && cur.letter == nil && elements.isEmpty }
        while let t = c.peek() {
            // 58¹⁰
            if t.kind == .number, t.superscript, !t.spaced, fresh {
                cur.part = try partNumber(t)
                c.advance()
                continue
            }
            if t.isSymbol("-") {
                if let n = c.peek(1), n.kind == .number, !n.superscript {
                    let part = try partNumber(n)
                    if cur.part == nil && cur.letter == nil {
                        cur.part = part
                    } else {
                        // 58-6-7-8-11
                        guard elements.count + 2 <= maxParts else { throw .tooManyParts }
                        elements.append(cur)
                        cur = Element(part: part)
                    }
                    c.advance(2)
                    continue
                }
                // 162-в
                if cur.letter == nil, let (l, count) = letter(c, at: 1) {
                    cur.letter = l
                    c.advance(1 + count)
                    continue
                }
                break
            }
            // 58.10
            if t.isSymbol("."), !t.spaced, let n = c.peek(1), n.kind == .number, !n.spaced, !n.superscript, fresh {
                cur.part = try partNumber(n)
                c.advance(2)
                continue
            }
            // 58(10)
            if t.isSymbol("("), let n = c.peek(1), n.kind == .number, !n.superscript,
               let close = c.peek(2), close.isSymbol(")"), fresh {
                cur.part = try partNumber(n)
                c.advance(3)
                continue
            }
            // 58 п. 10, 58 п. 1a, 58-1 п. «а»
            if t.isWord(pointWords) {
                var look = c
                look.advance()
                look.skipDot()
                if let n = look.peek(), n.kind == .number, !n.superscript, fresh {
                    cur.part = try partNumber(n)
                    look.advance()
                    c = look
                    continue
                }
                if cur.letter == nil, let (l, count) = letter(look, at: 0) {
                    cur.letter = l
                    look.advance(count)
                    c = look
                    continue
                }
                break
            }
            // 58-10 ч. 1, 58-10ч.1 (not 58-10ч1)
            if t.isWord(paragraphWords) {
                var look = c
                look.advance()
                guard t.spaced || look.peek()?.isSymbol(".") == true else { break }
                look.skipDot()
                if let n = look.peek(), n.kind == .number, !n.superscript {
                    look.advance()
                    c = look
                    continue
                }
                break
            }
            // 58-1а, 58-1"а", 58-1 «а», 58-1(а)
            if cur.letter == nil, t.kind != .word || !t.spaced, let (l, count) = letter(c, at: 0) {
                cur.letter = l
                c.advance(count)
                continue
            }
            break
        }
        elements.append(cur)
        return elements
    }

    // MARK: - Codes

    /// `UkrSSR-1927:` before a reference.
    package static func explicitCode(_ c: inout TokenCursor) throws(ChargeFailure) -> String? {
        guard let w = c.peek(), w.kind == .word, w.text.allSatisfy(\.isASCII) else { return nil }
        var name = w.text
        var length = 1
        if let dash = c.peek(1), dash.isSymbol("-"), let year = c.peek(2), year.kind == .number,
           let colon = c.peek(3), colon.isSymbol(":") {
            name += "-" + year.text
            length = 3
        } else if let colon = c.peek(1), colon.isSymbol(":") {
            length = 1
        } else {
            return nil
        }
        guard let code = StatuteCodes.canonical(name) else { throw .unknownCode(name) }
        c.advance(length + 1)
        return code
    }

    /// `УК РСФСР`, `УК РСФСР 1960 г.`, `КК УРСР (1927)` after references.
    package static func codeSpec(_ c: inout TokenCursor, defaultCode: String?) throws(ChargeFailure) -> String? {
        guard let w = c.peek(), w.isWord(StatuteCodes.codeWords) else { return nil }
        var look = c
        look.advance()
        look.skipDot()
        guard let r = look.peek(), r.kind == .word else { throw .unreadable }
        guard let family = StatuteCodes.republics[r.lower] else { throw .unknownCode(w.text + " " + r.text) }
        look.advance()
        var year: Int?
        var inParens = false
        if let open = look.peek(), open.isSymbol("("), let y = look.peek(1), y.kind == .number, y.text.count == 4 {
            inParens = true
            look.advance()
        }
        if let y = look.peek(), y.kind == .number, !y.superscript, y.text.count == 4 {
            year = Int(y.text)
            look.advance()
            _ = look.skipWord(["г", "года"])
            if inParens {
                guard let close = look.peek(), close.isSymbol(")") else { throw .unreadable }
                look.advance()
            }
        }
        guard let code = StatuteCodes.code(family: family, year: year, defaultCode: defaultCode) else {
            let base = StatuteCodes.families[family]?.base ?? r.text
            throw .unknownCode(base + (year.map { "-\($0)" } ?? ""))
        }
        c = look
        return code
    }
}
