import Foundation

/// Text helpers shared by the citation writers.
package enum CitationText {
    package static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x052F).contains(scalar.value)
    }

    package static func hasCyrillic(_ text: String?) -> Bool {
        text?.unicodeScalars.contains(where: isCyrillic) ?? false
    }

    /// True when any title of the source is written in Cyrillic.
    package static func hasCyrillic(in source: Source) -> Bool {
        hasCyrillic(source.title) || hasCyrillic(source.containerTitle) || hasCyrillic(source.collectionTitle)
            || hasCyrillic(source.extra["title-short"]?.stringValue)
    }

    /// True when citeproc and biblatex treat the source as English (and so
    /// may change the case of its titles).
    package static func isEnglish(_ source: Source) -> Bool {
        guard let language = source.language?.lowercased(), !language.isEmpty else {
            return !hasCyrillic(in: source)
        }
        return language.hasPrefix("en") || ["english", "american", "british", "canadian", "australian"].contains(language)
    }

    /// Library of Congress romanisation of Russian without diacritics
    /// (as in most English-language bibliographies): Рогинский → Roginskii.
    package static let russian: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
        "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
    ]

    /// Lower-case ASCII letters and digits only: Cyrillic romanised, Latin
    /// diacritics removed, everything else dropped.
    package static func asciiSlug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if let latin = russian[character] { out += latin; continue }
            let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            for scalar in folded.unicodeScalars where scalar.isASCII {
                let c = Character(scalar)
                if c.isLetter || c.isNumber { out.append(c) }
            }
            switch character {
            case "ß": out += "ss"
            case "æ": out += "ae"
            case "œ": out += "oe"
            case "ø": out += "o"
            case "ł": out += "l"
            case "đ", "ð": out += "d"
            case "þ": out += "th"
            case "ı": out += "i"
            default: break
            }
        }
        return out
    }

    /// Words of a title: runs of letters, digits, apostrophes and hyphens.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "'" || character == "’" {
                current.append(character)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Words left out of citation keys and ignored at the start of titles
    /// when sorting.
    package static let leadingArticles: Set<String> = ["the", "a", "an"]
    package static let insignificantWords: Set<String> = [
        "the", "a", "an", "of", "on", "in", "to", "and", "for", "with", "from", "by", "at", "as", "or", "v", "vs",
        "der", "die", "das", "ein", "eine", "le", "la", "les", "l", "un", "une", "de", "des", "du", "el", "los",
        "о", "об", "в", "во", "на", "и", "к", "ко", "с", "со", "по", "из", "за", "для", "от", "до", "у",
    ]
}
