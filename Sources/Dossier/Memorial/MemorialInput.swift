import DossierDomain
import Foundation

/// The text encodings Memorial notes come in.
public enum MemorialEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// Windows-1251, the Cyrillic code page of older exports.
    case cp1251

    /// `utf-8`, `utf8`, `cp1251`, `windows-1251` (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "cp1251", "windows-1251", "win-1251", "cp-1251": self = .cp1251
        default: return nil
        }
    }
}

extension MemorialEncoding {
    /// Decodes the bytes of a line or a file given in this encoding: the
    /// text, or the problem and what was expected. UTF-8 that is not, but
    /// reads as Russian in Windows-1251, is named so, with the option that
    /// reads it; Windows-1251 that is UTF-8 is refused rather than read as
    /// mojibake. Every text import (CSV, JSON Lines, CSL-JSON, BibTeX,
    /// Memorial notes) decodes through here.
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> Result<String, DecodingProblem> where Bytes.Element == UInt8 {
        switch self {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            // Two letters at least: one stray byte is no evidence of an encoding.
            let hint = bytes.lazy.filter({ $0 >= 0x80 }).count >= 2 && Cyrillic1251.looksLike1251(bytes)
                ? "; it looks like Windows-1251: give --encoding cp1251" : ""
            return .failure(DecodingProblem(problem: "not valid UTF-8" + hint, expected: "UTF-8 text"))
        case .cp1251:
            if bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
                return .failure(DecodingProblem(problem: "this is UTF-8, not Windows-1251 (leave out --encoding cp1251)",
                                                expected: "Windows-1251 text"))
            }
            guard let text = Cyrillic1251.decode(bytes) else {
                return .failure(DecodingProblem(problem: "a byte with no character in Windows-1251 (0x98 or NUL)",
                                                expected: "Windows-1251 text"))
            }
            return .success(text)
        }
    }
}

/// Why bytes could not be read in the encoding given.
public struct DecodingProblem: Error, Sendable {
    public var problem: String
    public var expected: String
}

/// Decodes Windows-1251 and recognises text decoded with the wrong
/// encoding.
public enum Cyrillic1251 {
    /// Bytes 0x80–0xBF (0xC0–0xFF are А–я in order); 0x98 is unassigned.
    static let high: [Unicode.Scalar?] = [
        "\u{0402}", "\u{0403}", "\u{201A}", "\u{0453}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{20AC}", "\u{2030}", "\u{0409}", "\u{2039}", "\u{040A}", "\u{040C}", "\u{040B}", "\u{040F}",
        "\u{0452}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        nil, "\u{2122}", "\u{0459}", "\u{203A}", "\u{045A}", "\u{045C}", "\u{045B}", "\u{045F}",
        "\u{00A0}", "\u{040E}", "\u{045E}", "\u{0408}", "\u{00A4}", "\u{0490}", "\u{00A6}", "\u{00A7}",
        "\u{0401}", "\u{00A9}", "\u{0404}", "\u{00AB}", "\u{00AC}", "\u{00AD}", "\u{00AE}", "\u{0407}",
        "\u{00B0}", "\u{00B1}", "\u{0406}", "\u{0456}", "\u{0491}", "\u{00B5}", "\u{00B6}", "\u{00B7}",
        "\u{0451}", "\u{2116}", "\u{0454}", "\u{00BB}", "\u{0458}", "\u{0405}", "\u{0455}", "\u{0457}",
    ]

