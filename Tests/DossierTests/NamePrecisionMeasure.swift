import Foundation
import Testing
@testable import Dossier

// MARK: - Precision of the first five among many other names
//
// The example persons (NameKeyTests) in an archive padded with generated
// names, one name a line, from the file named by DOSSIER_NAME_PADDING
// (`bench/names.sh` writes it with the shared generator and runs this).
// Without that variable the measurement is skipped.

struct NamePrecisionFigures {
    var queries = 0
    var firstRight = 0
    var foundInFive = 0
    var shown = 0
    var shownRight = 0
    var wrongFirst: [String] = []
    var wrongShown: [String] = []
    var notInFive: [String] = []

    var line: String {
        func pct(_ a: Int, _ b: Int) -> String { String(format: "%.1f%%", b == 0 ? 0 : 100 * Double(a) / Double(b)) }
        return "queries \(queries); right person first \(pct(firstRight, queries)); "
            + "found in the first five \(pct(foundInFive, queries)); "
            + "first five that are the person (or the family) \(pct(shownRight, shown)) (\(shownRight) of \(shown))"
    }
}

enum NamePrecision {
    /// A stored surname of the same family as `cyrillic` (the person's
    /// Cyrillic surname): the same word, its feminine or masculine form,
    /// or a romanisation of one of them in a system the tables know.
    static func sameFamily(_ stored: String, _ cyrillic: String) -> Bool {
        let c = cyrillic.lowercased().replacingOccurrences(of: "ё", with: "е")
        var forms: Set<String> = [c]
        if c.hasSuffix("ий") || c.hasSuffix("ой") || c.hasSuffix("ый") { forms.insert(String(c.dropLast(2)) + "ая") }
        if c.hasSuffix("ая") { forms.insert(String(c.dropLast(2)) + "ий") }
        if c.hasSuffix("ов") || c.hasSuffix("ев") || c.hasSuffix("ин") || c.hasSuffix("ёв") { forms.insert(c + "а") }
        if c.hasSuffix("ова") || c.hasSuffix("ева") || c.hasSuffix("ина") { forms.insert(String(c.dropLast())) }
        var spelled = forms
        for f in forms {
            for system in TransliterationSystem.allCases { spelled.insert(Transliterator.fold(Transliterator.romanize(f, in: system))) }
        }
        let s = stored.lowercased().replacingOccurrences(of: "ё", with: "е")
        return spelled.contains(s) || spelled.contains(Transliterator.fold(s))
    }

    static func measure(padding: [String]) -> NamePrecisionFigures {
        let persons = NameRecallTests.allPersons
        let surnames = Dictionary(persons.map { ($0.id, String($0.cyrillic.split(separator: ",")[0])) }, uniquingKeysWith: { a, _ in a })
        var figures = NamePrecisionFigures()
        let queries = nameExamples.filter { $0.expect == "match" }.map { ($0.person, $0.query) } + otherMatches.map { ($0.id, $0.query) }
        for storeCyrillic in [true, false] {
            // Generated names first: ties rank by person id, as the archive does.
            var archive = NameSearchArchive()
            for (i, name) in padding.enumerated() { archive.add(person: "gen\(i)", name: name) }
            for p in persons { archive.add(person: p.id, name: storeCyrillic ? p.cyrillic : p.popular) }
            let order = Dictionary(archive.entries.enumerated().map { ($1.person, $0) }, uniquingKeysWith: { a, _ in a })
            for (person, text) in queries {
                figures.queries += 1
                let familyQuery = NameQuery(text).parses.allSatisfy { $0.others.isEmpty }
                let results = archive.search(text).sorted {
                    ($0.match.score, order[$1.person]!) > ($1.match.score, order[$0.person]!)
                }
                let five = results.prefix(5)
                func right(_ r: (person: String, name: String, match: NameMatch)) -> Bool {
                    if r.person == person { return true }
                    guard familyQuery, let s = NameParser.parse(r.name).first?.surnameText, let own = surnames[person] else { return false }
                    return sameFamily(s, own)
                }
                if let first = five.first, right(first) { figures.firstRight += 1 } else {
                    figures.wrongFirst.append("\(text) → \(five.first.map { "\($0.name) (\($0.match.reason.rawValue))" } ?? "nothing")")
                }
                if five.contains(where: { $0.person == person }) { figures.foundInFive += 1 } else {
                    let r = results.firstIndex { $0.person == person }.map { "rank \($0 + 1)" } ?? "not found"
                    figures.notInFive.append("\(text) → \(person) (\(storeCyrillic ? "stored in Cyrillic" : "stored in Latin"), \(r))")
                }
                for r in five {
                    figures.shown += 1
                    if right(r) { figures.shownRight += 1 } else {
                        figures.wrongShown.append("\(text) → \(r.name) (\(r.match.reason.rawValue) \(String(format: "%.3f", r.match.score)))")
                    }
                }
            }
        }
        return figures
    }
}

