import Foundation

/// How a place text is cut into words and keyed, so that the names of the
/// gazetteer and the places written in records meet whatever the script,
/// the romanisation or the grammatical case.
///
/// A text is read in **segments** (split at commas, semicolons, brackets
/// and line ends: `г. Москва, ул. Грановского` is two segments), each a run
/// of **words** (letters, digits, apostrophes and inner hyphens:
/// `Ростов-на-Дону` and `р-н` are one word each).
///
/// Every word gets two keys:
/// - the **exact key**: the word folded to ASCII (`Transliterator.fold`),
///   Cyrillic words first stripped of a Russian case or adjective ending
///   (`Ленинграде`, `Ленинграда` → `leningrad`; `Московской`, `Московская`
///   → `moskovsk`; `Кирово` keeps its `о`, so it never meets `Киров`);
/// - the **cross keys**: the name keys of `NameKeys.crossKeys` (the same
///   word in any romanisation system: `Tsaritsyn`, `Zarizyn`, `Царицын`),
///   used only when no exact key matches.
///
/// Words naming a kind of unit (`обл.`, `губ.`, `край`, `АССР`, `oblast`,
/// `governorate`, `province`) become one token per kind, so that
/// `Ленинградской обл.` and `Leningrad Oblast` are read as regions and
/// `Калининград Московской обл.` as a city with its region.
public enum PlaceText {
    /// The kinds of unit a word may name.
    public enum Unit: String, Sendable, CaseIterable {
        case oblast = "#obl", governorate = "#gub", krai = "#krai", assr = "#assr", ssr = "#ssr"
        case uezd = "#uezd", raion = "#raion", okrug = "#okrug"
    }

    /// What a word is, for reading.
    public enum Role: Sendable, Equatable {
        /// A word that may be (part of) a place name.
        case word
        /// A kind of unit.
        case unit(Unit)
        /// A street, a square, "named after": the rest of the segment is an
        /// address or a dedication, not a place.
        case stopSegment
    }

    /// One word of a text.
    public struct Word: Sendable, Equatable {
        /// As written.
        public var text: String
        public var role: Role
        /// The exact key (empty for units and stops).
        public var exact: String
        /// The cross keys (at most a few).
        public var cross: [String]
        /// For a hyphenated word, the exact key of its parts written
        /// solid: `Средне-Волжский` meets `Средневолжский`.
        public var solid: String? = nil
    }

    /// The longest text read (longer texts are read up to here): a place
    /// is a line, not a document.
    public static let maxLength = 1000
    /// The most words read from one text.
    public static let maxWords = 60

    static let unitWords: [String: Unit] = {
        var table: [String: Unit] = [:]
        for w in ["область", "области", "областью", "обл", "oblast", "oblast'", "oblasti", "region"] { table[w] = .oblast }
        for w in ["губерния", "губернии", "губернию", "губ", "governorate", "gubernia", "guberniya", "guberniia", "province", "gouvernement"] {
            table[w] = .governorate
        }
        for w in ["край", "края", "крае", "краю", "krai", "kray", "territory"] { table[w] = .krai }
        for w in ["асср", "assr"] { table[w] = .assr }
        for w in ["сср", "рср", "сфср", "ssr", "sfsr"] { table[w] = .ssr }
        for w in ["уезд", "уезда", "уезде", "у", "уезд.", "uezd", "uyezd", "povit", "повіт", "повiт"] { table[w] = .uezd }
        for w in ["район", "района", "районе", "р-н", "р-на", "р-не", "raion", "rayon", "district"] { table[w] = .raion }
        for w in ["округ", "округа", "округе", "okrug"] { table[w] = .okrug }
        return table
    }()

    static let stopWords: Set<String> = [
        "ул", "улица", "улицы", "пр", "просп", "проспект", "пер", "переулок", "пл", "площадь", "бул", "бульвар",
        "наб", "набережная", "шоссе", "туп", "тупик", "им", "имени", "кв", "street", "st.", "avenue", "prospekt",
        "ulitsa", "ulica", "ul", "вул", "вулиця",
    ]

