import Foundation

extension Source {
    /// The source with its Cyrillic written in the Library of Congress
    /// romanization (`cite --romanize`): names of authors, editors and
    /// translators, titles, publisher and place, archive and archive place.
    /// A source with no Cyrillic is returned as it is. A romanized Russian
    /// source keeps `language: ru` (when no language was given), so that a
    /// CSL processor does not title-case it.
    public func romanized(_ form: LibraryOfCongress.Form) -> Source {
        var texts: [String?] = [title, containerTitle, collectionTitle, publisher, publisherPlace, archive, archivePlace]
        texts += (authors + editors + translators).flatMap { [$0.family, $0.given, $0.literal] }
        guard texts.contains(where: { $0.map(LibraryOfCongress.hasCyrillic) ?? false }) else { return self }
        func roman(_ text: String?) -> String? { text.map { LibraryOfCongress.romanize($0, form) } }
        func roman(_ names: [SourceName]) -> [SourceName] {
            names.map { name in
                var name = name
                name.family = roman(name.family)
                name.given = roman(name.given)
                name.literal = roman(name.literal)
                return name
            }
        }
        var source = self
        source.title = LibraryOfCongress.romanize(title, form)
        source.containerTitle = roman(containerTitle)
        source.collectionTitle = roman(collectionTitle)
        source.publisher = roman(publisher)
        source.publisherPlace = roman(publisherPlace)
        source.archive = roman(archive)
        source.archivePlace = roman(archivePlace)
        source.authors = roman(authors)
        source.editors = roman(editors)
        source.translators = roman(translators)
        if let short = extra["title-short"]?.stringValue {
            source.extra["title-short"] = .string(LibraryOfCongress.romanize(short, form))
        }
        if language == nil { source.language = "ru" }
        return source
    }

    /// The title with its translation in brackets, `Ocherki [Essays]`, for
    /// formats with no place for a translated title (BibTeX, RIS,
    /// CSL-JSON as citation processors read it).
    public func withTranslationInTitle() -> Source {
        guard let translatedTitle else { return self }
        var source = self
        source.title = title + " [" + translatedTitle + "]"
        source.translatedTitle = nil
        return source
    }
}
