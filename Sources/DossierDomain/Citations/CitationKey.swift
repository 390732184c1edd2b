import Foundation

/// Citation keys in the style of Zotero and Better BibTeX: the first
/// creator's family name, the year, and the first significant word of the
/// (short) title, lower-case ASCII (`solomon1987vanishing`,
/// `eremina2000rasstrelnye`).
public enum CitationKey {
    /// A key for a source that has none.
    ///
    /// The key depends only on the source, so that the same source gets the
    /// same key on every import; when it is already in `existing`, a suffix
    /// `a`, `b`, … `z`, `aa`, … is added.
    ///
    /// - The name part is the first author's family name, else the first
    ///   editor's or translator's; for an unsigned newspaper article or web
    ///   page the container (`pravda`); for an archival file the archive
    ///   (`garf`); otherwise the first significant title word, in which case
    ///   the title part is the next one (`kononov2010latvia`).
    /// - The year comes from `issued`; it is left out when unknown.
    /// - The title part is the first word of `title-short` (or `title`) that
    ///   is not an article or a preposition.
    /// Cyrillic is romanised (Library of Congress, without diacritics).
    public static func generate(for source: Source, existing: Set<String>) -> String {
        var next: [String: Int] = [:]
        var work = 0
        return generate(for: source, existing: existing, next: &next, work: &work)
    }

    /// `generate` for many sources in turn, each key added to `existing`
    /// before the next is made: `next` remembers, per base key, the first
    /// suffix not yet tried, so that a thousand sources with one base key
    /// try a thousand suffixes in all, not half a million (starting again
    /// from `a` for each was quadratic in a file of items without ids).
    package static func generate(for source: Source, existing: Set<String>, next: inout [String: Int],
                                 work: inout Int) -> String {
        let base = baseKey(for: source)
        work += 1
        if !existing.contains(base) { return base }
        var counter = next[base] ?? 0
        while true {
            let candidate = base + suffix(counter)
            work += 1
            counter += 1
            if !existing.contains(candidate) {
                next[base] = counter
                return candidate
            }
        }
    }

    package static func suffix(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var number = number
        var text = ""
        repeat {
            text = String(letters[number % 26]) + text
            number = number / 26 - 1
        } while number >= 0
        return text
    }

    package static func baseKey(for source: Source) -> String {
        let titleText = source.extra["title-short"]?.stringValue ?? source.title
        var titleWords = CitationText.words(titleText)
            .map(CitationText.asciiSlugWithWord)
            .filter { !$0.slug.isEmpty && !CitationText.insignificantWords.contains($0.word.lowercased()) }
            .map(\.slug)
        if titleWords.isEmpty {
            titleWords = CitationText.words(source.title).map(CitationText.asciiSlug).filter { !$0.isEmpty }
        }
        var namePart = creatorPart(source)
        if namePart.isEmpty {
            // No creator: the title's first two significant words.
            let fullWords = CitationText.words(source.title)
                .filter { !CitationText.insignificantWords.contains($0.lowercased()) }
                .map(CitationText.asciiSlug).filter { !$0.isEmpty }
            namePart = fullWords.first ?? "source"
            titleWords = Array(fullWords.dropFirst())
        }
        let year = CitationDate.year(source.issued).map(String.init) ?? ""
        return namePart + year + (titleWords.first ?? "")
    }

    package static func creatorPart(_ source: Source) -> String {
        for name in source.authors + source.editors + source.translators {
            let text = [name.nonDroppingParticle, name.family ?? name.literal].compactMap { $0 }.joined()
            let slug = CitationText.asciiSlug(text)
            if !slug.isEmpty { return slug }
        }
        switch source.type {
        case "article-newspaper", "article-magazine", "webpage", "post-weblog":
            return CitationText.asciiSlug(CitationText.words(source.containerTitle ?? "").first ?? "")
        case "manuscript":
            return CitationText.asciiSlug(source.archive ?? "")
        default:
            return ""
        }
    }
}

extension CitationText {
    package static func asciiSlugWithWord(_ word: String) -> (word: String, slug: String) {
        (word, asciiSlug(word))
    }
}
