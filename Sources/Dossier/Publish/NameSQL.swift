import DossierStorage
import DossierDomain
import Foundation

/// dossier's name search as SQL functions, so that a published site can send
/// a reader's text through the same keys and scores as `dossier search`.
///
/// The same four functions are registered in two places: on dossier's own
/// connections (`register(on:)`, used by `dossier publish` and the tests),
/// and by the loadable extension (`Sources/DossierSQLiteExtension`) that
/// Datasette loads with `--load-extension`. Both call the functions below,
/// so the two cannot drift apart.
///
/// - `dossier_name_keys(name)`: the index keys of a stored name, a JSON
///   array (what the `name_key` triggers store).
/// - `dossier_surname_typo_keys(key)`: the typo keys of a surname key, a
///   JSON array (what the triggers store in `surname_typo`).
/// - `dossier_query_keys(text [, kind])`: the keys a typed name looks up, a
///   JSON array; `kind` is `all` (the default), `surname` (exact and
///   cross-transliteration keys) or `typo` (one-typo keys).
/// - `dossier_name_score(query, stored)`: 0…1 when the stored name matches
///   the query, else NULL.
/// - `dossier_name_match(query, stored)`: a JSON object
///   `{"score":…,"reason":…,"explanation":…}`, or NULL.
public enum NameSQL {
    /// The SQL names and argument counts, for registration.
    public static let functions: [(name: String, argumentCount: Int32)] = [
        ("dossier_name_keys", 1), ("dossier_surname_typo_keys", 1), ("dossier_query_keys", 1), ("dossier_query_keys", 2),
        ("dossier_name_score", 2), ("dossier_name_match", 2),
    ]

    /// The index keys of a stored name, as a JSON array.
    public static func nameKeys(_ name: String?) -> String {
        guard let name else { return "[]" }
        return SearchIndex.jsonArray(NameKeys.indexKeys(for: name))
    }

    /// The typo keys of a surname key (`s:…`), as a JSON array (what the
    /// `surname_typo` table holds beside it).
    public static func surnameTypoKeys(_ key: String?) -> String {
        guard let key else { return "[]" }
        return SearchIndex.jsonArray(NameKeys.surnameTypoKeys(ofSurnameKey: key))
    }

    /// Which lookup keys `dossier_query_keys` returns.
    public enum KeyKind: String, Sendable, CaseIterable {
        case all, surname, typo
    }

    /// Reads the optional `kind` argument of `dossier_query_keys`.
    /// - Throws: `NameSQLError` for any other word.
    public static func keyKind(_ text: String?) throws -> KeyKind {
        guard let text else { return .all }
        guard let kind = KeyKind(rawValue: text.lowercased()) else {
            throw NameSQLError("dossier_query_keys: kind must be 'all', 'surname' or 'typo', got '\(text)'")
        }
        return kind
    }

    /// The keys a typed name looks up, as a JSON array.
    public static func queryKeys(_ query: NameQuery, kind: KeyKind = .all) -> String {
        switch kind {
        case .all: return SearchIndex.jsonArray(query.lookupKeys)
        case .surname: return SearchIndex.jsonArray(query.surnameLookupKeys)
        case .typo: return SearchIndex.jsonArray(query.typoLookupKeys)
        }
    }

    /// The score of a stored name against a query, or nil.
    public static func score(_ query: NameQuery, stored: String?) -> Double? {
        guard let stored else { return nil }
        return NameMatcher.score(query: query, stored: stored).map { rounded($0.score) }
    }

    /// Score, reason and explanation as a JSON object, or nil.
    public static func match(_ query: NameQuery, stored: String?) -> String? {
        guard let stored, let match = NameMatcher.score(query: query, stored: stored) else { return nil }
        var writer = JSONObjectWriter()
        writer.set("score", rounded(match.score))
        writer.set("reason", match.reason.rawValue)
        writer.set("explanation", match.explanation)
        return writer.json.serialized()
    }

    static func rounded(_ score: Double) -> Double { (score * 1000).rounded() / 1000 }

    /// Registers the functions on a connection of this process.
    ///
    /// A parsed query is kept between calls, so that scoring every
    /// candidate of one search parses the reader's text once.
    public static func register(on db: Connection) throws {
        let cache = QueryCache()
        try db.createFunction("dossier_name_keys", argumentCount: 1) { arguments in
            nameKeys(arguments[0].stringValue)
        }
        try db.createFunction("dossier_surname_typo_keys", argumentCount: 1) { arguments in
            surnameTypoKeys(arguments[0].stringValue)
        }
        for count: Int32 in [1, 2] {
            try db.createFunction("dossier_query_keys", argumentCount: count) { arguments in
                guard let text = arguments[0].stringValue else { return "[]" }
                let kind = try keyKind(arguments.count > 1 ? arguments[1].stringValue : nil)
                return queryKeys(cache.query(text), kind: kind)
            }
        }
        try db.createFunction("dossier_name_score", argumentCount: 2) { arguments in
            guard let text = arguments[0].stringValue else { return SQLValue.null }
            return score(cache.query(text), stored: arguments[1].stringValue).map(SQLValue.real) ?? .null
        }
        try db.createFunction("dossier_name_match", argumentCount: 2) { arguments in
            guard let text = arguments[0].stringValue else { return SQLValue.null }
            return match(cache.query(text), stored: arguments[1].stringValue).map(SQLValue.text) ?? .null
        }
    }

    /// The last query parsed on one connection.
    final class QueryCache {
        private var last: NameQuery?
        func query(_ text: String) -> NameQuery {
            if let last, last.text == text { return last }
            let parsed = NameQuery(text)
            last = parsed
            return parsed
        }
    }
}

/// A bad argument to one of the name functions.
public struct NameSQLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
