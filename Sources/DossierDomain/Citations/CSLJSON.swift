import Foundation

/// CSL-JSON, as Zotero and Better BibTeX export it and as pandoc's citeproc
/// reads it.
///
/// Reading: the item's `citation-key` (or else its `id`) becomes the
/// source's key; `author`, `editor`, `translator`, the text variables that
/// `Source` has fields for, and `issued`/`accessed` are read into them.
/// Dates become EDTF strings (`1987`, `1987-10`, `1987-10-05`, a two-part
/// range `1987/1988`, `circa` as `1937~`); a date that EDTF cannot hold
/// (a `literal` or unparsable `raw` date, a `season`) is kept whole in
/// `extra` instead. Every other variable is kept in `extra` unchanged.
///
/// Writing: the reverse, with `id` and `citation-key` both set to the key.
/// `extra` entries are written back as they are, except those named
/// `bibtex:…` (BibTeX fields with no CSL variable; only `BibTeX.encode`
/// writes them). An item whose titles contain Cyrillic and that has no
/// `language` is written with `"language": "ru"`, so that citeproc does not
/// title-case it.
public enum CSLJSON {
    /// The item types of CSL 1.0.2.
    public static let itemTypes: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
        "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    ]

    package static var textFields: [(String, WritableKeyPath<Source, String?>)] {
        [
            ("container-title", \.containerTitle), ("collection-title", \.collectionTitle),
            ("volume", \.volume), ("issue", \.issue), ("page", \.page), ("edition", \.edition),
            ("publisher", \.publisher), ("publisher-place", \.publisherPlace), ("URL", \.url),
            ("DOI", \.doi), ("archive", \.archive), ("archive_location", \.archiveLocation),
            ("archive-place", \.archivePlace), ("language", \.language), ("note", \.note),
        ]
    }

    /// The member of `custom` that holds a source's translated title.
    package static let translatedTitleKey = "translated-title"

    package static var nameFields: [(String, WritableKeyPath<Source, [SourceName]>)] {
        [("author", \.authors), ("editor", \.editors), ("translator", \.translators)]
    }

    package static var dateFields: [(String, WritableKeyPath<Source, String?>)] {
        [("issued", \.issued), ("accessed", \.accessed)]
    }

    // MARK: Reading

    /// Reads a CSL-JSON array of items.
    /// - Parameters:
    ///   - data: the file's bytes (UTF-8, a leading BOM is skipped).
    ///   - file: the name used in error messages.
    /// - Returns: one `Source` per item, in file order.
    /// - Throws: `SourceParseError` for invalid JSON, an item that is not an
    ///   object, a missing or unknown `type`, a missing `title`, a name or
    ///   date in the wrong shape, a variable of the wrong JSON type, or a
    ///   key used twice.
    public static func decode(_ data: Data, file: String) throws(SourceParseError) -> [Source] {
        try decode(bytes: [UInt8](data), file: file)
    }

    /// `decode` of the bytes of a file. Each item becomes a `Source` as soon
    /// as it is parsed, so the parsed JSON of the whole file is never held.
    public static func decode(bytes: [UInt8], file: String) throws(SourceParseError) -> [Source] {
        var sources: [Source] = []
        var seen: [String: Int] = [:]
        var pendingKeys: [Int] = []
        do {
            let isArray = try JSONText.forEachTopLevelElement(bytes) { item in
                let source = try decodeItem(item, file: file)
                if source.key.isEmpty {
                    pendingKeys.append(sources.count)
                } else if let first = seen[source.key] {
                    throw SourceParseError(file: file, line: item.memberLines["id"] ?? item.line, field: "id",
                                           problem: "\"\(source.key)\" is used twice (first on line \(first); expected unique ids)")
                } else {
                    seen[source.key] = item.line
                }
                sources.append(source)
            }
            guard isArray else {
                throw SourceParseError(file: file, line: 1, field: nil,
                                       problem: "expected a JSON array of CSL items (as Zotero exports them)")
            }
        } catch let error as SourceParseError {
            throw error
        } catch let error as JSONText.SyntaxError {
            throw SourceParseError(file: file, line: error.line, field: nil, problem: "invalid JSON: \(error.problem)")
        } catch {
            throw SourceParseError(file: file, line: 1, field: nil, problem: "\(error)")
        }
        var existing = Set(seen.keys)
        var next: [String: Int] = [:]
        var work = 0
        for position in pendingKeys {
            let key = CitationKey.generate(for: sources[position], existing: existing, next: &next, work: &work)
            sources[position].key = key
            existing.insert(key)
        }
        WorkCounter.add(work)
        return sources
    }

