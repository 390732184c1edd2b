import Foundation

/// The criminal codes that statute references may name.
package enum StatuteCodes {
    /// A republic's code family and the code meant when the text names the
    /// republic without a year.
    package struct Family: Sendable {
        package var base: String
        package var standard: String
    }

    package static let known = [
        "RSFSR-1922", "RSFSR-1926", "RSFSR-1960",
        "UkrSSR-1922", "UkrSSR-1927", "UkrSSR-1960",
        "BSSR-1928",
        "AzSSR", "AzSSR-1960",
    ]

    package static let families: [String: Family] = [
        "rsfsr": Family(base: "RSFSR", standard: "RSFSR-1926"),
        "ukrssr": Family(base: "UkrSSR", standard: "UkrSSR-1927"),
        "bssr": Family(base: "BSSR", standard: "BSSR-1928"),
        "azssr": Family(base: "AzSSR", standard: "AzSSR"),
    ]

    /// How the republics are written after `УК` / `КК` (lower-cased).
    package static let republics: [String: String] = [
        "рсфср": "rsfsr", "rsfsr": "rsfsr",
        "усср": "ukrssr", "урср": "ukrssr", "усрр": "ukrssr", "ukrssr": "ukrssr",
        "бсср": "bssr", "bssr": "bssr",
        "азсср": "azssr", "azssr": "azssr",
    ]

    /// Words that introduce a code named in the text: `УК РСФСР`, `КК УРСР`.
    package static let codeWords: Set<String> = ["ук", "кк", "cc"]

    /// The code meant by a family and an optional year, or nil when no such
    /// code is known.
    package static func code(family key: String, year: Int?, defaultCode: String?) -> String? {
        guard let family = families[key] else { return nil }
        if let year {
            let name = "\(family.base)-\(year)"
            return known.contains(name) ? name : nil
        }
        // "УК РСФСР" without a year: the row's own code when it is of the
        // same republic (e.g. RSFSR-1922 for a case of 1924).
        if let defaultCode, defaultCode == family.base || defaultCode.hasPrefix(family.base + "-") {
            return defaultCode
        }
        return family.standard
    }

    /// The canonical spelling of an explicit code (`rsfsr-1926` →
    /// `RSFSR-1926`), or nil when unknown.
    package static func canonical(_ name: String) -> String? {
        known.first { $0.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// The OSO and troika letter codes.
package enum OSOCodes {
    package struct Entry: Sendable {
        package var code: String
        package var latin: String
    }

    /// From the glossary and the literature on the Special Board: КРД
    /// counter-revolutionary activity, КРТД … Trotskyist activity, КРА
    /// counter-revolutionary agitation, АСА anti-Soviet agitation, СОЭ
    /// socially dangerous element, СВЭ socially harmful element, ПШ
    /// suspicion of espionage, ПШД suspicion of espionage activity, СВПШ
    /// contacts leading to suspicion of espionage, КРМ counter-revolutionary
    /// thinking, ВАС harbouring anti-Soviet sentiments, ПД criminal
    /// activity, ЧС family member, ЧСИР family member of a traitor to the
    /// Motherland.
    package static let known: [Entry] = [
        Entry(code: "КРД", latin: "KRD"), Entry(code: "КРТД", latin: "KRTD"),
        Entry(code: "КРА", latin: "KRA"), Entry(code: "АСА", latin: "ASA"),
        Entry(code: "СОЭ", latin: "SOE"), Entry(code: "СВЭ", latin: "SVE"),
        Entry(code: "ПШ", latin: "PSH"), Entry(code: "ПШД", latin: "PSHD"),
        Entry(code: "СВПШ", latin: "SVPSH"), Entry(code: "КРМ", latin: "KRM"),
        Entry(code: "ВАС", latin: "VAS"), Entry(code: "ПД", latin: "PD"),
        Entry(code: "ЧС", latin: "CHS"), Entry(code: "ЧСИР", latin: "CHSIR"),
    ]

    package static let byCyrillic: Set<String> = Set(known.map(\.code))
    package static let byLatin: [String: String] = Dictionary(uniqueKeysWithValues: known.map { ($0.latin, $0.code) })

    /// A known code written in Cyrillic or Latin, any case → its Cyrillic
    /// form.
    package static func known(_ word: String) -> String? {
        let upper = word.uppercased()
        if byCyrillic.contains(upper) { return upper }
        return byLatin[upper]
    }

    /// After an explicit `oso/`: a known code, or any short Cyrillic code.
    package static func afterPrefix(_ word: String) -> String? {
        if let code = known(word) { return code }
        let upper = word.uppercased()
        guard (2...6).contains(upper.count), upper.unicodeScalars.allSatisfy({ ("А"..."Я").contains($0) || $0 == "Ё" }) else {
            return nil
        }
        return upper
    }
}

/// Letters after an article or part. Cyrillic letters are mapped by their
/// place in the alphabet, as the literature writes article 58: 58-1а →
/// 58-1a, 58-1б → 58-1b, 58-1в → 58-1c, 58-1г → 58-1d. Cyrillic `е` is
/// refused rather than mapped, because it looks like Latin `e` but would
/// be the sixth letter.
package enum StatuteLetters {
    package static let map: [Character: Character] = [
        "а": "a", "б": "b", "в": "c", "г": "d", "д": "e",
        "a": "a", "b": "b", "c": "c", "d": "d", "e": "e",
    ]

    package static func normal(_ word: String) -> Character? {
        guard word.count == 1, let c = word.lowercased().first else { return nil }
        return map[c]
    }
}

/// Months as dates of decrees write them.
package enum MonthNames {
    package static let table: [String: Int] = {
        var table: [String: Int] = [:]
        let russian = [
            ["январь", "января", "янв"], ["февраль", "февраля", "фев", "февр"], ["март", "марта", "мар"],
            ["апрель", "апреля", "апр"], ["май", "мая"], ["июнь", "июня", "июн"],
            ["июль", "июля", "июл"], ["август", "августа", "авг"], ["сентябрь", "сентября", "сен", "сент"],
            ["октябрь", "октября", "окт"], ["ноябрь", "ноября", "ноя", "нояб"], ["декабрь", "декабря", "дек"],
        ]
        let english = [
            ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"],
            ["june", "jun"], ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"],
            ["october", "oct"], ["november", "nov"], ["december", "dec"],
        ]
        for (index, names) in russian.enumerated() { for name in names { table[name] = index + 1 } }
        for (index, names) in english.enumerated() { for name in names { table[name] = index + 1 } }
        return table
    }()

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
