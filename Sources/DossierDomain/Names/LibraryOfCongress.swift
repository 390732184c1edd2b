import Foundation

/// The ALA-LC romanization of Russian (Library of Congress), for text a
/// reader sees: names in `show` and `search`, authors and titles in
/// citations. Unlike `TransliterationSystem.libraryOfCongress`, which
/// folds a name to lower-case ASCII for matching, it keeps case,
/// punctuation and everything that is not Cyrillic, and writes the
/// diacritics and ligature ties of the table: й ĭ, ё ë, э ė, ц t͡s, ю i͡u,
/// я i͡a, ь ʹ, ъ ʺ, and the pre-1918 letters і ī, ѣ i͡e, ѳ ḟ, ѵ ẏ (a hard
/// sign at the end of a word, which pre-1918 spelling writes, is left out).
/// A capital joined by a tie is capitalised whole (Ц T͡S, Я I͡A), as the
/// table gives it; the tie is U+0361, written between the two letters.
public enum LibraryOfCongress {
    /// How much of the table to write.
    public enum Form: String, Sendable, CaseIterable {
        /// The full table, diacritics and ligature ties included.
        case full = "loc"
        /// Without diacritics, ligature ties and the soft and hard signs
        /// (`Zateikin`, `Ocherki istorii`), as many English-language
        /// journals print it.
        case plain = "loc-plain"
    }

    static let tie = "\u{0361}"

    /// Lower-case letters and their romanization in the full table.
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "ë", "ж": "zh", "з": "z", "и": "i",
        "й": "ĭ", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "t\(tie)s", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ʺ", "ы": "y",
        "ь": "ʹ", "э": "ė", "ю": "i\(tie)u", "я": "i\(tie)a", "і": "ī", "ѣ": "i\(tie)e", "ѳ": "ḟ", "ѵ": "ẏ",
    ]

    /// The same letters without diacritics, ties and signs.
    static let plainTable: [Character: String] = [
        "ё": "e", "й": "i", "ц": "ts", "ъ": "", "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ѣ": "ie",
        "ѳ": "f", "ѵ": "y",
    ]

    /// Whether `text` has a letter this table romanizes.
    public static func hasCyrillic(_ text: String) -> Bool {
        text.contains { table[Character($0.lowercased())] != nil }
    }

    /// `text` romanized; letters that are not Russian Cyrillic are kept.
    public static func romanize(_ text: String, _ form: Form = .full) -> String {
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            let lower = Character(character.lowercased())
            guard var latin = table[lower] else { out.append(character); continue }
            if form == .plain, let plain = plainTable[lower] { latin = plain }
            // A hard sign ending a word (pre-1918 spelling) is not written.
            if lower == "ъ", index + 1 == characters.count || !characters[index + 1].isLetter { continue }
            guard character != lower, let first = latin.first else { out += latin; continue }
            // Upper case: the whole word in capitals when its neighbours
            // are capitals too (ЦК → T͡SK), else the first letter.
            let neighbours = [index > 0 ? characters[index - 1] : nil,
                              index + 1 < characters.count ? characters[index + 1] : nil].compactMap { $0 }.filter(\.isLetter)
            // A pair joined by a tie is capitalised whole, as the table
            // gives it: Ц T͡S, Ю I͡U (T͡Svetaeva, I͡Ur'ev).
            if latin.contains(tie) || (!neighbours.isEmpty && neighbours.allSatisfy(\.isUppercase)) {
                out += latin.uppercased()
            } else {
                out += first.uppercased() + latin.dropFirst()
            }
        }
        return out
    }
}
