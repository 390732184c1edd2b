import Foundation

/// Why a stored name matched a query, best first.
public enum NameMatchReason: String, Sendable, Hashable, Comparable, CaseIterable {
    /// The name as typed, in the same script (case, ё/е and diacritics aside).
    case exact
    /// The surname as typed in the same script; given names by initials,
    /// another spelling, or absent.
    case sameScript = "same script"
    /// A spelling of the name in another romanisation or script.
    case transliteration
    /// Sounds alike across systems (same cross key) without being a strict
    /// transliteration.
    case phonetic
    /// Within a small edit distance.
    case typo

    package var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (l: Self, r: Self) -> Bool { l.rank < r.rank }
}

/// The result of scoring a stored name against a query.
public struct NameMatch: Sendable, Hashable {
    /// 0…1; the reason's band dominates (exact ≥ 0.95, same script ≥ 0.85,
    /// transliteration ≥ 0.70, phonetic ≥ 0.55, typo ≥ 0.30).
    public var score: Double
    public var reason: NameMatchReason
    /// A short account: which words met which, and how.
    public var explanation: String
}

/// One word with everything comparison needs, computed once.
package struct WordForm: Sendable {
    package var word: NameWord
    /// Cyrillic letters, ё → е (not collapsed): exact and typo comparison.
    package var cyrillicNormalized: [UInt8]?
    /// Prepared for alignment (collapsed).
    package var alignForm: [UInt8]
    package var options: [[Pivot.Option]]
    package var crossKeys: [[UInt8]]
    /// Latin spellings for typo distance: the prepared word (Latin) or its
    /// romanisations (Cyrillic); computed only when a typo is considered.
    package func spellings() -> [[UInt8]] {
        guard let c = word.cyrillic else { return [NameKeys.prepareLatin(word.latin)] }
        var sp: [[UInt8]] = []
        for sys in TransliterationSystem.allCases {
            let r = NameKeys.prepareLatin(Transliterator.render(c, in: sys))
            if !sp.contains(r) { sp.append(r) }
        }
        return sp
    }

    package init(_ w: NameWord) {
        word = w
        crossKeys = NameKeys.crossKeys(w)
        if let c = w.cyrillic {
            cyrillicNormalized = c.map { $0 == CyrillicLetter.yo ? CyrillicLetter.ye : $0 }
            alignForm = Pivot.prepare(cyrillic: c)
            options = []
        } else {
            cyrillicNormalized = nil
            alignForm = Pivot.prepare(w.latin)
            options = Pivot.options(alignForm)
        }
    }

    package var isCyrillic: Bool { word.isCyrillic }
    package var keyLength: Int { crossKeys.first?.count ?? 0 }
}

/// How two words met.
package struct WordMatch {
    package var level: NameMatchReason
    /// Rendering cost (transliteration) or edits (typo).
    package var cost: Int
}

/// A name typed by a user, parsed once, with the keys it looks up.
public struct NameQuery: Sendable {
    public let text: String
    public let parses: [ParsedName]
    package let forms: [[WordForm?]]       // per parse: surname form
    package let otherForms: [[WordForm]]   // per parse: others

    public init(_ text: String) {
        self.text = text
        parses = NameParser.parse(text)
        forms = parses.map { [$0.surname.map(WordForm.init)] }
        otherForms = parses.map { $0.others.map { WordForm($0.word) } }
    }

    /// Keys of exact and cross-transliteration lookups (`s:`): the
    /// surname's cross keys under the first classes of the given names and
    /// initials typed, and under `_` (stored names without one); under every
    /// class when none is typed.
    public var surnameLookupKeys: [String] { surnameKeys(broad: false) }

    /// The surname's cross keys under every class: for a given name
    /// misspelt in its first letter, when the narrow keys find nothing.
    public var broadSurnameLookupKeys: [String] { surnameKeys(broad: true) }