    package static func decodeItem(_ item: JSONText.Located, file: String) throws(SourceParseError) -> Source {
        guard case .object(var members) = item.value else {
            throw SourceParseError(file: file, line: item.line, field: nil, problem: "expected a CSL item (a JSON object)")
        }
        func line(_ name: String) -> Int { item.memberLines[name] ?? item.line }
        func fail(_ name: String, _ problem: String) -> SourceParseError {
            SourceParseError(file: file, line: line(name), field: name, problem: problem)
        }
        func text(_ name: String) throws(SourceParseError) -> String? {
            guard let value = members.removeValue(forKey: name) else { return nil }
            switch value {
            case .null: return nil
            case .string(let string): return string.isEmpty ? nil : string
            case .number: return value.stringValue
            default: throw fail(name, "expected a string")
            }
        }

        let citationKey = try text("citation-key")
        let id = try text("id")
        let key = citationKey ?? id ?? ""
        guard let type = try text("type") else {
            throw fail("type", "missing (expected a CSL item type such as \"book\" or \"article-journal\")")
        }
        guard itemTypes.contains(type) else {
            throw fail("type", "unknown CSL type \"\(type)\" (expected one of \(itemTypes.sorted().joined(separator: ", ")))")
        }
        guard let title = try text("title") else {
            throw fail("title", "missing (expected the item's title)")
        }
        var source = Source(key: key, type: type, title: title)
        for (name, path) in textFields {
            source[keyPath: path] = try text(name)
        }
        // CSL has no variable for a translated title: it is kept in
        // `custom`, where the CSL-JSON schema puts what has no variable.
        if case .object(var custom)? = members["custom"], case .string(let translated)? = custom[translatedTitleKey] {
            source.translatedTitle = translated.isEmpty ? nil : translated
            custom.removeValue(forKey: translatedTitleKey)
            members["custom"] = custom.isEmpty ? nil : .object(custom)
        }
        for (name, path) in nameFields {
            guard let value = members.removeValue(forKey: name) else { continue }
            source[keyPath: path] = try decodeNames(value, field: name) { fail(name, $0) }
        }
        for (name, path) in dateFields {
            guard let value = members[name] else { continue }
            if case .null = value { members.removeValue(forKey: name); continue }
            if let edtf = try decodeDate(value, fail: { fail(name, $0) }) {
                source[keyPath: path] = edtf
                members.removeValue(forKey: name)
            }
        }
        source.extra = members
        return source
    }

    package static func decodeNames(_ value: JSONValue, field: String,
                            fail: (String) -> SourceParseError) throws(SourceParseError) -> [SourceName] {
        guard case .array(let elements) = value else {
            throw fail("expected an array of names ({\"family\": ..., \"given\": ...} or {\"literal\": ...})")
        }
        var names: [SourceName] = []
        for (position, element) in elements.enumerated() {
            guard case .object(let parts) = element else {
                throw fail("name \(position + 1) is not an object (expected {\"family\": ..., \"given\": ...})")
            }
            func part(_ name: String) throws(SourceParseError) -> String? {
                guard let value = parts[name] else { return nil }
                switch value {
                case .null: return nil
                case .string(let text): return text.isEmpty ? nil : text
                case .number: return value.stringValue
                case .bool: return nil  // "parse-names", "static-ordering" flags
                default: throw fail("name \(position + 1): \(name) is not a string")
                }
            }
            let name = SourceName(family: try part("family"), given: try part("given"), literal: try part("literal"),
                                  nonDroppingParticle: try part("non-dropping-particle"),
                                  droppingParticle: try part("dropping-particle"), suffix: try part("suffix"))
            guard name.family != nil || name.literal != nil || name.given != nil else {
                throw fail("name \(position + 1) has no family, given or literal part")
            }
            names.append(name)
        }
        return names
    }

