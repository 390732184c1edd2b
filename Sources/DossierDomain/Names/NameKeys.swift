import Foundation

/// Keys computed for every stored name at write time, so that spellings of
/// one name in different scripts and romanisation systems meet.
///
/// **Folded form** (`fold`): lower-case ASCII, diacritics stripped, Cyrillic by
/// ISO 9 (`Тухачевский`, `Tuhačevskij` → `tuhacevskij`).
///
/// **Cross key** (`crossKeys`), one per word, built like the Daitch–Mokotoff
/// and Beider–Morse codes from the romanisation tables of ISO 9, GOST, ALA-LC,
/// BGN/PCGN, the scholarly system, passports, and the German, French, Polish
/// and Czech traditions, but keeping the vowel skeleton so that it stays
/// selective. Every system's spelling of a Cyrillic name gives the same key:
/// - velars `к г х ґ` and `k g h kh gh ch x q ck` → `k` (х is kh/h/x/ch, Г is
///   written H in Ukrainian and Czech);
/// - sibilants and affricates `с з ж ш щ ц ч`, `s z zh sh sch sz cz tsch tch
///   shch szcz schtsch chtch ts tz dz c ž š č ś ż` → `s`; a `t`/`d` before a
///   sibilant is absorbed (`ts`, `tz`, `dz`, `тс`);
/// - `w v` → `v`, `ph f` → `f`, `ł` → `l`; everything else as written;
/// - a run of vowels and glides (`y j i ь ъ й`) becomes one class: glides `j`
///   are dropped, a trailing `i`/`y` after another vowel is a й and dropped,
///   and the last vowel decides: `a`, `e`/`o` → `e` (ё is written e, yo, jo,
///   io, o), `i`/`y` → `i`, `u` (`ou`, `iou`) → `u`. So `-ий -ый -iy -ii
///   -ij -y -yi -i` → `i`; `ya ja ia â я` → `a`; `ye je ie е` → `e`;
///   `-skaya -skaja -skaia -ska` → `-ska`; `Nikolai Nikolaj Nikolay` → `nikela`;
/// - repeated classes collapse (doubled letters, `khh`, `zzh`);
/// - French `-ine`/`-yne` → `-in`/`-yn` (Boukharine, Soljenitsyne),
///   `-off`/`-eff` → `-ov`/`-ev`.
/// Ambiguous Latin spellings give several keys (at most 8): `ch` (х in
/// German, Polish and Czech; ч in English; ш in French) → `k` or `s`; `j`
/// before a vowel (glide, or ж in French) → glide or `s`; `x` → `k` or `ks`;
/// `c` before a back vowel or consonant → `s` or `k`.
///
/// Feminine forms keep their ending (`-ova` → `…eva` key, `-ov` → `…ev`), so
/// they never share the cross key of the masculine form.
///
/// **Skeleton** (`skeleton`): the cross key without vowels, collapsed
/// (`tukasevski` → `tksvsk`); stored whole, and looked up with its
/// one-deletion neighbours, for typos.
public enum NameKeys {
    // Token bytes.
    package static let A = UInt8(ascii: "a"), E = UInt8(ascii: "e"), I = UInt8(ascii: "i"), O = UInt8(ascii: "o")
    package static let U = UInt8(ascii: "u"), Y = UInt8(ascii: "y"), J = UInt8(ascii: "j")
    package static let K = UInt8(ascii: "k"), S = UInt8(ascii: "s"), T = UInt8(ascii: "t"), D = UInt8(ascii: "d")
    package static let V = UInt8(ascii: "v"), F = UInt8(ascii: "f"), C = UInt8(ascii: "c"), H = UInt8(ascii: "h")
    package static let Z = UInt8(ascii: "z"), G = UInt8(ascii: "g"), X = UInt8(ascii: "x"), W = UInt8(ascii: "w")
    package static let N = UInt8(ascii: "n"), P = UInt8(ascii: "p"), Q = UInt8(ascii: "q"), R = UInt8(ascii: "r")
    package static let L = UInt8(ascii: "l"), M = UInt8(ascii: "m"), B = UInt8(ascii: "b")

    package static let maxVariants = 8

    /// Cyrillic letter → tokens.
    package static let cyrillicTokens: [[UInt8]] = [
        "a", "b", "v", "k", "d", "e", "o", "s", "s", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t",
        "u", "f", "k", "s", "s", "s", "s", "j", "y", "j", "e", "ju", "ja", "i", "ji", "je", "k", "u",
    ].map { Array($0.utf8) }

    @inline(__always) package static func isLatinVowel(_ c: UInt8) -> Bool {
        c == A || c == E || c == I || c == O || c == U || c == Y
    }
    @inline(__always) package static func isRunToken(_ c: UInt8) -> Bool { isLatinVowel(c) || c == J }
    @inline(__always) package static func isVowelClass(_ c: UInt8) -> Bool { c == A || c == E || c == I || c == U }