    package func surnameKeys(broad: Bool) -> [String] {
        var keys: [String] = []
        var seen = Set<String>()
        for p in parses {
            guard let s = p.surname else { continue }
            var gis: [UInt8] = []
            for o in p.others where !broad && (o.role != .patronymic || o.word.isInitial) {
                for g in NameKeys.givenKeyClasses(o.word) where !gis.contains(g) { gis.append(g) }
            }
            if gis.isEmpty { gis = NameKeys.allGivenClasses } else if !gis.contains(UInt8(ascii: "_")) { gis.append(UInt8(ascii: "_")) }
            for k in NameKeys.crossKeys(s) {
                for gi in gis {
                    let key = NameKeys.surnameKey(k, given: gi)
                    WorkCounter.add(key.utf8.count)
                    if seen.insert(key).inserted { keys.append(key) }
                }
            }
        }
        return keys
    }

    /// Keys that reach names whose surname differs by one typo (`t:`, `c:`):
    /// the one-deletion neighbourhood of the surname skeleton (or cross key),
    /// under the first class of each given name or initial typed (all
    /// classes when none). They are looked up in `surname_typo`, which
    /// leads to the surname keys of `name_key`.
    public var typoLookupKeys: [String] {
        var keys: [String] = []
        var seen = Set<String>()
        for p in parses {
            guard let s = p.surname else { continue }
            var gis: [UInt8] = []
            for o in p.others where o.role != .patronymic || o.word.isInitial {
                for g in NameKeys.givenClasses(o.word) where !gis.contains(g) { gis.append(g) }
            }
            if gis.isEmpty { gis = NameKeys.allGivenClasses } else { gis.append(UInt8(ascii: "_")) }
            var typo: [String] = []
            for k in NameKeys.crossKeys(s) where !k.isEmpty {
                for gi in gis { typo += NameKeys.queryTypoKeys(k, given: gi) }
            }
            for key in typo where seen.insert(key).inserted { keys.append(key) }
            WorkCounter.add(typo.reduce(0) { $0 + $1.utf8.count })
        }
        return keys
    }

    /// Every key to look up: a stored name that matches the query shares at
    /// least one of them.
    public var lookupKeys: [String] { surnameLookupKeys + typoLookupKeys }
}

/// Scores stored names against a query.
public enum NameMatcher {
    /// Scores a stored name (as written in the archive) against a query;
    /// nil when it does not match.
    public static func score(query: NameQuery, stored: String) -> NameMatch? {
        NameScorer(query).score(stored)
    }

    /// Which matches a search keeps: a typo match only when no name
    /// matches better than a typo (by spelling, in any script or system, or
    /// by sound). A surname one letter away from the one typed is most
    /// often another surname (Бухарин, Сухарин); it is offered only when
    /// the name as typed is in the archive under no spelling.
    public static func keepsTypos(_ matches: some Sequence<NameMatch>) -> Bool {
        !matches.contains { $0.reason != .typo }
    }

    /// The highest score a name can get when its surname matched only as
    /// a typo (the typo band: 0.40 plus at most 0.049 of bonus).
    public static let typoCeiling = 0.45

    // MARK: Words

    /// Edits allowed for a word whose cross key has `len` letters.
    package static func typoTolerance(_ len: Int) -> Int { len >= 8 ? 2 : (len >= 3 ? 1 : 0) }

    /// Compares two full words. `surname` adds the checks that keep a
    /// feminine form off the masculine one and -ev off -ov.
    package static func compare(_ q: WordForm, _ s: WordForm, surname: Bool) -> WordMatch? {
        // Exact, same script.
        if let qc = q.cyrillicNormalized, let sc = s.cyrillicNormalized {
            if qc == sc { return WordMatch(level: .exact, cost: 0) }
            if q.alignForm == s.alignForm { return WordMatch(level: .phonetic, cost: 0) }
        } else if !q.isCyrillic && !s.isCyrillic {
            if q.word.latin == s.word.latin { return WordMatch(level: .exact, cost: 0) }
        }
        // Transliteration.
        var t: Int? = nil
        if q.isCyrillic && !s.isCyrillic {
            t = Pivot.align(cyrillic: q.alignForm, latin: s.alignForm, options: s.options)
        } else if !q.isCyrillic && s.isCyrillic {
            t = Pivot.align(cyrillic: s.alignForm, latin: q.alignForm, options: q.options)
        } else if !q.isCyrillic && !s.isCyrillic {
            t = Pivot.align(q.alignForm, q.options, s.alignForm, s.options)
        }
        if let t { return WordMatch(level: .transliteration, cost: t) }
        if surname {
            if genderPair(q, s) || suffixVowelDiffers(q, s) { return nil }
        }
        // Phonetic: a shared cross key.
        for a in q.crossKeys where s.crossKeys.contains(a) { return WordMatch(level: .phonetic, cost: 0) }
        // Typo.
        let tol = typoTolerance(max(q.keyLength, s.keyLength))
        guard tol > 0 else { return nil }
        let d = typoDistance(q, s, limit: tol)
        return d <= tol ? WordMatch(level: .typo, cost: d) : nil
    }

