import Foundation

/// Alignment of Latin spellings on Cyrillic letters: decides whether a Latin
/// word is a spelling of a Cyrillic word in some romanisation (or mix of
/// them), and whether two Latin words are spellings of one Cyrillic word.
///
/// Every Cyrillic letter has the set of Latin strings the systems write for
/// it (the union of ISO 9, GOST, ALA-LC, BGN/PCGN, scholarly, passport,
/// English, German, French, Polish and Czech); a Latin word is cut into
/// such strings by dynamic programming. ASCII fallbacks of diacritic letters
/// (`c` for `č`, `s` for `š`, `a` for `â`) cost a little, so that exact
/// renderings rank first.
package enum Pivot {
    package struct Option: Sendable {
        package var letter: UInt8
        package var length: UInt8
        package var cost: UInt8
    }

    /// Letter → (rendering, cost). ё is read as е.
    package static let renderingList: [(UInt8, [(String, UInt8)])] = {
        typealias L = CyrillicLetter
        return [
            (L.a, [("a", 0)]),
            (L.b, [("b", 0)]),
            (L.v, [("v", 0), ("w", 0)]),
            (L.g, [("g", 0), ("h", 0), ("gu", 0), ("gh", 0)]),
            (L.d, [("d", 0)]),
            (L.ye, [("e", 0), ("ye", 0), ("je", 0), ("ie", 0), ("yo", 0), ("jo", 0), ("io", 0)]),
            (L.zh, [("zh", 0), ("z", 1), ("j", 0), ("sch", 0), ("zs", 1), ("sh", 2)]),
            (L.z, [("z", 0), ("s", 0)]),
            (L.i, [("i", 0), ("y", 1)]),
            (L.shortI, [("j", 0), ("y", 0), ("i", 0)]),
            (L.k, [("k", 0)]),
            (L.l, [("l", 0)]),
            (L.m, [("m", 0)]),
            (L.n, [("n", 0)]),
            (L.o, [("o", 0)]),
            (L.p, [("p", 0)]),
            (L.r, [("r", 0)]),
            (L.s, [("s", 0)]),
            (L.t, [("t", 0)]),
            (L.u, [("u", 0), ("ou", 0)]),
            (L.f, [("f", 0), ("ph", 1)]),
            (L.kh, [("kh", 0), ("h", 0), ("x", 0), ("ch", 0)]),
            (L.ts, [("ts", 0), ("c", 0), ("tz", 0), ("z", 0), ("cz", 1), ("tc", 1)]),  // cz: GOST 7.79 B
            (L.ch, [("ch", 0), ("c", 1), ("cz", 0), ("tch", 0), ("tsch", 0)]),
            (L.sh, [("sh", 0), ("s", 1), ("sz", 0), ("sch", 0), ("ch", 0)]),
            (L.shch, [("shch", 0), ("sc", 1), ("s", 1), ("szcz", 0), ("schtsch", 0), ("chtch", 0), ("sch", 1),
                      ("sh", 2), ("shtch", 0), ("stsch", 0)]),
            (L.hard, []),
            (L.yery, [("y", 0), ("i", 1), ("ui", 1)]),
            (L.soft, [("y", 1), ("j", 1), ("i", 1)]),
            (L.e, [("e", 0)]),
            (L.yu, [("yu", 0), ("ju", 0), ("iu", 0), ("u", 1), ("iou", 0)]),
            (L.ya, [("ya", 0), ("ja", 0), ("ia", 0), ("a", 1)]),
            (L.ukrI, [("i", 0)]),
            (L.yi, [("yi", 0), ("ji", 0), ("i", 1)]),
            (L.ukrYe, [("ye", 0), ("je", 0), ("ie", 0), ("e", 1)]),
            (L.ukrG, [("g", 0)]),
            (L.shortU, [("u", 0), ("w", 0)]),
        ]
    }()

    /// Letters that may be written as nothing.
    @inline(__always)
    package static func isSilent(_ c: UInt8) -> Bool {
        c == CyrillicLetter.shortI || c == CyrillicLetter.soft || c == CyrillicLetter.hard
    }

    /// Whether a silent letter of a Cyrillic word (prepared) may go
    /// unwritten at position `i`. ь and ъ may (most systems drop them); й
    /// only at the end of a word after и, ы or і, where the English and
    /// German forms drop it (-ский → -sky, -ski; Белый → Bely). Everywhere
    /// else every system writes й (j, y or i): Троцкий is never a spelling
    /// of Troitsky, nor Байков of Bakov.
    @inline(__always)
    package static func mayBeUnwritten(_ cyr: [UInt8], at i: Int) -> Bool {
        guard cyr[i] == CyrillicLetter.shortI else { return true }
        return i == cyr.count - 1 && i > 0 && Self.takesUnwrittenShortI(cyr[i - 1])
    }

    @inline(__always)
    static func takesUnwrittenShortI(_ c: UInt8) -> Bool {
        c == CyrillicLetter.i || c == CyrillicLetter.yery || c == CyrillicLetter.ukrI
    }

    /// The same for two Latin words read as one Cyrillic word: `w` writes
    /// the silent letter `letter` as `w[at..<at + length]`, and `other`,
    /// at `otherAt`, leaves it out. й may be left out only when both words
    /// end there after a letter that writes и or ы (i, y); ь and ъ only
    /// after a consonant on both sides (they never follow a vowel).
    package static func mayBeUnwritten(_ letter: UInt8, in w: [UInt8], at: Int, length: Int,
                                       other: [UInt8], otherAt: Int) -> Bool {
        func writesI(_ c: UInt8) -> Bool { c == UInt8(ascii: "i") || c == UInt8(ascii: "y") }
        if letter == CyrillicLetter.shortI {
            return at + length == w.count && otherAt == other.count && at > 0 && otherAt > 0
                && writesI(w[at - 1]) && writesI(other[otherAt - 1])
        }
        return at > 0 && otherAt > 0 && !NameKeys.isLatinVowel(w[at - 1]) && !NameKeys.isLatinVowel(other[otherAt - 1])
    }

    package static let maxRendering = 7

    @inline(__always)
    package static func pack(_ b: ArraySlice<UInt8>) -> UInt64 {
        var v: UInt64 = UInt64(b.count)
        for x in b { v = (v << 8) | UInt64(x) }
        return v
    }

    /// Packed rendering → options (letter, cost).
    package static let table: [UInt64: [(UInt8, UInt8)]] = {
        var t: [UInt64: [(UInt8, UInt8)]] = [:]
        for (letter, rs) in renderingList {
            for (r, cost) in rs {
                t[pack(Array(r.utf8)[...]), default: []].append((letter, cost))
            }
        }
        return t
    }()

    /// Renderings per letter, as byte strings.
    package static let renderings: [[[UInt8]]] = {
        var r = [[[UInt8]]](repeating: [], count: CyrillicLetter.count)
        for (letter, rs) in renderingList { r[Int(letter)] = rs.map { Array($0.0.utf8) } }
        r[Int(CyrillicLetter.yo)] = r[Int(CyrillicLetter.ye)]
        return r
    }()

    /// Latin word prepared for alignment: word-level rewrites, doubled letters collapsed.
    package static func prepare(_ latin: [UInt8]) -> [UInt8] {
        collapse(NameKeys.prepareLatin(latin))
    }

    package static func collapse(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        for x in b where out.last != x { out.append(x) }
        return out
    }

    /// Cyrillic word prepared for alignment: ё → е, doubled letters collapsed.
    package static func prepare(cyrillic c: [UInt8]) -> [UInt8] {
        collapse(c.map { $0 == CyrillicLetter.yo ? CyrillicLetter.ye : $0 })
    }

    /// Options at each position of a prepared Latin word.
    package static func options(_ w: [UInt8]) -> [[Option]] {
        var result = [[Option]](repeating: [], count: w.count)
        let o = UInt8(ascii: "o"), h = UInt8(ascii: "h"), z = UInt8(ascii: "z"), s = UInt8(ascii: "s"), c = UInt8(ascii: "c")
        let l = UInt8(ascii: "l")
        for j in 0..<w.count {
            var opts: [Option] = []
            for len in 1...min(maxRendering, w.count - j) {
                if let hits = table[pack(w[j..<(j + len)])] {
                    for (letter, cost) in hits { opts.append(Option(letter: letter, length: UInt8(len), cost: cost)) }
                }
            }
            // ё after a hushing consonant is written o (Chruschtschow,
            // Gorbaczow), and after л in Polish (Korolow).
            if w[j] == o, j > 0 {
                let p = w[j - 1]
                if p == z || p == s || p == c || p == l || (p == h && j > 1 && [z, s, c].contains(w[j - 2])) {
                    opts.append(Option(letter: CyrillicLetter.ye, length: 1, cost: 1))
                }
            }
            result[j] = opts
        }
        return result
    }

    package static let unreachable = Int.max / 4

    /// Cost of reading Latin `lat` (prepared, with `opts`) as Cyrillic `cyr`
    /// (prepared), or nil when it is not a spelling of it.
    package static func align(cyrillic cyr: [UInt8], latin lat: [UInt8], options opts: [[Option]]) -> Int? {
        let n = cyr.count, m = lat.count
        let x = UInt8(ascii: "x")
        guard n > 0, m > 0 else { return nil }
        let width = m + 1
        var dp = [Int](repeating: unreachable, count: (n + 1) * width)
        dp[0] = 0
        for i in 0...n {
            for j in 0...m {
                let cur = dp[i * width + j]
                if cur >= unreachable || i == n { continue }
                let letter = cyr[i]
                if isSilent(letter), mayBeUnwritten(cyr, at: i) {
                    let k = (i + 1) * width + j
                    if cur < dp[k] { dp[k] = cur }
                }
                // x for кс (Alexei).
                if j < m, lat[j] == x, letter == CyrillicLetter.k, i + 1 < n, cyr[i + 1] == CyrillicLetter.s {
                    let k = (i + 2) * width + j + 1
                    if cur < dp[k] { dp[k] = cur }
                }
                if j < m {
                    for op in opts[j] where op.letter == letter {
                        let k = (i + 1) * width + j + Int(op.length)
                        let v = cur + Int(op.cost)
                        if v < dp[k] { dp[k] = v }
                    }
                }
            }
        }
        let r = dp[n * width + m]
        return r >= unreachable ? nil : r
    }

    /// Cost of reading two Latin words (prepared, with options) as spellings
    /// of one Cyrillic word, or nil.
    package static func align(_ a: [UInt8], _ oa: [[Option]], _ b: [UInt8], _ ob: [[Option]]) -> Int? {
        let n = a.count, m = b.count
        let x = UInt8(ascii: "x"), k = UInt8(ascii: "k"), s = UInt8(ascii: "s")
        guard n > 0, m > 0 else { return nil }
        let width = m + 1
        var dp = [Int](repeating: unreachable, count: (n + 1) * width)
        dp[0] = 0
        for i in 0...n {
            for j in 0...m {
                let cur = dp[i * width + j]
                if cur >= unreachable { continue }
                if i < n {
                    for x in oa[i] {
                        if isSilent(x.letter), mayBeUnwritten(x.letter, in: a, at: i, length: Int(x.length), other: b, otherAt: j) {
                            let k = (i + Int(x.length)) * width + j
                            let v = cur + Int(x.cost)
                            if v < dp[k] { dp[k] = v }
                        }
                        if j < m {
                            for y in ob[j] where y.letter == x.letter {
                                let k = (i + Int(x.length)) * width + j + Int(y.length)
                                let v = cur + Int(x.cost) + Int(y.cost)
                                if v < dp[k] { dp[k] = v }
                            }
                        }
                    }
                }
                // x against ks (Alexei, Aleksei).
                if i < n, j + 1 < m, a[i] == x, b[j] == k, b[j + 1] == s {
                    let t = (i + 1) * width + j + 2
                    if cur < dp[t] { dp[t] = cur }
                }
                if j < m, i + 1 < n, b[j] == x, a[i] == k, a[i + 1] == s {
                    let t = (i + 2) * width + j + 1
                    if cur < dp[t] { dp[t] = cur }
                }
                if j < m {
                    for y in ob[j] where isSilent(y.letter)
                        && mayBeUnwritten(y.letter, in: b, at: j, length: Int(y.length), other: a, otherAt: i) {
                        let k = i * width + j + Int(y.length)
                        let v = cur + Int(y.cost)
                        if v < dp[k] { dp[k] = v }
                    }
                }
            }
        }
        let r = dp[n * width + m]
        return r >= unreachable ? nil : r
    }

    /// Edits (wrong, missing or extra letters, a Cyrillic letter counting as
    /// one against its whole Latin rendering) between a Cyrillic word and a
    /// Latin word, both prepared; spellings in any system cost nothing.
    package static func editsAcrossScripts(cyrillic cyr: [UInt8], latin lat: [UInt8], options opts: [[Option]], limit: Int) -> Int {
        let n = cyr.count, m = lat.count
        if n == 0 || m == 0 { return max(n, m) }
        let width = m + 1
        var dp = [Int](repeating: unreachable, count: (n + 1) * width)
        dp[0] = 0
        @inline(__always) func relax(_ k: Int, _ v: Int) { if v < dp[k] { dp[k] = v } }
        for i in 0...n {
            for j in 0...m {
                let cur = dp[i * width + j]
                if cur > limit { continue }
                if i < n {
                    let letter = cyr[i]
                    relax((i + 1) * width + j, cur + (isSilent(letter) ? 0 : 1))  // letter missing in Latin
                    if j < m {
                        relax((i + 1) * width + j + 1, cur + 1)  // wrong letter
                        for op in opts[j] {
                            relax((i + 1) * width + j + Int(op.length), cur + (op.letter == letter ? 0 : 1))
                        }
                    }
                }
                if j < m {
                    relax(i * width + j + 1, cur + 1)  // extra Latin letter
                    for op in opts[j] where op.length > 1 { relax(i * width + j + Int(op.length), cur + 1) }
                }
            }
        }
        return dp[n * width + m]
    }

    /// Restricted Damerau–Levenshtein distance (adjacent transpositions).
    package static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
        let n = a.count, m = b.count
        if n == 0 { return m }
        if m == 0 { return n }
        if abs(n - m) > limit { return abs(n - m) }
        let w = m + 1
        var d = [Int](repeating: 0, count: (n + 1) * w)
        for i in 0...n { d[i * w] = i }
        for j in 0...m { d[j] = j }
        for i in 1...n {
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, d[(i - 2) * w + j - 2] + 1)
                }
                d[i * w + j] = v
            }
        }
        return d[n * w + m]
    }
}
