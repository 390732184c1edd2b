import Foundation

/// One word of a personal name, in the form the name code compares.
package struct NameWord: Sendable, Hashable {
    /// The word as written (without a trailing dot).
    package var raw: String
    /// Cyrillic letter indices when the word is Cyrillic (ё kept as ё).
    package var cyrillic: [UInt8]?
    /// Lower-case ASCII: folded Latin, or ISO 9 without diacritics for Cyrillic.
    package var latin: [UInt8]
    /// Written with a dot, or a lone letter: an initial.
    package var isInitial: Bool
    /// A comma follows the word.
    package var commaAfter: Bool

    package var isCyrillic: Bool { cyrillic != nil }

    /// Cyrillic letters with ё read as е (archives write both).
    package var cyrillicNormalized: [UInt8]? {
        cyrillic.map { $0.map { $0 == CyrillicLetter.yo ? CyrillicLetter.ye : $0 } }
    }

    /// Latin look-alikes of Cyrillic letters (a word mostly in one script
    /// with a stray letter of the other).
    package static let latinToCyrillic: [UInt8: UInt8] = [
        UInt8(ascii: "a"): CyrillicLetter.a, UInt8(ascii: "e"): CyrillicLetter.ye, UInt8(ascii: "o"): CyrillicLetter.o,
        UInt8(ascii: "p"): CyrillicLetter.r, UInt8(ascii: "c"): CyrillicLetter.s, UInt8(ascii: "x"): CyrillicLetter.kh,
        UInt8(ascii: "y"): CyrillicLetter.u, UInt8(ascii: "k"): CyrillicLetter.k, UInt8(ascii: "m"): CyrillicLetter.m,
        UInt8(ascii: "t"): CyrillicLetter.t, UInt8(ascii: "h"): CyrillicLetter.n, UInt8(ascii: "b"): CyrillicLetter.v,
        UInt8(ascii: "i"): CyrillicLetter.ukrI,
    ]
    package static let cyrillicToLatin: [UInt8: UInt8] = [
        CyrillicLetter.a: UInt8(ascii: "a"), CyrillicLetter.ye: UInt8(ascii: "e"), CyrillicLetter.o: UInt8(ascii: "o"),
        CyrillicLetter.r: UInt8(ascii: "p"), CyrillicLetter.s: UInt8(ascii: "c"), CyrillicLetter.kh: UInt8(ascii: "x"),
        CyrillicLetter.u: UInt8(ascii: "y"), CyrillicLetter.k: UInt8(ascii: "k"), CyrillicLetter.m: UInt8(ascii: "m"),
        CyrillicLetter.t: UInt8(ascii: "t"), CyrillicLetter.ukrI: UInt8(ascii: "i"),
    ]

    /// Splits a text into name words. Commas and dots are recorded; hyphens
    /// join the parts of a compound word; other punctuation separates.
    package static func split(_ text: String) -> [NameWord] {
        var words: [NameWord] = []
        var raw = String.UnicodeScalarView()
        // Per scalar of the current word: either a Cyrillic letter or Latin bytes.
        var cyr: [UInt8] = []
        var lat: [UInt8] = []
        var cyrCount = 0, latCount = 0
        var letters = 0
        // Mixed-script words keep, per letter, both readings.
        var items: [(cy: UInt8?, la: [UInt8])] = []

        func finish(dot: Bool, comma: Bool) {
            WorkCounter.add(letters + 1)
            if letters > 0 {
                let isCyr = cyrCount > latCount
                var cyLetters: [UInt8]? = nil
                var laBytes: [UInt8] = []
                if isCyr {
                    var out: [UInt8] = []
                    for it in items {
                        if let c = it.cy { out.append(c) }
                        else if it.la.count == 1, let c = latinToCyrillic[it.la[0]] { out.append(c) }
                    }
                    cyLetters = out
                    for c in out { laBytes.append(contentsOf: Transliterator.iso9Bytes[Int(c)]) }
                } else {
                    for it in items {
                        if let c = it.cy {
                            if let l = cyrillicToLatin[c] { laBytes.append(l) }
                            else { laBytes.append(contentsOf: Transliterator.iso9Bytes[Int(c)]) }
                        } else { laBytes.append(contentsOf: it.la) }
                    }
                }
                let initial = dot ? letters <= (isCyr ? 2 : 4) : letters == 1
                words.append(NameWord(raw: String(raw), cyrillic: cyLetters, latin: laBytes, isInitial: initial, commaAfter: comma))
            } else if comma, !words.isEmpty {
                words[words.count - 1].commaAfter = true
            }
            raw = String.UnicodeScalarView(); items.removeAll(keepingCapacity: true)
            cyr.removeAll(keepingCapacity: true); lat.removeAll(keepingCapacity: true)
            cyrCount = 0; latCount = 0; letters = 0
        }

        var needsNFC = false
        for s in text.unicodeScalars where (0x300...0x36F).contains(s.value) { needsNFC = true; break }
        let source = needsNFC ? text.precomposedStringWithCanonicalMapping : text

        for s in source.unicodeScalars {
            let v = s.value
            if let c = Transliterator.cyrillicLetter(s) {
                items.append((c, [])); cyrCount += 1; letters += 1; raw.append(s); continue
            }
            if v < 0x250, let f = Transliterator.latinFold[Int(v)] {
                items.append((nil, Array(f.utf8))); latCount += 1; letters += 1; raw.append(s); continue
            }
            if v == 0x2D || v == 0x2010 || v == 0x2011 {  // hyphen inside a compound
                if letters > 0 { raw.append(s) }
                continue
            }
            if Transliterator.isDroppedMark(v) { if letters > 0 { raw.append(s) }; continue }
            if v == 0x2E { finish(dot: true, comma: false); continue }
            if v == 0x2C || v == 0x3B { finish(dot: false, comma: true); continue }
            if s.properties.isAlphabetic {
                items.append((nil, Array(String(s).lowercased().utf8))); latCount += 1; letters += 1; raw.append(s); continue
            }
            finish(dot: false, comma: false)
        }
        finish(dot: false, comma: false)
        return words
    }
}