    package static func typoDistance(_ q: WordForm, _ s: WordForm, limit: Int) -> Int {
        var best = Int.max
        if let qc = q.cyrillicNormalized, let sc = s.cyrillicNormalized {
            best = Pivot.editDistance(qc, sc, limit: limit)
        } else {
            let sb = s.spellings()
            for a in q.spellings() {
                for b in sb {
                    best = min(best, Pivot.editDistance(a, b, limit: limit))
                    if best == 0 { return 0 }
                }
            }
        }
        if best <= limit { return best }
        for a in q.crossKeys {
            for b in s.crossKeys { best = min(best, Pivot.editDistance(a, b, limit: limit)) }
        }
        if best <= limit { return best }
        if q.isCyrillic && !s.isCyrillic {
            best = min(best, Pivot.editsAcrossScripts(cyrillic: q.alignForm, latin: s.alignForm, options: s.options, limit: limit))
        } else if !q.isCyrillic && s.isCyrillic {
            best = min(best, Pivot.editsAcrossScripts(cyrillic: s.alignForm, latin: q.alignForm, options: q.options, limit: limit))
        }
        return best
    }

    /// Ежов / Ежова, Krupski / Krupskaya, Tolstoy / Tolstaya: the same stem
    /// with a masculine and a feminine ending.
    package static func genderPair(_ q: WordForm, _ s: WordForm) -> Bool {
        let a = NameKeys.A, e = NameKeys.E, i = NameKeys.I, v = NameKeys.V, n = NameKeys.N
        for x in q.crossKeys {
            for y in s.crossKeys {
                // -ov/-ova, -ev/-eva, -in/-ina.
                if x.count == y.count + 1 && x.last == a && (y.last == v || y.last == n) && x.dropLast().elementsEqual(y) { return true }
                if y.count == x.count + 1 && y.last == a && (x.last == v || x.last == n) && y.dropLast().elementsEqual(x) { return true }
                // Adjectives: -sky/-skaya, -tskiy/-tskaya, -stoy/-staya, -ny/-naya.
                if x.count == y.count, x.count > 2, x.dropLast().elementsEqual(y.dropLast()),
                   [NameKeys.K, NameKeys.T, NameKeys.N].contains(x[x.count - 2]),
                   let lx = x.last, let ly = y.last, lx != ly,
                   (lx == a && (ly == i || ly == e)) || (ly == a && (lx == i || lx == e)) { return true }
            }
        }
        return false
    }

    /// -ev / -ov (Kamenev / Kamenov): different surnames unless ё after a
    /// hushing consonant or л explains it (Khrushchev / Chruschtschow,
    /// Korolev / Korolow).
    package static func suffixVowelDiffers(_ q: WordForm, _ s: WordForm) -> Bool {
        guard let x = suffixVowel(q), let y = suffixVowel(s) else { return false }
        return x.vowel != y.vowel && !x.afterHushing && !y.afterHushing
    }

    package static func suffixVowel(_ f: WordForm) -> (vowel: UInt8, afterHushing: Bool)? {
        if let c = f.word.cyrillic {
            var n = c.count
            if n > 0, c[n - 1] == CyrillicLetter.a { n -= 1 }
            guard n >= 3, c[n - 1] == CyrillicLetter.v else { return nil }
            let v = c[n - 2]
            let hush = CyrillicLetter.isHushing(c[n - 3]) || c[n - 3] == CyrillicLetter.l
            if v == CyrillicLetter.ye || v == CyrillicLetter.e { return (NameKeys.E, hush) }
            if v == CyrillicLetter.o { return (NameKeys.O, hush) }
            return nil
        }
        let l = NameKeys.prepareLatin(f.word.latin)
        var n = l.count
        if n > 0, l[n - 1] == NameKeys.A { n -= 1 }
        guard n >= 3, l[n - 1] == NameKeys.V || l[n - 1] == NameKeys.W else { return nil }
        let v = l[n - 2], p = l[n - 3]
        let hush = [NameKeys.H, NameKeys.Z, NameKeys.S, NameKeys.C, NameKeys.L].contains(p)
        if v == NameKeys.E { return (NameKeys.E, hush) }
        if v == NameKeys.O {
            if [NameKeys.Y, NameKeys.J, NameKeys.I].contains(p) { return nil }  // yo, jo, io: ё
            return (NameKeys.O, hush)
        }
        return nil
    }

