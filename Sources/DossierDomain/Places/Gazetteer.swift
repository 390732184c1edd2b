import Foundation

/// A period of a name or a containment: an EDTF interval (`1924-01-26/1991-09-06`,
/// `1925/1961`, `../1914-08-31`, `1961/..`), or a single EDTF date.
public struct PlacePeriod: Sendable, Equatable, CustomStringConvertible {
    /// As written in the gazetteer.
    public let text: String
    /// The earliest day of the start (nil: open or unknown).
    public let startLower: Int?
    /// The earliest day of the end (nil: open or unknown): the first day
    /// the period no longer holds, for the overlap check.
    public let endLower: Int?
    /// The latest day of the end (nil: open or unknown).
    public let endUpper: Int?

    public var description: String { text }

    public init(_ text: String) throws {
        self.text = text
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func bounds(_ part: String) throws -> (Int?, Int?) {
            if part == ".." || part.isEmpty { return (nil, nil) }
            let date = try EDTFDate.parse(part)
            return (date.lower, date.upper)
        }
        switch parts.count {
        case 1:
            let (lower, upper) = try bounds(parts[0])
            guard !parts[0].isEmpty, parts[0] != ".." else {
                throw EDTFError(input: text, problem: "a period needs a date", example: "1925/1961")
            }
            startLower = lower; endLower = upper.map { $0 + 1 }; endUpper = upper
        case 2:
            let start = try bounds(parts[0])
            let end = try bounds(parts[1])
            if let s = start.0, let e = end.1, s > e {
                throw EDTFError(input: text, problem: "the period ends before it starts", example: "1925/1961")
            }
            startLower = start.0; endLower = end.0; endUpper = end.1
        default:
            throw EDTFError(input: text, problem: "a period is one interval, start/end", example: "1925/1961")
        }
    }

    /// True when the period may include some day of `lower...upper`
    /// (nil: unbounded). A name used in its last year still counts.
    public func includes(lower: Int?, upper: Int?) -> Bool {
        (startLower ?? .min) <= (upper ?? .max) && (lower ?? .min) <= (endUpper ?? .max)
    }

    /// True when two official periods share a day, reading each as
    /// [start, end): a renaming day ends one name and starts the next.
    public func overlaps(_ other: PlacePeriod) -> Bool {
        (startLower ?? .min) < (other.endLower ?? .max) && (other.startLower ?? .min) < (endLower ?? .max)
    }
}

/// One name of a place.
public struct PlaceName: Sendable, Equatable {
    public let name: String
    /// BCP 47 language (`ru`, `uk`, `pl`, `de`, `en`).
    public let language: String
    /// ISO 15924 script (`Cyrl`, `Latn`).
    public let script: String
    /// When the name was official; nil when the gazetteer does not record it.
    public let period: PlacePeriod?
    /// A spelling variant of another name of the same period and language
    /// (`Kuybyshev` beside `Kuibyshev`): exempt from the overlap check.
    public let isVariant: Bool
}

/// What contains a place, and when.
public struct PlaceContainment: Sendable, Equatable {
    public let placeID: String
    public let period: PlacePeriod?
}

/// A source cited by a place.
public struct PlaceCitation: Sendable, Equatable {
    public let source: String
    public let locator: String?
    public let quote: String?
    public let note: String?
}

/// One place of the gazetteer.
public struct Place: Sendable, Equatable {
    public let id: String
    /// city, town, settlement, governorate, oblast, krai, assr, ssr.
    public let kind: String
    public let names: [PlaceName]
    public let within: [PlaceContainment]
    /// The regions (oblast, krai, republic, governorate) whose
    /// administrative centre the place was, at some time.
    public let centreOf: [String]
    public let citations: [PlaceCitation]
    /// The line of the gazetteer file where the place starts.
    public let line: Int
    /// The days the place existed as far as its names tell: from the
    /// start of its first official name to the end of its last, when every
    /// official name has a period (nil: open or not recorded). A
    /// governorate whose end is not recorded ends with 1929, when the last
    /// governorates were replaced by oblasts and krais. Worked out once:
    /// every containment read asks for it.
    public let lifetime: Lifetime

    public struct Lifetime: Sendable, Equatable {
        public let lower: Int?
        public let upper: Int?
    }

    init(id: String, kind: String, names: [PlaceName], within: [PlaceContainment], centreOf: [String],
         citations: [PlaceCitation], line: Int) {
        self.id = id
        self.kind = kind
        self.names = names
        self.within = within
        self.centreOf = centreOf
        self.citations = citations
        self.line = line
        self.lifetime = Place.lifetime(names: names, kind: kind)
    }