/// What a word of a name is.
public enum NamePartRole: String, Sendable, Hashable {
    case surname, given, patronymic, initial
}

/// A name split into its parts.
public struct ParsedName: Sendable, Hashable {
    package var surname: NameWord?
    /// Given names, patronymics and initials, in the order written, with roles.
    package var others: [(word: NameWord, role: NamePartRole)]
    /// 0 for the most likely reading; higher for alternative readings.
    package var rank: Int

    public static func == (l: ParsedName, r: ParsedName) -> Bool {
        l.surname == r.surname && l.rank == r.rank && l.others.map(\.word) == r.others.map(\.word)
            && l.others.map(\.role) == r.others.map(\.role)
    }
    public func hash(into h: inout Hasher) {
        h.combine(surname); h.combine(rank)
        for o in others { h.combine(o.word); h.combine(o.role) }
    }

    /// The surname as written.
    public var surnameText: String? { surname?.raw }
    /// Given names as written (initials excluded).
    public var givenNames: [String] { others.filter { $0.role == .given }.map(\.word.raw) }
    /// Patronymics as written.
    public var patronymics: [String] { others.filter { $0.role == .patronymic }.map(\.word.raw) }
    /// Initials as written (without dots).
    public var initials: [String] { others.filter { $0.role == .initial }.map(\.word.raw) }

    /// The first given name, or the first initial.
    package var leadingGiven: NameWord? {
        others.first(where: { $0.role == .given })?.word ?? others.first(where: { $0.role == .initial })?.word
    }
}

/// Splits personal names into surname, given names, patronymic and initials.
///
/// Forms read: `Тухачевский, Михаил Николаевич`, `Тухачевский Михаил
/// Николаевич`, `Михаил Николаевич Тухачевский`, `Тухачевский М. Н.`,
/// `M. N. Tukhachevsky`, `Tukhachevsky, Mikhail`, `Mikhail Tukhachevsky`,
/// `TUKHACHEVSKII MIKHAIL NIKOLAEVICH`. A comma ends the surname; a
/// patronymic fixes the order (surname first when it is last, surname last
/// when it is in the middle); otherwise known given names and surname
/// endings decide, and where they cannot, Cyrillic names are read surname
/// first and Latin names surname last, with the other reading kept as an
/// alternative.
public enum NameParser {
    /// All readings of a name, most likely first (one or two).
    public static func parse(_ text: String) -> [ParsedName] {
        parse(words: NameWord.split(text))
    }