    /// Whether an initial (`M`, `Zh`, `Ю`, `Shch`) can stand for a word.
    package static func initialFits(_ ini: NameWord, _ w: NameWord) -> Bool {
        if let ic = ini.cyrillicNormalized, let wc = w.cyrillicNormalized {
            return wc.starts(with: ic)
        }
        if !ini.isCyrillic && !w.isCyrillic {
            if w.latin.starts(with: ini.latin) { return true }
            let a = NameKeys.crossKeys(ini).compactMap(\.first), b = NameKeys.crossKeys(w).compactMap(\.first)
            return a.contains { b.contains($0) }
        }
        if let ic = ini.cyrillicNormalized, let first = ic.first {
            // Cyrillic initial, Latin word.
            return Pivot.renderings[Int(first)].contains { !$0.isEmpty && w.latin.starts(with: $0) }
        }
        if let wc = w.cyrillicNormalized, let first = wc.first {
            let l = ini.latin
            return Pivot.renderings[Int(first)].contains { r in !r.isEmpty && (r.starts(with: l) || l.starts(with: r)) }
        }
        return false
    }

    // MARK: Names

    /// The given-name slots of a name: the first given name (or first
    /// initial), then the patronymic (or the next initial), then any further
    /// given names. Initials stand in the order written: `M. N.` is given
    /// name M, patronymic N.
    package static func slots(_ p: ParsedName, _ forms: [WordForm]) -> (given: Int?, patronymic: Int?, extra: [Int]) {
        var given: Int? = nil, pat: Int? = nil
        var extra: [Int] = []
        if let i = p.others.firstIndex(where: { $0.role == .patronymic }) { pat = i }
        for (i, o) in p.others.enumerated() where i != pat {
            if given == nil { given = i }
            else if pat == nil && o.role == .initial && i > given! { pat = i }
            else { extra.append(i) }
        }
        return (given, pat, extra)
    }