    /// Latin word-level rewrites before keys and matching: French `-ine`,
    /// `-off`/`-eff`.
    package static func prepareLatin(_ w: [UInt8]) -> [UInt8] {
        var l = w.filter { ($0 >= 0x61 && $0 <= 0x7A) }
        let n = l.count
        if n > 4, l[n - 3] == I || l[n - 3] == Y, l[n - 2] == N, l[n - 1] == E { l.removeLast() }
        else if n > 4, l[n - 2] == F, l[n - 1] == F, l[n - 3] == O || l[n - 3] == E { l.removeLast(2); l.append(V) }
        return l
    }

    @inline(__always)
    package static func matches(_ w: [UInt8], _ i: Int, _ p: [UInt8]) -> Bool {
        guard i + p.count <= w.count else { return false }
        for k in 0..<p.count where w[i + k] != p[k] { return false }
        return true
    }

    package static let sibilantPatterns: [[UInt8]] = [
        "schtsch", "shtch", "chtch", "tsch", "szcz", "shch", "sch", "tch", "zh", "sh", "sz", "cz", "zs",
    ].map { Array($0.utf8) }

    /// Latin word → token strings (one per reading of ambiguous letters).
    package static func latinTokens(_ w: [UInt8]) -> [[UInt8]] {
        var outs: [[UInt8]] = [[]]
        func add(_ t: UInt8) { for k in outs.indices { outs[k].append(t) } }
        func branch(_ a: [UInt8], _ b: [UInt8]) {
            if outs.count * 2 > maxVariants { for k in outs.indices { outs[k] += a }; return }
            outs = outs.map { $0 + a } + outs.map { $0 + b }
        }
        let n = w.count
        var i = 0
        outer: while i < n {
            for p in sibilantPatterns where matches(w, i, p) {
                add(S); i += p.count; continue outer
            }
            let c = w[i]
            let next: UInt8? = i + 1 < n ? w[i + 1] : nil
            if (c == K || c == G) && next == H { add(K); i += 2; continue }
            if c == C && next == K { branch([S, K], [K]); i += 2; continue }  // Polish ц+к, German k
            if c == P && next == H { add(F); i += 2; continue }
            if c == C && next == H { branch([S], [K]); i += 2; continue }
            switch c {
            case A, E, I, O, U, Y: add(c)
            case J:
                if next == nil { add(J) }
                else if isLatinVowel(next!) { branch([J], [S]) }
                else if i == 0 { add(S) } else { add(J) }
            case X: branch([K, S], [K])
            case C:
                if let nx = next, [A, O, U, L, R, T, K, N, M].contains(nx) { branch([S], [K]) } else { add(S) }
            case H, G, K, Q: add(K)
            case W, V: add(V)
            case Z, S: add(S)
            case B, P, D, T, F, L, M, N, R: add(c)
            default: break
            }
            i += 1
        }
        return outs
    }

    /// Tokens → key: absorb t/d before a sibilant, classify vowel runs,
    /// collapse repeats.
    package static func finalize(_ t: [UInt8]) -> [UInt8] {
        var a: [UInt8] = []
        a.reserveCapacity(t.count)
        for (i, c) in t.enumerated() {
            if (c == T || c == D), i + 1 < t.count, t[i + 1] == S { continue }
            a.append(c)
        }
        var out: [UInt8] = []
        out.reserveCapacity(a.count)
        var i = 0
        while i < a.count {
            let c = a[i]
            if isRunToken(c) {
                var nucleus: [UInt8] = []
                while i < a.count, isRunToken(a[i]) {
                    if a[i] != J { nucleus.append(a[i]) }
                    i += 1
                }
                while nucleus.count > 1, let l = nucleus.last, l == I || l == Y { nucleus.removeLast() }
                guard let l = nucleus.last else { continue }
                let cls: UInt8
                switch l {
                case A: cls = A
                case E, O: cls = E
                case U: cls = U
                default: cls = I
                }
                if out.last != cls { out.append(cls) }
            } else {
                if out.last != c { out.append(c) }
                i += 1
            }
        }
        return out
    }

    /// The cross keys of one word (one for Cyrillic; one or more for Latin).
    package static func crossKeys(_ w: NameWord) -> [[UInt8]] {
        WorkCounter.add(w.latin.count + 1)
        if let c = w.cyrillic {
            var t: [UInt8] = []
            t.reserveCapacity(c.count + 2)
            for l in c { t.append(contentsOf: cyrillicTokens[Int(l)]) }
            return [finalize(t)]
        }
        let variants = latinTokens(prepareLatin(w.latin)).map(finalize)
        if variants.count == 1 { return variants }
        var seen = Set<[UInt8]>()
        return variants.filter { seen.insert($0).inserted }
    }