    /// Decodes Windows-1251 bytes, or nil when a byte has no character
    /// (0x98) or is NUL.
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        var view = String.UnicodeScalarView()
        for byte in bytes {
            switch byte {
            case 0: return nil
            case 0x01..<0x80: view.append(Unicode.Scalar(byte))
            case 0x80..<0xC0:
                guard let scalar = high[Int(byte) - 0x80] else { return nil }
                view.append(scalar)
            default: view.append(Unicode.Scalar(0x410 + UInt32(byte) - 0xC0)!)
            }
        }
        return String(view)
    }

    /// Bytes that are not UTF-8 but read as Russian in Windows-1251: most
    /// of their non-ASCII bytes are the letters 0xC0–0xFF.
    public static func looksLike1251<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var high = 0
        var letters = 0
        for byte in bytes where byte >= 0x80 {
            high += 1
            if byte >= 0xC0 || byte == 0xA8 || byte == 0xB8 { letters += 1 }
        }
        return high > 0 && letters * 10 >= high * 8
    }

    /// Characters that UTF-8's second bytes of Cyrillic letters become when
    /// read as Windows-1251 (`Р°` for `а`, `СЃ` for `с`).
    static let mojibakeSeconds: Set<Unicode.Scalar> = Set(high.compactMap { $0 }.filter { $0 != "\u{00A0}" && $0 != "\u{00AB}" && $0 != "\u{00BB}" && $0 != "\u{2013}" && $0 != "\u{2014}" })

    /// Why a text looks mis-decoded, or nil when it looks like text: a
    /// replacement character (U+FFFD); UTF-8 read as Windows-1251
    /// (`РџРµС‚СЂРѕРІ`); Windows-1251 read as Latin-1 (`Ïåòðîâ`).
    public static func misdecoding(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if let index = scalars.firstIndex(of: "\u{FFFD}") {
            return "contains the replacement character � (\(sample(scalars, index))): the text was decoded with the wrong encoding before it reached this file"
        }
        var cyrillic = 0
        var latin1 = 0
        var letters = 0
        var pairs = 0
        var firstPair: Int?
        var firstLatin: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isAlphabetic { letters += 1 }
            if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 }
            if (0xC0...0xFF).contains(scalar.value), scalar.value != 0xD7, scalar.value != 0xF7 {
                latin1 += 1
                if firstLatin == nil { firstLatin = index }
            }
            if scalar == "Р" || scalar == "С", index + 1 < scalars.count, mojibakeSeconds.contains(scalars[index + 1]) {
                pairs += 1
                if firstPair == nil { firstPair = index }
            }
        }
        if pairs >= 3, pairs * 4 >= cyrillic, let index = firstPair {
            return "looks like UTF-8 read as Windows-1251 (\(sample(scalars, index)))"
        }
        if latin1 >= 3, latin1 * 2 >= letters, let index = firstLatin {
            return "looks like Windows-1251 read as Latin-1 (\(sample(scalars, index)))"
        }
        return nil
    }

    static func sample(_ scalars: [Unicode.Scalar], _ index: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[index..<min(scalars.count, index + 16)])
        return "\"" + String(view) + "\""
    }
}

/// Reads notes from a file: CSV with the columns `name`, `note` and
/// optionally `source`, `ref`; or plain text, each record a name line and
/// the note on the following line(s), records separated by a blank line, a
/// record's source on a line `Источник: …` and its ref on a line `Ref: …`.
struct MemorialReader {
    enum Column: String, CaseIterable { case name, note, source, ref }

    let input: ImportInput
    let encoding: MemorialEncoding
    let ignoreUnknownColumns: Bool

