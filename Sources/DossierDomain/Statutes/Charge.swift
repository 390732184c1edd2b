import Foundation

/// One charge read from text: a statute reference, an offence category, or
/// a decree known by its date.
public struct ParsedCharge: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case statute, category, decree
    }
    public var kind: Kind
    /// The normal form: `RSFSR-1926:58-10`, `oso/КРТД`, `decree:1932-08-07`.
    public var ref: String
    /// The text as the source wrote it: the whole `;`-separated piece the
    /// charge came from (so `58-6-7-8-11` gives four charges with that raw).
    public var raw: String

    public init(kind: Kind, ref: String, raw: String) {
        self.kind = kind
        self.ref = ref
        self.raw = raw
    }
}

/// Text that cannot be read as a charge. `problem` names the text and the
/// forms that were expected.
public struct ChargeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole text given to the parser.
    public let input: String
    public let problem: String
    public var description: String { problem }

    public init(input: String, problem: String) {
        self.input = input
        self.problem = problem
    }
}

/// Reads charges as sources write them and gives their normal forms.
///
/// A charge list is `;`-separated; within a piece, `,` separates whole
/// references (`58-1а, 58-8`) or continues a compressed list
/// (`ст. 58-7, 8, 11`). Each piece is one of:
///
/// - a statute reference, normalised to `CODE:ARTICLE[-PART][LETTER]`:
///   `58-10`, `58.10`, `58(10)`, `58¹⁰`, `art. 58-10`, `ст.58 п.10`,
///   `58-10 ч. 1` (the paragraph, `ч.`, is kept only in `raw`), letters
///   `58-1a`, `58-1а`, `58-1"а"`, `58-1 «а»`, `58 п. 1a`, `162-в`;
///   compressed lists `58-6-7-8-11`, `ст. 58-7, 8, 11`, `ст. 69, 70, 73`;
///   the code given explicitly (`UkrSSR-1927:54-10`) or named in the text
///   (`ст. 58-10 УК РСФСР`, `ст. 70 УК РСФСР 1960`), else `defaultCode`.
///   In a comma list, a bare number up to 40 after a reference with a part
///   is another part of the same article (`58-10, 11` → 58-11); write
///   `ст.` before it (`58-10, ст. 35`) or use `;` to start a new article.
///   Cyrillic letters а–д are read as a–e; Cyrillic `е` is refused, since
///   it looks like Latin `e` but would be the sixth letter;
/// - an offence category, a `/`-separated path kept as written
///   (`theft/grandLarceny`; each segment in one script, Latin or
///   Cyrillic), one Latin word starting lower-case (`kill`), or an
///   OSO/troika letter code (`КРТД`, `oso/КРТД`, `KRTD` → `oso/КРТД`);
/// - a decree known by its date (`закон 7.8.1932`, `law 7.8.1932`,
///   `закон от 7 августа 1932 г.`, `указ 26.6.1940`, `ukaz 4.6.1947`,
///   `decree:1947-06-04` → `decree:1947-06-04`).
///
/// Every normal form reads back as itself.
public enum ChargeParser {
    /// The code for references that name none: the RSFSR Criminal Code of
    /// 1926 (in force 1 January 1927), whose article 58 held the
    /// counter-revolutionary crimes.
    public static let defaultCode = "RSFSR-1926"

    /// The codes a reference may name, as written in normal forms.
    ///
    /// `RSFSR-1922` (in force 1 June 1922), `RSFSR-1926`, `RSFSR-1960`;
    /// `UkrSSR-1922`, `UkrSSR-1927` (article 54 = RSFSR 58), `UkrSSR-1960`;
    /// `BSSR-1928`; `AzSSR` for the Azerbaijani SSR code in force before
    /// 1960 (its year of adoption was not confirmed, so the name carries
    /// none) and `AzSSR-1960`.
    public static let knownCodes: [String] = StatuteCodes.known

    /// The letter codes with which the Special Board (OSO) and the troikas
    /// sentenced without an article, in Cyrillic as the records write them.
    public static let osoCodes: [String] = OSOCodes.known.map(\.code)

    /// Reads every charge in a `;`-separated list.
    ///
    /// - Parameters:
    ///   - text: the charges as written; empty text gives no charges.
    ///   - defaultCode: the code for statute references that name none.
    /// - Returns: the charges in the order written, each normal form once
    ///   (the first time it is given).
    /// - Throws: `ChargeError` naming the first piece that cannot be read,
    ///   or a list over the limits of `ChargeReader` (length, charges) or
    ///   `StatuteGrammar.maxParts`.
    public static func parse(_ text: String, defaultCode: String = defaultCode) throws -> [ParsedCharge] {
        var work = 0
        return try parse(text, defaultCode: defaultCode, work: &work)
    }

    /// `parse`, adding to `work` the tokens scanned and the terms read:
    /// what the growth tests measure.
    package static func parse(_ text: String, defaultCode: String = defaultCode, work: inout Int) throws -> [ParsedCharge] {
        var result: [ParsedCharge] = []
        var seen: Set<String> = []
        func add(_ kind: ParsedCharge.Kind, _ ref: String, _ raw: String) {
            if seen.insert(ref).inserted { result.append(ParsedCharge(kind: kind, ref: ref, raw: raw)) }
        }
        for (term, raw) in try ChargeReader.read(text, defaultCode: defaultCode, forQuery: false, work: &work) {
            switch term {
            case .statute(let statute):
                add(.statute, statute.ref(defaultCode: defaultCode), raw)
            case .category(let path):
                add(.category, path, raw)
            case .decree(let date):
                add(.decree, "decree:" + date, raw)
            case .anyDecree:
                // Only queries accept a bare keyword; the reader never
                // returns it otherwise.
                throw ChargeError(input: text, problem: ChargeReader.unreadable(raw))
            }
        }
        return result
    }
}