    /// Russian case and adjective endings, longest first; a Cyrillic word
    /// loses the first that leaves at least three letters.
    static let endings: [String] = [
        "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями",
        "ая", "яя", "ую", "юю", "ой", "ей", "ий", "ый", "ое", "ее", "ые", "ие", "ых", "их",
        "ом", "ем", "ам", "ям", "ах", "ях", "ою", "ею",
        "е", "у", "ю", "а", "я", "ы", "и", "ь", "й",
    ].sorted { $0.count > $1.count }

    /// The words of a text by segment. Reads at most `maxLength` characters
    /// and `maxWords` words; linear in the text read.
    public static func segments(_ text: String) -> [[Word]] {
        var segments: [[Word]] = []
        var current: [Word] = []
        var word = String.UnicodeScalarView()
        var count = 0
        var words = 0
        var stopped = false
        func endWord(dot: Bool) {
            guard !word.isEmpty else { return }
            var raw = String(word)
            word.removeAll()
            while raw.hasSuffix("-") || raw.hasSuffix("'") { raw.removeLast() }
            while raw.hasPrefix("-") || raw.hasPrefix("'") { raw.removeFirst() }
            guard !raw.isEmpty, words < maxWords else { return }
            words += 1
            if stopped { return }
            let w = Self.word(raw)
            if w.role == .stopSegment { stopped = true; return }
            current.append(w)
        }
        func endSegment() {
            endWord(dot: false)
            if !current.isEmpty { segments.append(current) }
            current = []
            stopped = false
        }
        for s in text.unicodeScalars {
            count += 1
            if count > maxLength { break }
            if s.properties.isAlphabetic || (s.value >= 0x30 && s.value <= 0x39) || s == "'" || s == "\u{2019}" || s == "\u{02BC}" {
                word.append(s == "\u{2019}" || s == "\u{02BC}" ? "'" : s)
            } else if s == "-" || s == "\u{2010}" || s == "\u{2011}" {
                if !word.isEmpty { word.append("-") }
            } else if s.properties.generalCategory == .nonspacingMark {
                if !word.isEmpty { word.append(s) }
            } else if s == "," || s == ";" || s == "(" || s == ")" || s == "[" || s == "]" || s == "\n" || s == "\r" || s == "/" {
                endSegment()
            } else {
                endWord(dot: s == ".")
            }
        }
        endSegment()
        return segments
    }

    /// Keys one word as written.
    public static func word(_ raw: String) -> Word {
        let lower = raw.lowercased().replacingOccurrences(of: "ё", with: "е")
        if let unit = unitWords[lower] { return Word(text: raw, role: .unit(unit), exact: unit.rawValue, cross: [unit.rawValue]) }
        if stopWords.contains(lower) { return Word(text: raw, role: .stopSegment, exact: "", cross: []) }
        let parts = lower.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
        let exact = parts.map { Transliterator.fold(stem($0)).replacingOccurrences(of: " ", with: "") }.joined(separator: "-")
        var cross: [String] = [""]
        for part in parts {
            var keys = NameKeys.crossKeys(ofWord: part)
            if keys.isEmpty { keys = [Transliterator.fold(part)] }
            var next: [String] = []
            for prefix in cross {
                for key in keys.prefix(4) { next.append(prefix.isEmpty ? key : prefix + "-" + key) }
            }
            cross = Array(next.prefix(8))
        }
        let solid = parts.count > 1
            ? Transliterator.fold(stem(parts.joined())).replacingOccurrences(of: " ", with: "") : nil
        return Word(text: raw, role: .word, exact: exact, cross: cross, solid: solid)
    }

    /// A Cyrillic word without its case or adjective ending; other words as
    /// they are.
    public static func stem(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value < 0x530 }) else { return word }
        // Ukrainian and Belarusian words (і ї є ґ ў) decline otherwise: kept whole.
        if word.unicodeScalars.contains(where: { "іїєґў".unicodeScalars.contains($0) }) { return word }
        let letters = word.count
        for ending in endings where word.hasSuffix(ending) && letters - ending.count >= 3 {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    /// The key of a run of words, in one of the two layers.
    static func key(_ words: ArraySlice<Word>, exact: Bool) -> [String] {
        var keys: [String] = [""]
        for w in words {
            let parts = exact ? [w.exact] + (w.solid.map { [$0] } ?? []) : w.cross
            var next: [String] = []
            for prefix in keys {
                for part in parts { next.append(prefix.isEmpty ? part : prefix + " " + part) }
            }
            keys = Array(next.prefix(16))
        }
        return keys
    }
}