    package static func parse(words: [NameWord]) -> [ParsedName] {
        guard !words.isEmpty else { return [] }
        // A comma after the first word(s): surname, then the rest.
        if let ci = words.firstIndex(where: { $0.commaAfter }), ci < words.count - 1 {
            let head = words[0...ci].filter { !$0.isInitial }
            if let sur = head.last {
                var others: [(word: NameWord, role: NamePartRole)] = []
                for w in words[0...ci] where w != sur { others.append((w, roleOfNonSurname(w))) }
                for w in words[(ci + 1)...] { others.append((w, roleOfNonSurname(w))) }
                return [ParsedName(surname: sur, others: patronymicByPlace(others), rank: 0)]
            }
        }
        let full = words.indices.filter { !words[$0].isInitial }
        if full.isEmpty {
            // Only initials: no surname.
            return [ParsedName(surname: nil, others: words.map { (word: $0, role: NamePartRole.initial) }, rank: 0)]
        }
        if full.count == 1 {
            let si = full[0]
            let others = words.indices.filter { $0 != si }.map { (word: words[$0], role: roleOfNonSurname(words[$0])) }
            return [ParsedName(surname: words[si], others: patronymicByPlace(others), rank: 0)]
        }
        // Score each full word as the surname.
        // A word in -ич after a known given name is a patronymic too
        // (Образцов Леонид Кузьмич).
        let pats = Set(full.indices.filter { k in
            isPatronymic(words[full[k]])
                || (k > 0 && endsInIch(words[full[k]]) && GivenNames.isKnown(words[full[k - 1]]))
        }.map { full[$0] })
        let allCaps = words.allSatisfy { $0.raw == $0.raw.uppercased() && $0.raw.count > 1 }
        var scored: [(Int, Double)] = []
        for (k, i) in full.enumerated() {
            let w = words[i]
            var s = 0.0
            let known = GivenNames.isKnown(w)
            // In two words, a patronymic-like word is more likely a surname
            // (Shostakovich, Kaganovich) than a patronymic without one.
            if pats.contains(i) { s -= full.count >= 3 ? 4 : 1 }
            if known { s -= 3 }
            if hasSurnameEnding(w) { s += 1.5 }
            let isFirst = k == 0, isLast = k == full.count - 1
            // Patronymic placement: Surname Given Patronymic, Given Patronymic Surname.
            if full.count >= 3, !known, pats.contains(full[full.count - 1]), isFirst { s += 2.5 }
            if full.count >= 3, pats.contains(full[full.count - 2]), isLast { s += 2.5 }
            if w.isCyrillic || allCaps { if isFirst { s += 0.6 } } else if isLast { s += 0.6 }
            scored.append((i, s))
        }
        scored.sort { $0.1 > $1.1 }
        var result: [ParsedName] = []
        for (rank, cand) in scored.prefix(2).enumerated() {
            if rank == 1 && scored[0].1 - cand.1 > 2.4 { break }
            // A common given name is no second reading of the surname when
            // the first reading's surname is no given name (Tukhachevksy
            // Mikhail; Oleszkiewicz Michał).
            if rank == 1 && GivenNames.isKnown(words[cand.0]) && !GivenNames.isKnown(words[scored[0].0]) { break }
            let si = cand.0
            var others: [(word: NameWord, role: NamePartRole)] = []
            for j in words.indices where j != si {
                others.append((words[j], roleOfNonSurname(words[j])))
            }
            result.append(ParsedName(surname: words[si], others: patronymicByPlace(others), rank: rank))
        }
        return result
    }

    package static func roleOfNonSurname(_ w: NameWord) -> NamePartRole {
        if w.isInitial { return .initial }
        return isPatronymic(w) ? .patronymic : .given
    }