    /// Calls `body` with every entry; problems go to `log`.
    func read(log: inout ProblemLog, _ body: (MemorialEntry, inout ProblemLog) throws -> Void) throws {
        var lines = try LineSource(input)
        var pending: [(String, Int)] = []
        // Quotes in the pending lines: a record ends where they are even.
        // Counted line by line as lines come, never over the joined text
        // again (a quote left open once made that quadratic in the file).
        var pendingQuotes = 0
        // The first non-blank line decides: a CSV header, or a name.
        var mode: Bool?  // true = CSV
        var csv = CSVState()
        var plain: [(String, Int)] = []
        while let (bytes, number) = try lines.next() {
            guard let text = decode(bytes, line: number, log: &log) else { continue }
            if mode == nil {
                if text.allSatisfy(\.isWhitespace) { continue }
                if let separator = MemorialReader.otherSeparator(text) {
                    log.add(DataError(file: input.path, line: number,
                                      problem: "the header is separated by \(separator); dossier reads comma-separated CSV",
                                      expected: "name,note[,source,ref] (save the file as CSV with commas)"))
                    return
                }
                mode = MemorialReader.isHeader(text)
            }
            if mode == true {
                pending.append((text, number))
                pendingQuotes += text.reduce(0) { $0 + ($1 == "\"" ? 1 : 0) }
                guard pendingQuotes % 2 == 0 else { continue }
                let joined = pending.map(\.0).joined(separator: "\n")
                let start = pending[0].1
                pending.removeAll()
                pendingQuotes = 0
                try csvRecord(joined, line: start, state: &csv, log: &log, body)
            } else {
                if text.allSatisfy(\.isWhitespace) {
                    try plainRecord(plain, log: &log, body)
                    plain.removeAll()
                } else {
                    plain.append((text, number))
                }
            }
        }
        if !pending.isEmpty {
            log.add(DataError(file: input.path, line: pending[0].1, problem: "a quoted field is never closed",
                              expected: "RFC 4180 CSV"))
        }
        if !plain.isEmpty { try plainRecord(plain, log: &log, body) }
        if mode == nil {
            log.add(DataError(file: input.path, line: 1, problem: "the file holds no notes",
                              expected: "a CSV header name,note or a name line followed by a note line"))
        }
    }

