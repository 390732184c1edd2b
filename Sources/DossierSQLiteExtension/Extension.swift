import CSQLiteExtension
import Dossier
import Foundation

// An SQLite loadable extension that registers dossier's name-search
// functions (see `NameSQL` in the Dossier module for what each returns):
//
//     dossier_name_keys(name)             JSON array of a stored name's keys
//     dossier_surname_typo_keys(key)      JSON array of a surname key's typo keys
//     dossier_query_keys(text [, kind])   JSON array of the keys a query looks up
//     dossier_name_score(query, stored)   0…1, or NULL when it does not match
//     dossier_name_match(query, stored)   {"score","reason","explanation"} or NULL
//
// Built as the dynamic library product `DossierExtension`
// (libDossierExtension.so, .dylib on macOS) and loaded with
// `datasette --load-extension PATH`, `.load PATH` in the sqlite3 shell, or
// `sqlite3_load_extension`.
//
// "Extensions ... should not call SQLite routines directly, but instead
// invoke them through the sqlite3_api_routines structure passed in as the
// third parameter to the entry point" (https://www.sqlite.org/loadext.html),
// so that the extension works whichever copy of SQLite loads it.

/// The routines of the SQLite that loaded this extension.
final class Routines: @unchecked Sendable {
    static let shared = Routines()
    private let lock = NSLock()
    private var pointer: UnsafePointer<sqlite3_api_routines>?

    func set(_ api: UnsafePointer<sqlite3_api_routines>) {
        lock.lock()
        pointer = api
        lock.unlock()
    }

    var api: sqlite3_api_routines {
        lock.lock()
        defer { lock.unlock() }
        return pointer!.pointee
    }
}

/// "If the destructor argument is SQLITE_TRANSIENT, then SQLite makes its
/// own private copy of the data immediately"
/// (https://www.sqlite.org/c3ref/result_blob.html).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The extension's entry point, which SQLite looks up by this name.
/// - Returns: SQLITE_OK, or an SQLite error code with `*errorMessage` set.
@_cdecl("sqlite3_extension_init")
public func sqlite3ExtensionInit(
    _ db: OpaquePointer?,
    _ errorMessage: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ routines: UnsafePointer<sqlite3_api_routines>?
) -> Int32 {
    guard let db, let routines else { return SQLITE_ERROR }
    Routines.shared.set(routines)
    let api = routines.pointee
    // Pure functions: the same arguments give the same result, and they
    // have no side effects, so views and triggers may call them even with
    // trusted_schema off.
    let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
    for (name, count) in NameSQL.functions {
        let body: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void
        switch name {
        case "dossier_name_keys": body = nameKeys
        case "dossier_surname_typo_keys": body = surnameTypoKeys
        case "dossier_query_keys": body = queryKeys
        case "dossier_name_score": body = nameScore
        default: body = nameMatch
        }
        let code = api.create_function_v2!(db, name, count, flags, nil, body, nil, nil, nil)
        if code != SQLITE_OK {
            setError(api, errorMessage, "dossier extension: cannot register \(name)")
            return code
        }
    }
    return SQLITE_OK
}

/// Hands SQLite an error message in memory it can free.
private func setError(_ api: sqlite3_api_routines, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ message: String) {
    let bytes = Array(message.utf8) + [0]
    guard let out, let buffer = api.malloc!(Int32(bytes.count)) else { return }
    buffer.copyMemory(from: bytes, byteCount: bytes.count)
    out.pointee = buffer.assumingMemoryBound(to: CChar.self)
}

// MARK: - The functions

private func nameKeys(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let api = Routines.shared.api
    resultText(api, context, NameSQL.nameKeys(text(api, arguments?[0])))
}

private func surnameTypoKeys(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let api = Routines.shared.api
    resultText(api, context, NameSQL.surnameTypoKeys(text(api, arguments?[0])))
}

private func queryKeys(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let api = Routines.shared.api
    guard let query = parsedQuery(api, context, arguments) else { return resultText(api, context, "[]") }
    do {
        let kind = try NameSQL.keyKind(count > 1 ? text(api, arguments?[1]) : nil)
        resultText(api, context, NameSQL.queryKeys(query, kind: kind))
    } catch {
        api.result_error!(context, "\(error)", -1)
    }
}

private func nameScore(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let api = Routines.shared.api
    guard let query = parsedQuery(api, context, arguments),
          let score = NameSQL.score(query, stored: text(api, arguments?[1])) else { return api.result_null!(context) }
    api.result_double!(context, score)
}

private func nameMatch(_ context: OpaquePointer?, _ count: Int32, _ arguments: UnsafeMutablePointer<OpaquePointer?>?) {
    let api = Routines.shared.api
    guard let query = parsedQuery(api, context, arguments),
          let match = NameSQL.match(query, stored: text(api, arguments?[1])) else { return api.result_null!(context) }
    resultText(api, context, match)
}

// MARK: - Values

/// An argument as text (numbers as SQLite writes them), or nil for NULL.
private func text(_ api: sqlite3_api_routines, _ value: OpaquePointer?) -> String? {
    guard let value, api.value_type!(value) != SQLITE_NULL, let bytes = api.value_text!(value) else { return nil }
    let length = Int(api.value_bytes!(value))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
}

private func resultText(_ api: sqlite3_api_routines, _ context: OpaquePointer?, _ text: String) {
    text.withCString { api.result_text!(context, $0, Int32(text.utf8.count), transient) }
}

/// The query (first argument) parsed once per statement: SQLite keeps it
/// as auxiliary data while the argument stays the same, so scoring every
/// candidate name of one search parses the reader's text once.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/get_auxdata.html>
private func parsedQuery(_ api: sqlite3_api_routines, _ context: OpaquePointer?,
                         _ arguments: UnsafeMutablePointer<OpaquePointer?>?) -> NameQuery? {
    if let cached = api.get_auxdata!(context, 0) {
        return Unmanaged<QueryBox>.fromOpaque(cached).takeUnretainedValue().query
    }
    guard let queryText = text(api, arguments?[0]) else { return nil }
    let box = QueryBox(NameQuery(queryText))
    api.set_auxdata!(context, 0, Unmanaged.passRetained(box).toOpaque()) { pointer in
        if let pointer { Unmanaged<QueryBox>.fromOpaque(pointer).release() }
    }
    return box.query
}

private final class QueryBox {
    let query: NameQuery
    init(_ query: NameQuery) { self.query = query }
}