    package static func score(_ q: ParsedName, parse qp: Int, _ qs: WordForm, _ qo: [WordForm], _ s: ParsedName,
                      words: NameScorer, explain: Bool) -> NameMatch? {
        guard let ss = s.surname, let sm = words.surname(parse: qp, qs, ss) else { return nil }
        let qSlots = slots(q, qo), sSlots = slots(s, [])

        var tier = sm.level
        var notes: [String] = []
        if explain { notes.append("surname \(q.surname!.raw) ~ \(ss.raw) (\(describe(sm)))") }
        var allFullExact = sm.level == .exact
        var typed = 0, matched = 0
        var lostCost = 0

        func slot(_ qi: Int?, _ si: Int?, role: NamePartRole) -> Bool {
            guard let qi else { return true }
            typed += 1
            guard let si else {
                allFullExact = false
                if explain { notes.append("\(qo[qi].word.raw) not in the stored name") }
                return true
            }
            let qr = q.others[qi].role, sr = s.others[si].role
            let qRole: NamePartRole = qr == .initial ? .initial : role
            let sRole: NamePartRole = sr == .initial ? .initial : role
            let sw = s.others[si].word
            guard let m = words.other(parse: qp, index: qi, qo[qi], qRole, sw, sRole) else { return false }
            matched += 1
            var level = m.level
            if qr == .initial || sr == .initial {
                allFullExact = false
                level = qs.isCyrillic == ss.isCyrillic ? .sameScript : .transliteration
                if explain { notes.append("initial \(qo[qi].word.raw) ~ \(sw.raw)") }
            } else {
                if level != .exact { allFullExact = false }
                if explain { notes.append("\(qo[qi].word.raw) ~ \(sw.raw) (\(describe(m)))") }
                if level == .typo { lostCost += m.cost }
            }
            if sm.level == .exact && level == .transliteration { level = .sameScript }
            if level > tier { tier = level }
            return true
        }
        // Given name, then patronymic: a different name where both are known
        // rules the stored name out.
        guard slot(qSlots.given, sSlots.given, role: .given) else { return nil }
        guard slot(qSlots.patronymic, sSlots.patronymic, role: .patronymic) else { return nil }
        // Further given names: each must meet one of the stored extras.
        for qi in qSlots.extra {
            typed += 1
            if let si = sSlots.extra.first(where: { words.other(parse: qp, index: qi, qo[qi], q.others[qi].role, s.others[$0].word, s.others[$0].role) != nil }) {
                matched += 1
                if explain { notes.append("\(qo[qi].word.raw) ~ \(s.others[si].word.raw)") }
            } else {
                allFullExact = false
                if !sSlots.extra.isEmpty { return nil }
            }
        }
        if tier == .exact && !allFullExact { tier = .sameScript }

        let base: Double
        switch tier {
        case .exact: base = 0.95
        case .sameScript: base = 0.85
        case .transliteration: base = 0.70
        case .phonetic: base = 0.55
        case .typo: base = 0.40
        }
        let storedParts = (sSlots.given == nil ? 0 : 1) + (sSlots.patronymic == nil ? 0 : 1) + sSlots.extra.count
        var bonus = 0.03 * (typed == 0 ? 1 : Double(matched) / Double(typed))
        bonus += 0.015 * (storedParts == 0 ? 1 : Double(min(matched, storedParts)) / Double(storedParts))
        if sm.level == .transliteration { bonus -= min(0.02, 0.004 * Double(sm.cost)) }
        if sm.level == .typo { bonus -= 0.1 * Double(sm.cost - 1) }
        bonus -= 0.01 * Double(lostCost)
        let score = max(0.01, min(1, base + max(-0.15, bonus) + 0.004))
        return NameMatch(score: score, reason: tier, explanation: notes.joined(separator: "; "))
    }

    package static func describe(_ m: WordMatch) -> String {
        switch m.level {
        case .typo: return m.cost == 1 ? "typo, 1 edit" : "typo, \(m.cost) edits"
        default: return m.level.rawValue
        }
    }

    package static func compareOther(_ q: WordForm, _ qr: NamePartRole, _ s: WordForm, _ sr: NamePartRole) -> WordMatch? {
        if qr == .initial || sr == .initial {
            let (ini, w) = qr == .initial ? (q.word, s.word) : (s.word, q.word)
            if qr == .initial && sr == .initial {
                return initialFits(q.word, s.word) || initialFits(s.word, q.word) ? WordMatch(level: .sameScript, cost: 0) : nil
            }
            return initialFits(ini, w) ? WordMatch(level: .sameScript, cost: 0) : nil
        }
        guard qr == sr else { return nil }
        let direct = compare(q, s, surname: false)
        if let m = direct, m.level <= .transliteration { return m }
        if let eq = GivenNames.russianEquivalent(q.word), let m = compare(WordForm(eq), s, surname: false), m.level <= .transliteration {
            return WordMatch(level: .transliteration, cost: 2)
        }
        if let eq = GivenNames.russianEquivalent(s.word), let m = compare(q, WordForm(eq), surname: false), m.level <= .transliteration {
            return WordMatch(level: .transliteration, cost: 2)
        }
        if let a = GivenNames.russianEquivalent(q.word), let b = GivenNames.russianEquivalent(s.word), a.cyrillic == b.cyrillic {
            return WordMatch(level: .transliteration, cost: 2)
        }
        return direct
    }
}

/// Scores many stored names against one query. Archives repeat words far
/// more than names (a few thousand surnames and a few hundred given names
/// make up millions of names), so the scorer remembers, per stored word,
/// how it compared with the query's words, and per stored name its score:
/// after the first few hundred candidates most comparisons are lookups.
public final class NameScorer {
    public let query: NameQuery