    static func lifetime(names: [PlaceName], kind: String) -> Lifetime {
        let official = names.filter { !$0.isVariant }
        let periods = official.compactMap(\.period)
        var lower: Int?, upper: Int?
        if !periods.isEmpty && periods.count == official.count {
            if periods.allSatisfy({ $0.startLower != nil }) { lower = periods.compactMap(\.startLower).min() }
            if periods.allSatisfy({ $0.endUpper != nil }) { upper = periods.compactMap(\.endUpper).max() }
        }
        if kind == "governorate" && upper == nil { upper = Place.lastGovernorateDay }
        return Lifetime(lower: lower, upper: upper)
    }

    /// 31 December 1929.
    public static let lastGovernorateDay = DayNumber.from(year: 1929, month: 12, day: 31)

    /// True when the place may have existed on some day of the range.
    public func existed(lower: Int?, upper: Int?) -> Bool {
        (lifetime.lower ?? .min) <= (upper ?? .max) && (lower ?? .min) <= (lifetime.upper ?? .max)
    }

    /// True for an administrative unit (not a settlement).
    public var isRegion: Bool { Place.regionKinds.contains(kind) }
    public static let regionKinds: Set<String> = ["governorate", "oblast", "krai", "assr", "ssr", "okrug", "uezd", "raion"]
    public static let kinds: Set<String> = regionKinds.union(["city", "town", "settlement", "village"])

    /// The name in official use on a day range, preferring `script`
    /// (`Cyrl`, `Latn`) and Russian then English; nil when no dated name
    /// covers it.
    public func name(lower: Int?, upper: Int?, script: String? = nil) -> String? {
        let current = names.filter { !$0.isVariant && ($0.period?.includes(lower: lower, upper: upper) ?? false) }
        return Place.preferred(current, script: script)?.name
    }

    /// The name a place goes by today: the latest official Russian name,
    /// else the latest of any language, else the first.
    public var label: String {
        let official = names.filter { !$0.isVariant }
        let open = official.filter { $0.period != nil && $0.period?.endUpper == nil }
        if let name = Place.preferred(open, script: "Cyrl") { return name.name }
        if let name = Place.preferred(official.filter { $0.period == nil }, script: "Cyrl") { return name.name }
        return names.first?.name ?? id
    }

    static func preferred(_ names: [PlaceName], script: String?) -> PlaceName? {
        func rank(_ n: PlaceName) -> Int {
            var r = 0
            if let script, n.script != script { r += 10 }
            if n.language != "ru" { r += 1 }
            if n.language != "ru" && n.language != "en" { r += 1 }
            return r
        }
        return names.min { rank($0) < rank($1) }
    }
}

/// How a place text was read.
public struct PlaceReading: Sendable, Equatable {
    /// The place meant, when exactly one fits.
    public var placeID: String?
    /// The places it may be when it cannot tell (sorted ids); empty when
    /// resolved or when nothing in the text is a known place.
    public var candidates: [String]
    /// The known regions the text names as qualifiers (`Московской обл.`).
    public var qualifiers: [String]
    /// Why it stays unresolved, or how it was resolved, in words.
    public var reason: String

    public var isResolved: Bool { placeID != nil }
}

/// The gazetteer: places with every name they had, in every script, with
/// periods and containment (`Fixtures/gazetteer.json`, docs/places.md).
public struct Gazetteer: Sendable {
    public let places: [Place]
    public let sources: [String: String]
    let byID: [String: Int]
    /// Exact keys → (place index, name index).
    let exactIndex: [String: [NameRef]]
    /// Cross keys → (place index, name index).
    let crossIndex: [String: [NameRef]]
    let maxWords: Int

    struct NameRef: Sendable, Hashable {
        let place: Int
        let name: Int
    }

    /// An empty gazetteer: nothing resolves.
    public static let empty = Gazetteer(places: [], sources: [:])

    public func place(_ id: String) -> Place? { byID[id].map { places[$0] } }

    // MARK: Loading