    /// `name;note` or `name<TAB>note`: a header with another separator.
    static func otherSeparator(_ text: String) -> String? {
        for (separator, label) in [(";", "semicolons"), ("\t", "tabs")] {
            let names = Set(text.split(separator: Character(separator)).map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            if names.contains("name") && names.contains("note") { return label }
        }
        return nil
    }

    static func isHeader(_ text: String) -> Bool {
        guard let record = try? CSVReader(text: text).next() else { return false }
        let names = Set(record.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return names.contains("name") && names.contains("note")
    }

    // MARK: Decoding

    func decode(_ bytes: ArraySlice<UInt8>, line: Int, log: inout ProblemLog) -> String? {
        var bytes = bytes
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        switch encoding.decode(bytes) {
        case .success(let text):
            if encoding == .utf8, text.contains("\0") {
                log.add(DataError(file: input.path, line: line, problem: "NUL byte", expected: "text"))
                return nil
            }
            return text
        case .failure(let error):
            log.add(DataError(file: input.path, line: line, problem: error.problem, expected: error.expected))
            return nil
        }
    }

    /// Refuses mis-decoded text in a field.
    func checkText(_ text: String, field: String, line: Int, log: inout ProblemLog) -> Bool {
        guard let problem = Cyrillic1251.misdecoding(text) else { return true }
        log.add(DataError(file: input.path, line: line, field: field, problem: "the text " + problem,
                          expected: "readable text: re-save the file as UTF-8, or give the encoding it is in with --encoding"))
        return false
    }

    // MARK: CSV

    struct CSVState {
        var columns: [Column?]?
    }

    func csvRecord(_ text: String, line: Int, state: inout CSVState, log: inout ProblemLog,
                   _ body: (MemorialEntry, inout ProblemLog) throws -> Void) throws {
        let fields: [String]
        do {
            fields = try CSVReader(text: text).next()?.fields ?? [""]
        } catch let error as CSVReader.Malformed {
            log.add(DataError(file: input.path, line: line + error.line - 1, problem: error.problem, expected: "RFC 4180 CSV"))
            return
        }
        guard let columns = state.columns else {
            var columns: [Column?] = []
            var seen = Set<Column>()
            for name in fields {
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if let column = Column(rawValue: trimmed.lowercased()) {
                    if !seen.insert(column).inserted {
                        log.add(DataError(file: input.path, line: line, field: trimmed, problem: "column appears twice",
                                          expected: "each column once"))
                    }
                    columns.append(column)
                } else {
                    columns.append(nil)
                    if !ignoreUnknownColumns {
                        log.add(DataError(file: input.path, line: line, field: trimmed,
                                          problem: "unknown column (give --ignore-unknown-columns to skip it)",
                                          expected: "name, note, source, ref"))
                    }
                }
            }
            state.columns = columns
            return
        }
        if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { return }
        guard fields.count == columns.count else {
            log.add(DataError(file: input.path, line: line, problem: "\(fields.count) fields, but the header has \(columns.count)",
                              expected: "one field per header column"))
            return
        }
        var values: [Column: String] = [:]
        for (index, column) in columns.enumerated() {
            guard let column else { continue }
            let value = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { values[column] = value }
        }
        guard let name = values[.name] else {
            log.add(DataError(file: input.path, line: line, field: "name", problem: "missing", expected: "the person's name"))
            return
        }
        guard let note = values[.note] else {
            log.add(DataError(file: input.path, line: line, field: "note", problem: "missing", expected: "the note"))
            return
        }
        var ok = true
        for (column, value) in values where column != .ref {
            ok = checkText(value, field: column.rawValue, line: line, log: &log) && ok
        }
        guard ok else { return }
        try body(MemorialEntry(file: input.path, line: line, name: name, note: note, source: values[.source], ref: values[.ref]), &log)
    }

    // MARK: Plain text

    func plainRecord(_ lines: [(String, Int)], log: inout ProblemLog, _ body: (MemorialEntry, inout ProblemLog) throws -> Void) throws {
        guard let (first, line) = lines.first else { return }
        let name = first.trimmingCharacters(in: .whitespaces)
        var noteLines: [String] = []
        var source: String?
        var ref: String?
        for (text, number) in lines.dropFirst() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let value = MemorialReader.labelled(trimmed, ["источник", "source"]) {
                if source != nil {
                    log.add(DataError(file: input.path, line: number, field: "source", problem: "a second source line",
                                      expected: "one Источник: line per record"))
                }
                source = value
            } else if let value = MemorialReader.labelled(trimmed, ["ref"]) {
                ref = value
            } else {
                noteLines.append(trimmed)
            }
        }
        if MemorialReader.looksLikeNote(name) {
            log.add(DataError(file: input.path, line: line, field: "name", problem: "this line reads like a note, not a name",
                              expected: "the person's name on its own line, the note on the next"))
            return
        }
        if name.unicodeScalars.count > 300 {
            log.add(DataError(file: input.path, line: line, field: "name", problem: "longer than 300 characters",
                              expected: "the person's name on its own line, the note on the next"))
            return
        }
        guard !noteLines.isEmpty else {
            log.add(DataError(file: input.path, line: line, field: "note", problem: "missing",
                              expected: "the note on the line after the name, and a blank line between records"))
            return
        }
        let note = noteLines.joined(separator: "\n")
        var ok = checkText(name, field: "name", line: line, log: &log)
        ok = checkText(note, field: "note", line: line + 1, log: &log) && ok
        if let source { ok = checkText(source, field: "source", line: line, log: &log) && ok }
        guard ok else { return }
        try body(MemorialEntry(file: input.path, line: line, name: name, note: note, source: source, ref: ref), &log)
    }

    /// `Источник: Книга памяти …` → `Книга памяти …`.
    static func labelled(_ line: String, _ labels: [String]) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard labels.contains(label) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    static func looksLikeNote(_ line: String) -> Bool {
        let lower = NoteTokens.fold(line)
        return ["род.", "родился", "родилась", "арестован", "приговор", "расстрелян", "проживал"].contains { lower.hasPrefix($0) }
    }
}

/// Lines of an input: from a file or standard input in bounded memory, or
/// from text in memory.
struct LineSource {
    private var reader: LineReader?
    private var lines: [Substring] = []
    private var index = 0

    init(_ input: ImportInput) throws {
        if let text = input.text {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
        } else {
            reader = try LineReader(path: input.path)
        }
    }

    mutating func next() throws -> (ArraySlice<UInt8>, Int)? {
        if let reader {
            guard let line = try reader.next() else { return nil }
            return (line, reader.lineNumber)
        }
        guard index < lines.count else { return nil }
        var line = lines[index]
        if line.hasSuffix("\r") { line = line.dropLast() }
        index += 1
        return (ArraySlice(Array(line.utf8)), index)
    }
}
