import Foundation

/// A search for charges by normal form that matches whole parts only.
///
/// The text is read like a charge list (`;` or `,` between alternatives,
/// which are OR-ed), and each reference is a prefix:
///
/// - `58` matches `58`, `58a`, `58-1`, `58-1a`, `58-10`, … (every part of
///   the article); `58-1` matches `58-1`, `58-1a`, `58-1b`, and not `58-10`;
///   `58-1a` (or `58-1а`) matches only `58-1a`.
/// - Codes: a code given in the text (`UkrSSR-1927:54-10`,
///   `ст. 54-10 УК УССР`, `ст. 70 УК РСФСР 1960`) matches only that code.
///   Without one, the reference is of `defaultCode` (`58-10` finds
///   `RSFSR-1926:58-10`, not `UkrSSR-1927:54-10` nor `RSFSR-1960:58-10`),
///   because an article number means different offences in different
///   codes (RSFSR-1926 70 is not RSFSR-1960 70) and a fixed prefix keeps the
///   `ref` index usable. Pass `defaultCode: nil` to match any code.
/// - `theft` matches `theft` and every `theft/...`, not `violentTheft/...`;
///   `oso` matches every OSO code; `КРТД`, `oso/КРТД` and `KRTD` match
///   `oso/КРТД`.
/// - A decree matches its own date (`law 7.8.1932` → `decree:1932-08-07`);
///   a keyword alone (`decree`, `law`, `указ`) matches every decree.
public struct ChargeQuery: Sendable, Hashable {
    package enum Depth: Sendable, Hashable { case article, part, letter }

    package enum Term: Sendable, Hashable {
        /// code nil: any code.
        case statute(code: String?, body: String, depth: Depth)
        case category(String)
        case exact(String)
        case anyDecree
    }

    /// The query as the user typed it.
    public let text: String
    package let terms: [Term]

    /// Reads a query.
    ///
    /// - Parameters:
    ///   - text: one or more charges, as `ChargeParser` reads them.
    ///   - defaultCode: the code of references that name none; nil to match
    ///     any code.
    /// - Returns: nil when the text names no charge (empty or blank).
    /// - Throws: `ChargeError` when the text cannot be read.
    public init?(_ text: String, defaultCode: String? = ChargeParser.defaultCode) throws {
        var terms: [Term] = []
        for (term, _) in try ChargeReader.read(text, defaultCode: defaultCode, forQuery: true) {
            switch term {
            case .statute(let ref):
                let depth: Depth = ref.letter != nil ? .letter : ref.part != nil ? .part : .article
                terms.append(.statute(code: ref.code ?? defaultCode, body: ref.body, depth: depth))
            case .category(let path):
                terms.append(.category(path))
            case .decree(let date):
                terms.append(.exact("decree:" + date))
            case .anyDecree:
                terms.append(.anyDecree)
            }
        }
        if terms.isEmpty { return nil }
        var seen = Set<Term>()
        self.terms = terms.filter { seen.insert($0).inserted }
        self.text = text
    }

    /// The prefixes searched for, for explanations: `RSFSR-1926:58-1`,
    /// `*:58-10` (any code), `theft`, `decree:*`.
    public var prefixes: [String] {
        terms.map { term in
            switch term {
            case .statute(let code, let body, _): return (code ?? "*") + ":" + body
            case .category(let path): return path
            case .exact(let ref): return ref
            case .anyDecree: return "decree:*"
            }
        }
    }

    /// True when a stored normal form is one the query asks for. Agrees
    /// with `sqlCondition` on every string (both compare bytes).
    public func matches(_ ref: String) -> Bool {
        let bytes = Array(ref.utf8)
        return terms.contains { Self.matches(bytes, $0) }
    }

    /// An SQL boolean expression over a column named `ref`, with `?`
    /// placeholders and their values in order, that selects exactly what
    /// `matches` accepts. With a code, each pattern has a fixed prefix, so
    /// SQLite can use an index on `ref` (GLOB is case-sensitive, as the
    /// column's BINARY collation needs).
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/optoverview.html#the_like_optimization>
    public var sqlCondition: (sql: String, bindings: [String]) {
        var clauses: [String] = []
        var bindings: [String] = []
        for term in terms {
            var alternatives: [String] = []
            func equal(_ value: String) {
                alternatives.append("ref = ?")
                bindings.append(value)
            }
            func glob(_ pattern: String) {
                alternatives.append("ref GLOB ?")
                bindings.append(pattern)
            }
            switch term {
            case .statute(let code, let body, let depth):
                let head = code.map { Self.globLiteral($0) + ":" } ?? "*:"
                let whole = head + Self.globLiteral(body)
                if let code { equal(code + ":" + body) } else { glob(whole) }
                if depth != .letter { glob(whole + "[a-z]") }
                if depth == .article { glob(whole + "-[1-9]*") }
            case .category(let path):
                equal(path)
                glob(Self.globLiteral(path) + "/*")
            case .exact(let ref):
                equal(ref)
            case .anyDecree:
                glob("decree:*")
            }
            clauses.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        let sql = clauses.count == 1 ? clauses[0] : "(" + clauses.joined(separator: " OR ") + ")"
        return (sql, bindings)
    }

    // MARK: - Matching

    /// Escapes GLOB's special characters so that they match themselves.
    package static func globLiteral(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "*": out += "[*]"
            case "?": out += "[?]"
            case "[": out += "[[]"
            default: out.append(c)
            }
        }
        return out
    }

    package static func isLowerLatin(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    package static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
    }

    package static func hasSuffix<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix)
    }

    package static func isPartDigit(_ b: UInt8) -> Bool { b >= 0x31 && b <= 0x39 }

    /// True when `needle` followed by a digit 1–9 occurs in `bytes`.
    package static func containsPart(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count > needle.count else { return false }
        for start in 0..<(bytes.count - needle.count)
        where isPartDigit(bytes[start + needle.count]) && bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    package static func matches(_ ref: [UInt8], _ term: Term) -> Bool {
        switch term {
        case .statute(let code?, let body, let depth):
            let whole = Array((code + ":" + body).utf8)
            if ref == whole { return true }
            if depth != .letter, ref.count == whole.count + 1, hasPrefix(ref, whole), isLowerLatin(ref[ref.count - 1]) {
                return true
            }
            return depth == .article && ref.count > whole.count + 1 && hasPrefix(ref, whole + [UInt8(ascii: "-")])
                && isPartDigit(ref[whole.count + 1])
        case .statute(nil, let body, let depth):
            // The GLOB patterns `*:BODY`, `*:BODY[a-z]`, `*:BODY-[1-9]*`.
            let tail = Array((":" + body).utf8)
            if hasSuffix(ref, tail) { return true }
            if depth != .letter, let last = ref.last, isLowerLatin(last), hasSuffix(ref.dropLast(), tail) {
                return true
            }
            return depth == .article && containsPart(ref, tail + [UInt8(ascii: "-")])
        case .category(let path):
            let whole = Array(path.utf8)
            return ref == whole || hasPrefix(ref, whole + [UInt8(ascii: "/")])
        case .exact(let value):
            return ref == Array(value.utf8)
        case .anyDecree:
            return hasPrefix(ref, Array("decree:".utf8))
        }
    }
}