    /// The others of a name with a word in -ич that follows a given name or
    /// an initial read as the patronymic, when no word is one by its ending:
    /// the patronymics of fathers' names in -а, -я (Кузьмич of Кузьма,
    /// Фомич, Лукич, Никитич, Саввич) end in -ич without -ович or -евич.
    /// The surname is set apart before, so a surname in -ич (Бабич) is not
    /// taken for one.
    package static func patronymicByPlace(_ others: [(word: NameWord, role: NamePartRole)]) -> [(word: NameWord, role: NamePartRole)] {
        guard !others.contains(where: { $0.role == .patronymic }) else { return others }
        var result = others
        for i in result.indices.dropFirst()
        where result[i].role == .given && endsInIch(result[i].word)
            && (result[i - 1].role == .given || result[i - 1].role == .initial) {
            result[i].role = .patronymic
            break
        }
        return result
    }

    package static let cyrillicIch: [UInt8] = "ич".unicodeScalars.compactMap { Transliterator.cyrillicLetter($0) }
    package static let latinIchEndings: [[UInt8]] = ["ich", "itch", "ych"].map { Array($0.utf8) }

    /// Ends in -ич (Кузьмич, Фомич; Kuzmich, Fomitch).
    package static func endsInIch(_ w: NameWord) -> Bool {
        if let c = w.cyrillicNormalized { return c.count >= 4 && c.suffix(2).elementsEqual(cyrillicIch) }
        return latinIchEndings.contains { e in w.latin.count >= e.count + 2 && w.latin.suffix(e.count).elementsEqual(e) }
    }

    package static let cyrillicPatronymicEndings: [String] = ["ович", "евич", "овна", "евна", "ична", "инична", "ьич", "ївна", "івна", "овіч", "евіч"]
    package static let latinPatronymicEndings: [String] = [
        "ovich", "evich", "ovitch", "evitch", "ovitsch", "evitsch", "owitsch", "ewitsch", "owicz", "ewicz", "ovic", "evic",
        "ovych", "evych", "ovna", "evna", "owna", "ewna", "ovena", "ichna", "ivna", "yich", "ilich", "ilitch", "iljitsch",
        "iljicz", "ilic", "ovicz", "ewitch",
    ]
    package static let cyrillicPatronymicBytes: [[UInt8]] = cyrillicPatronymicEndings.map { e in
        e.unicodeScalars.compactMap { Transliterator.cyrillicLetter($0) }
    }
    package static let latinPatronymicBytes: [[UInt8]] = latinPatronymicEndings.map { Array($0.utf8) }

    /// Whether a word looks like a patronymic (Иванович, Ivanovna, Iwanowitsch…).
    package static func isPatronymic(_ w: NameWord) -> Bool {
        if let c = w.cyrillicNormalized {
            guard c.count >= 6 || (c.count >= 5 && c.last == CyrillicLetter.ch) else { return false }
            return cyrillicPatronymicBytes.contains { e in c.count > e.count + 1 && c.suffix(e.count).elementsEqual(e) }
        }
        let l = w.latin
        guard l.count >= 6 else { return false }
        return latinPatronymicBytes.contains { e in l.count > e.count + 1 && l.suffix(e.count).elementsEqual(e) }
    }

    package static let surnameEndingsLatin: [[UInt8]] = [
        "ov", "ev", "ow", "ew", "off", "eff", "in", "yn", "ine", "sky", "ski", "skii", "skiy", "skij", "ova", "eva", "owa", "ewa",
        "ina", "yna", "skaya", "skaia", "skaja", "ska", "enko", "uk", "iuk", "yuk", "chuk", "dze", "shvili", "yan", "ian",
        "ich", "ych", "aya", "aja", "oy", "oi", "ikh", "ykh",
    ].map { Array($0.utf8) }
    package static let surnameEndingsCyrillic: [[UInt8]] = ["ов", "ев", "ин", "ын", "ий", "ой", "ая", "ова", "ева", "ина", "ына", "енко", "ук", "юк",
                                                   "дзе", "швили", "ян", "ич", "их", "ых"].map { e in
        e.unicodeScalars.compactMap { Transliterator.cyrillicLetter($0) }
    }

    package static func hasSurnameEnding(_ w: NameWord) -> Bool {
        if let c = w.cyrillicNormalized {
            return surnameEndingsCyrillic.contains { e in c.count > e.count + 1 && c.suffix(e.count).elementsEqual(e) }
        }
        return surnameEndingsLatin.contains { e in w.latin.count > e.count + 1 && w.latin.suffix(e.count).elementsEqual(e) }
    }
}