    /// The cross keys of a single word given as text (`Tuchatschewski` → `tukasevski`).
    public static func crossKeys(ofWord text: String) -> [String] {
        guard let w = NameWord.split(text).first else { return [] }
        return crossKeys(w).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The folded Latin form of a name (see `Transliterator.fold`).
    public static func folded(_ name: String) -> String { Transliterator.fold(name) }

    /// A cross key without its vowels, repeats collapsed.
    package static func skeleton(_ key: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for c in key where !isVowelClass(c) {
            if out.last != c { out.append(c) }
        }
        return out
    }

    /// Longest key, in tokens, whose one-deletion neighbours are made: the
    /// longest real surnames (compounds such as Голенищев-Кутузов-Толстой
    /// included) have cross keys of 30 tokens or fewer. A longer key has
    /// no neighbours, only itself: its n neighbours of n tokens each would
    /// make the keys of one absurdly long word quadratic in its length (a
    /// word of 100,000 letters, 10 GB of keys).
    package static let maxTypoKeyLength = 64

    /// A string and its one-deletion neighbours (distinct; repeats collapse,
    /// and two vowel classes brought together merge into the second, as a
    /// vowel run would). Only the string itself when it is longer than
    /// `maxTypoKeyLength`.
    package static func deletionNeighbourhood(_ s: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = [s]
        guard s.count > 1, s.count <= maxTypoKeyLength else { return result }
        var seen: Set<[UInt8]> = [s]
        for d in 0..<s.count {
            WorkCounter.add(s.count)
            var v: [UInt8] = []
            v.reserveCapacity(s.count)
            for (k, c) in s.enumerated() where k != d {
                if let l = v.last, l == c || (isVowelClass(l) && isVowelClass(c)) { v.removeLast() }
                v.append(c)
            }
            if !v.isEmpty && seen.insert(v).inserted { result.append(v) }
        }
        return result
    }

    /// The typo keys of a cross key as stored: `c:<gi>:` + each key of the
    /// cross key's one-deletion neighbourhood, and `t:<gi>:` + the consonant
    /// skeleton alone. (Deletion neighbourhoods of the skeleton itself, as
    /// stored keys, are shared by far too many names: a query would read
    /// thousands of names for every short skeleton.)
    package static func storedTypoKeys(_ key: [UInt8], given gi: UInt8) -> [String] {
        let skel = skeleton(key)
        return deletionNeighbourhood(key).map { typoKey("c", gi, $0) } + (skel.isEmpty ? [] : [typoKey("t", gi, skel)])
    }

    /// The typo keys a query looks up for a cross key: the cross key's
    /// one-deletion neighbourhood (meeting a stored key after at most one
    /// deletion on each side: one substituted, inserted, deleted or swapped
    /// letter), and the skeleton's neighbourhood (a stored skeleton equal to
    /// the query's with at most one consonant removed, whatever the vowels).
    package static func queryTypoKeys(_ key: [UInt8], given gi: UInt8) -> [String] {
        let skel = skeleton(key)
        var keys: [String] = []
        if !skel.isEmpty { keys += deletionNeighbourhood(skel).map { typoKey("t", gi, $0) } }
        keys += deletionNeighbourhood(key).map { typoKey("c", gi, $0) }
        return keys
    }

    /// First classes of a given name or initial's cross keys.
    package static func givenClasses(_ w: NameWord?) -> [UInt8] {
        guard let w else { return [UInt8(ascii: "_")] }
        var r: [UInt8] = []
        for k in crossKeys(w) {
            if let f = k.first, !r.contains(f) { r.append(f) }
        }
        return r.isEmpty ? [UInt8(ascii: "_")] : r
    }

    /// Every first class a given name can have, and `_` for none.
    package static let allGivenClasses: [UInt8] = Array("aeiubpdtvflmnrks_".utf8)

    /// The first class of a word beginning with each Cyrillic letter (a
    /// glide й/ь/ъ takes the class of the vowel after it: any vowel class).
    package static let cyrillicInitialClasses: [[UInt8]] = (0..<CyrillicLetter.count).map { c in
        let k = finalize(cyrillicTokens[c])
        if let f = k.first { return [f] }
        return [A, E, I, U]
    }

    /// The first classes under which a name's surname key is filed, or a
    /// query's given name looks it up: those of the word's cross keys; for
    /// a Latin initial also those of every Cyrillic letter it can render
    /// (`Y.` stands for Е, Ю, Я, Й…, `C.` for Ц, Ч, К); and those of the
    /// Russian equivalent of a Western given name (Eugene → Евгений).
    package static func givenKeyClasses(_ w: NameWord?) -> [UInt8] {
        guard let w else { return [UInt8(ascii: "_")] }
        var r: [UInt8] = []
        func add(_ c: UInt8) { if !r.contains(c) { r.append(c) } }
        for k in crossKeys(w) { if let f = k.first { add(f) } }
        if !w.isCyrillic, !w.latin.isEmpty {
            // An initial on one side and a word on the other meet when the
            // word begins with a rendering of the initial's letter
            // (`И.` and Iakov, `Т.` and Tsvi; `Y.` and Евгений).
            let l = w.latin
            for c in 0..<CyrillicLetter.count {
                let glide = cyrillicInitialClasses[c].count > 1
                if glide && !w.isInitial { continue }   // й, ь, ъ: no given name begins so
                if Pivot.renderings[c].contains(where: { !$0.isEmpty && (l.starts(with: $0) || (w.isInitial && $0.starts(with: l))) }) {
                    for f in cyrillicInitialClasses[c] { add(f) }
                }
            }
        }
        // Latin and Polish keep the H of Greek names that Russian drops
        // (Hieronim, Ieronim, Иероним; Hilarion, Илларион).
        if !w.isCyrillic, w.latin.count > 2, w.latin[0] == H, isLatinVowel(w.latin[1]) {
            var rest = w
            rest.latin.removeFirst()
            for k in crossKeys(rest) { if let f = k.first { add(f) } }
        }
        if let eq = GivenNames.russianEquivalent(w) {
            for k in crossKeys(eq) { if let f = k.first { add(f) } }
        }
        if r.isEmpty { add(UInt8(ascii: "_")) }
        return r
    }

    package static func surnameKey(_ k: [UInt8]) -> String { "s:" + String(decoding: k, as: UTF8.self) }
    /// A surname key filed under the first class of a given name:
    /// `s:<cross key>:<class>`.
    package static func surnameKey(_ k: [UInt8], given gi: UInt8) -> String {
        var b: [UInt8] = [UInt8(ascii: "s"), UInt8(ascii: ":")]
        b.append(contentsOf: k)
        b.append(UInt8(ascii: ":"))
        b.append(gi)
        return String(decoding: b, as: UTF8.self)
    }
    package static func typoKey(_ family: Unicode.Scalar, _ gi: UInt8, _ skel: [UInt8]) -> String {
        var b: [UInt8] = [UInt8(ascii: family), UInt8(ascii: ":"), gi, UInt8(ascii: ":")]
        b.append(contentsOf: skel)
        return String(decoding: b, as: UTF8.self)
    }

    /// The keys stored for a name in the `name_key` table (about two on average):
    /// `s:<cross key of the surname>:<first class of the given name>` —
    /// every spelling of the surname in any system shares the cross key
    /// (two when the surname is ambiguous or the reading of the name is);
    /// filing it under the given name's first class (`_` for none, several
    /// for an ambiguous initial or a Western given name) lets a query with
    /// a given name read only the names that can agree with it, a small
    /// part of a common surname's names.
    ///
    /// The typo keys of a surname key are kept once per surname key, not
    /// once per name (`surnameTypoKeys(ofSurnameKey:)`, table `surname_typo`).
    public static func indexKeys(for storedName: String) -> [String] {
        indexKeys(parses: NameParser.parse(storedName))
    }

    package static func indexKeys(parses: [ParsedName]) -> [String] {
        var keys: [String] = []
        func add(_ k: String) { if !keys.contains(k) { keys.append(k) } }
        for p in parses {
            guard let sur = p.surname else { continue }
            let classes = givenKeyClasses(p.leadingGiven)
            for k in crossKeys(sur) { for gi in classes { add(surnameKey(k, given: gi)) } }
        }
        return keys
    }

    /// The typo keys of a surname key `s:<cross key>:<class>`, stored in the
    /// `surname_typo` table beside it: `c:<class>:` + the cross key and each
    /// of its one-deletion neighbours, and `t:<class>:` + its consonant
    /// skeleton. A query with one wrong, missing, extra or swapped letter in
    /// the surname looks up the neighbourhoods of its own cross key and
    /// skeleton (`queryTypoKeys`), which meet these; the surname keys found
    /// lead to the names in `name_key`. Kept per surname key rather than per
    /// name: a common surname's keys are written once, not once for each of
    /// its thousands of names. Empty for anything that is no surname key.
    public static func surnameTypoKeys(ofSurnameKey key: String) -> [String] {
        let bytes = Array(key.utf8)
        guard bytes.count >= 5, bytes[0] == UInt8(ascii: "s"), bytes[1] == UInt8(ascii: ":"),
              bytes[bytes.count - 2] == UInt8(ascii: ":") else { return [] }
        let k = Array(bytes[2..<(bytes.count - 2)])
        guard !k.isEmpty else { return [] }
        return storedTypoKeys(k, given: bytes[bytes.count - 1])
    }
}