    package struct WordKey: Hashable {
        package var parse: Int
        package var index: Int
        package var roles: UInt8
        package var raw: String
        package var initial: Bool
    }
    /// Word comparisons; `.some(nil)`: compared, no match.
    private var words: [WordKey: WordMatch?] = [:]
    /// Whole stored names (namesakes), by a hash of their bytes, the
    /// bytes kept to rule out collisions.
    private var names: [UInt64: (bytes: [UInt8], match: NameMatch?)] = [:]

    public init(_ query: NameQuery) { self.query = query }

    /// The best match of a stored name (nil: it does not match).
    /// `explain: false` leaves the explanation empty (cheaper when only
    /// the score is needed).
    /// - Parameter wordsChecked: the caller has already seen `mayMatch`
    ///   accept the name's bytes.
    public func score(_ stored: String, explain: Bool = true, wordsChecked: Bool = false) -> NameMatch? {
        var hash: UInt64 = 0
        if !explain {
            hash = Self.hash(stored.utf8)
            if let known = names[hash], known.bytes.elementsEqual(stored.utf8) { return known.match }
        }
        var text = stored
        if !wordsChecked, !text.withUTF8({ mayMatch(utf8: $0) }) { return nil }
        let sp = NameParser.parse(stored)
        var best: NameMatch? = nil
        for (qi, qp) in query.parses.enumerated() {
            guard let qsf = query.forms[qi][0] else { continue }
            for s in sp where s.surname != nil {
                if var m = NameMatcher.score(qp, parse: qi, qsf, query.otherForms[qi], s, words: self, explain: explain) {
                    m.score -= 0.01 * Double(qp.rank + s.rank)
                    if best == nil || m.score > best!.score { best = m }
                }
            }
        }
        if !explain, names[hash] == nil { names[hash] = (Array(stored.utf8), best) }
        return best
    }

    /// FNV-1a over bytes.
    package static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Per token of a stored name (by a hash of its bytes, the bytes kept
    /// to rule out collisions): whether one of its words compares with the
    /// query's surname at all.
    private var tokens: [UInt64: (bytes: [UInt8], ok: Bool)] = [:]

    /// A necessary condition, tested before the full parse: some word of
    /// the stored name compares with the surname of some reading of the
    /// query. Tokens are cut at spaces, commas, dots and semicolons, where
    /// `NameWord.split` ends words too, so the words of a token are words
    /// of the name. Most names that typo keys bring in fail here.
    public func mayMatch(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        for index in 0...bytes.count {
            if index < bytes.count {
                let c = bytes[index]
                guard c == 0x20 || c == 0x2C || c == 0x2E || c == 0x3B else { continue }
            }
            if index > start, tokenMayMatch(UnsafeBufferPointer(rebasing: bytes[start..<index])) { return true }
            start = index + 1
        }
        return false
    }

    private func tokenMayMatch(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let hash = Self.hash(token)
        if let known = tokens[hash], known.bytes.elementsEqual(token) { return known.ok }
        var ok = false
        for w in NameWord.split(String(decoding: token, as: UTF8.self)) where !ok {
            let form = WordForm(w)
            for qi in query.parses.indices {
                if let q = query.forms[qi][0], NameMatcher.compare(q, form, surname: true) != nil { ok = true; break }
            }
        }
        if tokens[hash] == nil { tokens[hash] = (Array(token), ok) }
        return ok
    }

    package func surname(parse: Int, _ q: WordForm, _ s: NameWord) -> WordMatch? {
        let key = WordKey(parse: parse, index: -1, roles: 0, raw: s.raw, initial: s.isInitial)
        if let known = words[key] { return known }
        let m = NameMatcher.compare(q, WordForm(s), surname: true)
        words[key] = .some(m)
        return m
    }

    package func other(parse: Int, index: Int, _ q: WordForm, _ qr: NamePartRole, _ s: NameWord, _ sr: NamePartRole) -> WordMatch? {
        func code(_ r: NamePartRole) -> UInt8 {
            switch r { case .surname: 0; case .given: 1; case .patronymic: 2; case .initial: 3 }
        }
        let key = WordKey(parse: parse, index: index, roles: code(qr) << 2 | code(sr), raw: s.raw, initial: s.isInitial)
        if let known = words[key] { return known }
        let m = NameMatcher.compareOther(q, qr, WordForm(s), sr)
        words[key] = .some(m)
        return m
    }
}