    /// The EDTF string of a CSL date, or nil when the date must be kept as
    /// it is (literal, season, unparsable raw text).
    package static func decodeDate(_ value: JSONValue, fail: (String) -> SourceParseError) throws(SourceParseError) -> String? {
        switch value {
        case .string(let raw):
            return CitationDate.parse(raw).map(CitationDate.edtf)
        case .object(let parts):
            let known: Set<String> = ["date-parts", "circa", "raw"]
            guard Set(parts.keys).isSubset(of: known) else { return nil }
            var circa = false
            if let flag = parts["circa"] {
                switch flag {
                case .bool(let value): circa = value
                case .number(let value): circa = value != 0
                case .string(let value): circa = !value.isEmpty && value != "0" && value != "false"
                default: return nil
                }
            }
            if let dateParts = parts["date-parts"] {
                guard case .array(let rows) = dateParts, (1...2).contains(rows.count) else {
                    throw fail("date-parts must hold one date or a range of two (e.g. [[1987, 10, 5]])")
                }
                var dates: [CitationDate.Parts] = []
                for row in rows {
                    guard case .array(let numbers) = row, (1...3).contains(numbers.count) else {
                        throw fail("each date in date-parts must be [year], [year, month] or [year, month, day]")
                    }
                    var ints: [Int] = []
                    for number in numbers {
                        guard let text = number.stringValue, let int = Int(text.trimmingCharacters(in: .whitespaces)) else {
                            throw fail("date-parts holds \(describe(number)) (expected a number)")
                        }
                        ints.append(int)
                    }
                    guard (0...9999).contains(ints[0]) else { return nil }
                    var date = CitationDate.Parts(year: ints[0])
                    if ints.count > 1 {
                        guard (1...12).contains(ints[1]) else {
                            if (13...16).contains(ints[1]) { return nil }  // seasons
                            throw fail("month \(ints[1]) is out of range (expected 1 to 12)")
                        }
                        date.month = ints[1]
                    }
                    if ints.count > 2 {
                        guard (1...31).contains(ints[2]) else { throw fail("day \(ints[2]) is out of range (expected 1 to 31)") }
                        date.day = ints[2]
                    }
                    dates.append(date)
                }
                let value = CitationDate.Value(start: dates[0], end: dates.count > 1 ? dates[1] : nil, circa: circa)
                return CitationDate.edtf(value)
            }
            if case .string(let raw)? = parts["raw"], var parsed = CitationDate.parse(raw) {
                parsed.circa = parsed.circa || circa
                return CitationDate.edtf(parsed)
            }
            return nil
        default:
            throw fail("expected a date object ({\"date-parts\": [[1987, 10]]})")
        }
    }

    package static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number: return value.stringValue ?? "a number"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    // MARK: Writing

    /// The CSL-JSON item for a source (a JSON object).
    public static func item(_ source: Source) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (name, value) in source.extra where !name.hasPrefix("bibtex:") {
            members[name] = value
        }
        members["id"] = .string(source.key)
        members["citation-key"] = .string(source.key)
        members["type"] = .string(source.type)
        members["title"] = .string(source.title)
        for (name, path) in textFields {
            if let value = source[keyPath: path], !value.isEmpty { members[name] = .string(value) }
        }
        if let translated = source.translatedTitle {
            var custom: [String: JSONValue] = [:]
            if case .object(let kept)? = members["custom"] { custom = kept }
            custom[translatedTitleKey] = .string(translated)
            members["custom"] = .object(custom)
        }
        if source.language == nil, CitationText.hasCyrillic(in: source) {
            members["language"] = .string("ru")
        }
        for (name, path) in nameFields where !source[keyPath: path].isEmpty {
            members[name] = .array(source[keyPath: path].map(encodeName))
        }
        for (name, path) in dateFields {
            if let edtf = source[keyPath: path] { members[name] = encodeDate(edtf) }
        }
        return .object(members)
    }

    package static func encodeName(_ name: SourceName) -> JSONValue {
        var parts: [String: JSONValue] = [:]
        if let value = name.family { parts["family"] = .string(value) }
        if let value = name.given { parts["given"] = .string(value) }
        if let value = name.literal { parts["literal"] = .string(value) }
        if let value = name.nonDroppingParticle { parts["non-dropping-particle"] = .string(value) }
        if let value = name.droppingParticle { parts["dropping-particle"] = .string(value) }
        if let value = name.suffix { parts["suffix"] = .string(value) }
        return .object(parts)
    }

    package static func encodeDate(_ edtf: String) -> JSONValue {
        guard let value = CitationDate.parse(edtf) else { return .object(["raw": .string(edtf)]) }
        var rows: [JSONValue] = [.array(value.start.numbers.map { .number(Double($0)) })]
        if let end = value.end { rows.append(.array(end.numbers.map { .number(Double($0)) })) }
        var parts: [String: JSONValue] = ["date-parts": .array(rows)]
        if value.circa { parts["circa"] = .bool(true) }
        return .object(parts)
    }

    package static let memberOrder = [
        "id", "citation-key", "type", "language", "author", "editor", "translator", "title", "title-short",
        "container-title", "collection-title", "collection-number", "volume", "issue", "page", "edition",
        "publisher", "publisher-place", "authority", "number", "issued", "accessed", "URL", "DOI",
        "archive", "archive_location", "archive-place", "note",
    ]

    /// Writes sources as a CSL-JSON array (UTF-8, pretty-printed, stable
    /// member order, trailing newline).
    public static func encode(_ sources: [Source]) -> Data {
        if sources.isEmpty { return Data("[]\n".utf8) }
        var out = "[\n"
        for (position, source) in sources.enumerated() {
            out += "  "
            out += OrderedJSON(item(source), order: memberOrder).serialized(pretty: true, indent: 1)
            out += position + 1 < sources.count ? ",\n" : "\n"
        }
        out += "]\n"
        return Data(out.utf8)
    }
}