    /// Reads and checks a gazetteer file.
    /// - Throws: `DataError` naming the line and field: malformed JSON, an
    ///   unknown kind, a malformed EDTF period, a containment naming an
    ///   unknown place, or two official names of one place and language
    ///   whose periods overlap.
    public init(json text: String, file: String = "gazetteer.json") throws {
        struct RawName: Decodable { let name: String; let lang: String; let script: String; let period: String?; let variant: Bool? }
        struct RawWithin: Decodable { let place: String; let period: String? }
        struct RawCite: Decodable { let source: String; let locator: String?; let quote: String?; let note: String? }
        struct RawPlace: Decodable {
            let id: String; let kind: String; let names: [RawName]; let within: [RawWithin]?; let cite: [RawCite]?
            let centreOf: [String]?
            enum CodingKeys: String, CodingKey { case id, kind, names, within, cite, centreOf = "centre_of" }
        }
        struct RawSource: Decodable { let id: String; let citation: String }
        struct RawFile: Decodable { let sources: [RawSource]; let places: [RawPlace] }
        let raw: RawFile
        do {
            raw = try JSONDecoder().decode(RawFile.self, from: Data(text.utf8))
        } catch let DecodingError.dataCorrupted(context) {
            throw DataError(file: file, problem: "not valid JSON: \(context.debugDescription)", expected: "the gazetteer format of docs/places.md")
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw DataError(file: file, field: path, problem: "missing", expected: "the gazetteer format of docs/places.md")
        } catch let DecodingError.typeMismatch(_, context) {
            throw DataError(file: file, field: context.codingPath.map(\.stringValue).joined(separator: "."),
                            problem: "wrong type: \(context.debugDescription)", expected: "the gazetteer format of docs/places.md")
        } catch {
            throw DataError(file: file, problem: "not a gazetteer: \(error)", expected: "the gazetteer format of docs/places.md")
        }
        let idLines = Gazetteer.idLines(text)
        func line(of id: String) -> Int? { idLines[id] }
        let sourceIDs = Set(raw.sources.map(\.id))
        var seen = Set<String>()
        var places: [Place] = []
        for (index, p) in raw.places.enumerated() {
            let at = line(of: p.id)
            func fail(_ field: String, _ problem: String, _ expected: String? = nil) -> DataError {
                DataError(file: file, line: at, field: "places[\(index)] \(p.id): \(field)", problem: problem, expected: expected)
            }
            guard !p.id.isEmpty, seen.insert(p.id).inserted else { throw fail("id", "empty or used twice", "a unique id") }
            guard Place.kinds.contains(p.kind) else {
                throw fail("kind", "unknown kind \u{201C}\(p.kind)\u{201D}", Place.kinds.sorted().joined(separator: ", "))
            }
            guard !p.names.isEmpty else { throw fail("names", "a place needs at least one name") }
            var names: [PlaceName] = []
            for (n, name) in p.names.enumerated() {
                guard !name.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("names[\(n)].name", "empty") }
                var period: PlacePeriod?
                if let text = name.period {
                    do { period = try PlacePeriod(text) } catch {
                        throw fail("names[\(n)].period", "\u{201C}\(text)\u{201D}: \(error)", "an EDTF interval such as 1925/1961")
                    }
                }
                names.append(PlaceName(name: name.name, language: name.lang, script: name.script, period: period, isVariant: name.variant ?? false))
            }
            // Two official names of one language may not hold on one day.
            for i in names.indices where !names[i].isVariant {
                for j in names.indices where j > i && !names[j].isVariant && names[j].language == names[i].language {
                    guard let a = names[i].period, let b = names[j].period, a.overlaps(b) else { continue }
                    throw fail("names[\(j)].period", "\u{201C}\(names[j].name)\u{201D} \(b) overlaps \u{201C}\(names[i].name)\u{201D} \(a)",
                                "one official name per language at a time (mark a spelling variant \"variant\": true)")
                }
            }
            var within: [PlaceContainment] = []
            for (w, c) in (p.within ?? []).enumerated() {
                var period: PlacePeriod?
                if let text = c.period {
                    do { period = try PlacePeriod(text) } catch {
                        throw fail("within[\(w)].period", "\u{201C}\(text)\u{201D}: \(error)", "an EDTF interval such as 1927-08-01/..")
                    }
                }
                within.append(PlaceContainment(placeID: c.place, period: period))
            }
            var cites: [PlaceCitation] = []
            for (c, cite) in (p.cite ?? []).enumerated() {
                guard sourceIDs.contains(cite.source) else {
                    throw fail("cite[\(c)].source", "unknown source \u{201C}\(cite.source)\u{201D}", "an id of the sources section")
                }
                cites.append(PlaceCitation(source: cite.source, locator: cite.locator, quote: cite.quote, note: cite.note))
            }
            guard !cites.isEmpty else { throw fail("cite", "a place needs a source", "at least one citation") }
            places.append(Place(id: p.id, kind: p.kind, names: names, within: within, centreOf: p.centreOf ?? [],
                                citations: cites, line: at ?? 0))
        }
        for (index, place) in places.enumerated() {
            for (w, c) in place.within.enumerated() where !seen.contains(c.placeID) || c.placeID == place.id {
                throw DataError(file: file, line: place.line, field: "places[\(index)] \(place.id): within[\(w)].place",
                                problem: "unknown place \u{201C}\(c.placeID)\u{201D}", expected: "the id of another place of the gazetteer")
            }
            for (r, region) in place.centreOf.enumerated() where !seen.contains(region) || region == place.id {
                throw DataError(file: file, line: place.line, field: "places[\(index)] \(place.id): centre_of[\(r)]",
                                problem: "unknown place \u{201C}\(region)\u{201D}", expected: "the id of a region of the gazetteer")
            }
        }
        self.init(places: places, sources: Dictionary(uniqueKeysWithValues: raw.sources.map { ($0.id, $0.citation) }))
        if let cycle = containmentCycle() {
            throw DataError(file: file, line: place(cycle)?.line, field: "\(cycle): within", problem: "a place contains itself through its regions")
        }
    }

    init(places: [Place], sources: [String: String]) {
        self.places = places
        self.sources = sources
        var byID: [String: Int] = [:]
        var exact: [String: [NameRef]] = [:]
        var cross: [String: [NameRef]] = [:]
        var maxWords = 1
        for (p, place) in places.enumerated() {
            byID[place.id] = p
            for (n, name) in place.names.enumerated() {
                let words = PlaceText.segments(name.name).flatMap { $0 }
                guard !words.isEmpty else { continue }
                maxWords = max(maxWords, words.count)
                let ref = NameRef(place: p, name: n)
                for key in PlaceText.key(words[...], exact: true) where !(exact[key]?.contains(ref) ?? false) {
                    exact[key, default: []].append(ref)
                }
                for key in PlaceText.key(words[...], exact: false) where !(cross[key]?.contains(ref) ?? false) {
                    cross[key, default: []].append(ref)
                }
            }
        }
        self.byID = byID
        self.exactIndex = exact
        self.crossIndex = cross
        self.maxWords = maxWords
    }

    /// The line of each `"id": "…"` of the file (the first), in one pass
    /// over its bytes.
    static func idLines(_ text: String) -> [String: Int] {
        let bytes = Array(text.utf8)
        let pattern = Array("\"id\":".utf8)
        var lines: [String: Int] = [:]
        var line = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { line += 1; i += 1; continue }
            if bytes[i] == pattern[0], i + pattern.count <= bytes.count, Array(bytes[i..<(i + pattern.count)]) == pattern {
                var j = i + pattern.count
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j < bytes.count, bytes[j] == 0x22 {
                    var k = j + 1
                    while k < bytes.count, bytes[k] != 0x22, bytes[k] != 0x0A { k += 1 }
                    let id = String(decoding: bytes[(j + 1)..<k], as: UTF8.self)
                    if lines[id] == nil { lines[id] = line }
                    i = k
                    continue
                }
            }
            i += 1
        }
        return lines
    }

    func containmentCycle() -> String? {
        var state: [Int: Int] = [:]  // 1 visiting, 2 done
        func visit(_ p: Int) -> Bool {
            if state[p] == 2 { return false }
            if state[p] == 1 { return true }
            state[p] = 1
            for c in places[p].within { if let q = byID[c.placeID], visit(q) { return true } }
            state[p] = 2
            return false
        }
        for p in places.indices where visit(p) { return places[p].id }
        return nil
    }

    // MARK: Containment

    /// The regions containing a place on a day range (nil: any time),
    /// nearest first, each once.
    public func regions(of id: String, lower: Int? = nil, upper: Int? = nil) -> [String] {
        var out: [String] = []
        var queue = [id]
        var seen: Set<String> = [id]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard let place = place(current) else { continue }
            for c in place.within where holds(c, lower: lower, upper: upper) {
                if seen.insert(c.placeID).inserted { out.append(c.placeID); queue.append(c.placeID) }
            }
        }
        return out
    }

    /// True when a containment may hold on some day of the range: its own
    /// period, and the life of the containing place.
    func holds(_ c: PlaceContainment, lower: Int?, upper: Int?) -> Bool {
        guard c.period?.includes(lower: lower, upper: upper) ?? true else { return false }
        return place(c.placeID)?.existed(lower: lower, upper: upper) ?? true
    }

    /// The nearest oblast, krai, ASSR or governorate containing a place on a
    /// day range, else its republic; a region is its own region.
    public func region(of id: String, lower: Int?, upper: Int?) -> String? {
        guard let place = place(id) else { return nil }
        if place.isRegion && place.kind != "ssr" { return id }
        let containing = regions(of: id, lower: lower, upper: upper)
        if let unit = containing.first(where: { self.place($0).map { $0.isRegion && $0.kind != "ssr" && $0.kind != "raion" && $0.kind != "uezd" } ?? false }) {
            return unit
        }
        if place.kind == "ssr" { return id }
        return containing.first(where: { self.place($0)?.kind == "ssr" })
    }

    /// A place and every place inside it (through any chain of
    /// containments), each with the days the containment holds (nil:
    /// unbounded); the place itself holds always.
    public func placesWithin(_ id: String) -> [(id: String, lower: Int?, upper: Int?)] {
        guard byID[id] != nil else { return [] }
        var children: [String: [(String, PlacePeriod?)]] = [:]
        for place in places { for c in place.within { children[c.placeID, default: []].append((place.id, c.period)) } }
        var out: [(id: String, lower: Int?, upper: Int?)] = [(id, nil, nil)]
        var stack: [(String, Int?, Int?, Int)] = [(id, nil, nil, 0)]
        while let item = stack.popLast() {
            let (current, lower, upper, depth) = item
            guard depth < 16 else { continue }
            for (child, period) in children[current] ?? [] {
                let life = place(current)?.lifetime
                let lo = [lower, period?.startLower, life?.lower ?? nil].compactMap { $0 }.max()
                let hi = [upper, period?.endUpper, life?.upper ?? nil].compactMap { $0 }.min()
                if let lo, let hi, lo > hi { continue }
                out.append((child, lo, hi))
                stack.append((child, lo, hi, depth + 1))
            }
        }
        return out
    }

    // MARK: Reading a text

    /// Reads a place as written: which place it names, given the date of
    /// the record (`lower`/`upper` day numbers; nil when undated) and any
    /// region written with it. Linear in the text (at most
    /// `PlaceText.maxLength` characters are read).
    ///
    /// A settlement name followed by a kind of unit (`Tver province`,
    /// `Елисаветпольской губ.`) names a region; a region the gazetteer does
    /// not know is left out rather than taken for the city. When the
    /// settlements named could be several places, the regions written with
    /// them, then the date, choose; when still more than one fits and
    /// exactly one of them was a regional centre (and `preferringCentres`),
    /// the centre is meant; else the text stays unresolved with its
    /// candidates. A text that names only a region resolves to the
    /// innermost region it names.
    public func read(_ text: String, lower: Int? = nil, upper: Int? = nil, preferringCentres: Bool = true) -> PlaceReading {
        var settlements: [Set<NameRef>] = []
        var regions: [Set<NameRef>] = []
        for segment in PlaceText.segments(text) {
            var i = 0
            while i < segment.count {
                var matched = false
                // A name may start with a kind of unit (`АССР немцев Поволжья`).
                let startsName: Bool
                switch segment[i].role {
                case .word, .unit: startsName = true
                default: startsName = false
                }
                if startsName {
                    for layerExact in [true, false] {
                        var length = min(maxWords, segment.count - i)
                        while length >= 1 {
                            let words = segment[i..<(i + length)]
                            var refs = Set<NameRef>()
                            for key in PlaceText.key(words, exact: layerExact) {
                                for ref in (layerExact ? exactIndex[key] : crossIndex[key]) ?? [] { refs.insert(ref) }
                            }
                            if !refs.isEmpty {
                                let next = i + length < segment.count ? segment[i + length].role : nil
                                let regionRefs = refs.filter { places[$0.place].isRegion }
                                let settlementRefs = refs.subtracting(regionRefs)
                                if case .unit = next {
                                    // `X губ.`: X is a region; a settlement of the same name is not meant.
                                    if !regionRefs.isEmpty { regions.append(regionRefs) }
                                    i += length + 1
                                } else {
                                    if !settlementRefs.isEmpty { settlements.append(settlementRefs) }
                                    if !regionRefs.isEmpty { regions.append(regionRefs) }
                                    i += length
                                }
                                matched = true
                                break
                            }
                            length -= 1
                        }
                        if matched { break }
                    }
                }
                if !matched { i += 1 }
            }
        }
        return choose(settlements: settlements, regions: regions, lower: lower, upper: upper, preferringCentres: preferringCentres)
    }

    func choose(settlements: [Set<NameRef>], regions: [Set<NameRef>], lower: Int?, upper: Int?, preferringCentres: Bool) -> PlaceReading {
        // Regions named: a region name that could be several regions is narrowed by date.
        var qualifiers = Set<String>()
        for refs in regions {
            let ids = Set(refs.map { places[$0.place].id })
            if ids.count == 1 { qualifiers.formUnion(ids); continue }
            let dated = Set(refs.filter { names($0).period?.includes(lower: lower, upper: upper) ?? true }.map { places[$0.place].id })
            if dated.count == 1 { qualifiers.formUnion(dated) }
        }
        let sortedQualifiers = qualifiers.sorted()
        if settlements.isEmpty {
            guard !regions.isEmpty else {
                return PlaceReading(placeID: nil, candidates: [], qualifiers: [], reason: "no place of the gazetteer in the text")
            }
            if qualifiers.isEmpty {
                let all = Set(regions.flatMap { $0.map { places[$0.place].id } }).sorted()
                return PlaceReading(placeID: nil, candidates: all, qualifiers: [], reason: "the region name fits more than one region")
            }
            // The innermost: the qualifier no other qualifier lies within.
            let innermost = qualifiers.filter { q in !qualifiers.contains { other in other != q && self.regions(of: other).contains(q) } }
            if innermost.count == 1, let id = innermost.first {
                return PlaceReading(placeID: id, candidates: [], qualifiers: sortedQualifiers, reason: "a region")
            }
            return PlaceReading(placeID: nil, candidates: innermost.sorted(), qualifiers: sortedQualifiers, reason: "names regions that are not one inside the other")
        }
        var refs = Set<NameRef>()
        for s in settlements { refs.formUnion(s) }
        var candidates = Set(refs.map { places[$0.place].id })
        if candidates.count == 1, let id = candidates.first {
            return PlaceReading(placeID: id, candidates: [], qualifiers: sortedQualifiers, reason: "one place has this name")
        }
        var reason = "the name fits more than one place"
        if !qualifiers.isEmpty {
            let inside = candidates.filter { c in !Set(self.regions(of: c)).isDisjoint(with: qualifiers) }
            if !inside.isEmpty { candidates = inside; reason = "the region written with it fits more than one place" }
            if inside.count == 1, let id = inside.first {
                return PlaceReading(placeID: id, candidates: [], qualifiers: sortedQualifiers, reason: "the region written with it")
            }
        }
        if lower != nil || upper != nil {
            let dated = Set(refs.filter { candidates.contains(places[$0.place].id) && (names($0).period?.includes(lower: lower, upper: upper) ?? false) }
                .map { places[$0.place].id })
            if dated.count == 1, let id = dated.first {
                return PlaceReading(placeID: id, candidates: [], qualifiers: sortedQualifiers, reason: "the name in use at the record's date")
            }
            guard !dated.isEmpty else {
                return PlaceReading(placeID: nil, candidates: candidates.sorted(), qualifiers: sortedQualifiers,
                                    reason: "the name fits more than one place, none of them at the record's date")
            }
            candidates = dated
            reason = "more than one place had this name at the record's date"
        }
        // Of several places of one name, a regional centre is the one meant
        // unless the text or the date says otherwise: `Куйбышев` is Samara,
        // `Куйбышев Новосибирской обл.` the town that was Kainsk.
        let centres = candidates.filter { place($0).map { !$0.centreOf.isEmpty } ?? false }
        if preferringCentres, centres.count == 1, let id = centres.first {
            let others = candidates.subtracting([id]).sorted().joined(separator: ", ")
            return PlaceReading(placeID: id, candidates: [], qualifiers: sortedQualifiers,
                                reason: "the regional centre of that name; also so named: \(others)")
        }
        return PlaceReading(placeID: nil, candidates: candidates.sorted(), qualifiers: sortedQualifiers, reason: reason)
    }

    func names(_ ref: NameRef) -> PlaceName { places[ref.place].names[ref.name] }

    /// The places a query names, for `--place`: the places the query
    /// reads as (all candidates when it could be several, a regional
    /// centre among them too: `--place Kaliningrad` means both places that
    /// had the name). Empty when the query names no place of the gazetteer.
    public func places(matching query: String) -> [String] {
        let reading = read(query, preferringCentres: false)
        if let id = reading.placeID { return [id] }
        return reading.candidates
    }
}