extension NamePrecision {
    /// Single-letter typos (deletion, swap, doubling) of each person's
    /// surname, typed with the given name, in both scripts: the share
    /// found in the first five, with and without typo matches kept beside
    /// better ones.
    static func typoRecall(padding: [String]) -> (kept: (Int, Int), cut: (Int, Int)) {
        let persons = NameRecallTests.allPersons
        func typos(_ w: String) -> [String] {
            let c = Array(w)
            var out: [String] = []
            for i in 1..<c.count { var d = c; d.remove(at: i); out.append(String(d)) }
            for i in 1..<(c.count - 1) { var d = c; d.swapAt(i, i + 1); out.append(String(d)) }
            for i in 1..<c.count { var d = c; d.insert(c[i], at: i); out.append(String(d)) }
            return Array(Set(out)).sorted()
        }
        var result = (kept: (0, 0), cut: (0, 0))
        for keepAll in [true, false] {
            var found = 0, total = 0
            for storeCyrillic in [true, false] {
                var archive = NameSearchArchive()
                archive.keepAllTypos = keepAll
                for (i, name) in padding.enumerated() { archive.add(person: "gen\(i)", name: name) }
                for p in persons { archive.add(person: p.id, name: storeCyrillic ? p.cyrillic : p.popular) }
                for p in persons {
                    let parts = p.cyrillic.split(separator: ",")
                    let latin = p.popular.split(separator: " ")
                    let forms = [(String(parts[1].split(separator: " ")[0]), String(parts[0])), (String(latin.first!), String(latin.last!))]
                    for (given, surname) in forms where surname.count >= 5 {
                        for t in typos(surname) where t.lowercased() != surname.lowercased() {
                            total += 1
                            if let r = archive.rank(of: p.id, for: "\(given) \(t)"), r <= 5 { found += 1 }
                        }
                    }
                }
            }
            if keepAll { result.kept = (found, total) } else { result.cut = (found, total) }
        }
        return result
    }
}

@Suite struct NamePrecisionMeasure {
    @Test func typosAmongGeneratedNames() throws {
        guard let path = ProcessInfo.processInfo.environment["DOSSIER_NAME_PADDING"] else { return }
        let padding = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty }
        let r = NamePrecision.typoRecall(padding: padding)
        func pct(_ x: (Int, Int)) -> String { String(format: "%.1f%% (%d of %d)", 100 * Double(x.0) / Double(max(x.1, 1)), x.0, x.1) }
        print("name typos, \(padding.count) generated names: found in the first five \(pct(r.cut)); with typo matches kept beside better ones \(pct(r.kept))")
    }

    @Test func firstFiveAmongGeneratedNames() throws {
        guard let path = ProcessInfo.processInfo.environment["DOSSIER_NAME_PADDING"] else { return }
        let padding = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty }
        let figures = NamePrecision.measure(padding: padding)
        print("name precision, \(padding.count) generated names: \(figures.line)")
        for w in figures.wrongFirst.prefix(40) { print("  first is someone else: \(w)") }
        for w in figures.notInFive.prefix(40) { print("  not in the first five: \(w)") }
        if ProcessInfo.processInfo.environment["DOSSIER_NAME_PADDING_VERBOSE"] != nil {
            for w in figures.wrongShown { print("  shown, someone else: \(w)") }
        }
        #expect(figures.foundInFive * 100 >= figures.queries * 98, "\(figures.line)")
    }
}
