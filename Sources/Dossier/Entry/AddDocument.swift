import DossierDomain
import Foundation

/// What `dossier add KIND --yaml/--json` stored, and what to tell the user.
public struct AddedDocument: Sendable {
    public var message: String
    /// Persons who may already be in the archive (the record was stored).
    public var hints: [EntryHint] = []
    /// How charges were read (`58-1а → RSFSR-1926:58-1a`).
    public var readings: [String] = []
    public var notes: [String] = []
}

/// The text formats a record document may come in.
public enum DocumentFormat: String, Sendable {
    case yaml, json
}

extension Archive {
    /// Adds one record from a YAML or JSON document. A case, person or
    /// source in the document shape (`dossier show --format yaml` prints
    /// it) gets the checks of `dossier new`; the other records, and case or
    /// person objects keyed by the `add` flag names (`ref`), go through
    /// `add(_:_:file:)`.
    /// - Throws: `DataErrors`/`DataError` naming file, line and field (bad
    ///   data, nothing written), `SQLiteError`.
    public func addDocument(_ kind: RecordKind, text: String, format: DocumentFormat, file: String?) throws -> AddedDocument {
        let tree: DocumentTree
        switch format {
        case .yaml:
            tree = try DocumentTree.read(yaml: text, file: file)
        case .json:
            do { tree = DocumentTree(json: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) } catch {
                throw DataError(file: file, problem: "not valid JSON", expected: "one JSON object")
            }
        }
        let entryKind: EntryKind?
        switch kind {
        case .case: entryKind = .case
        case .person: entryKind = .person
        case .source: entryKind = .source
        default: entryKind = nil
        }
        var lines: [String: Int] = [:]
        let json = tree.json(lines: &lines)
        var flagShaped = false
        if case .object(let object) = json, object["ref"] != nil { flagShaped = true }
        guard let entryKind, entryKind == .source || !flagShaped else {
            do {
                let result = try add(kind, json, file: file)
                return AddedDocument(message: result.message)
            } catch var error as DataError {
                if error.line == nil, let field = error.field { error.line = DocumentTree.line(of: field, in: lines) }
                throw error
            }
        }
        let session = EntrySession(new: entryKind, archive: self)
        let check = try session.check(tree, file: file)
        guard check.errors.isEmpty, let record = check.record else { throw DataErrors(check.errors) }
        let saved = try session.save(record)
        return AddedDocument(message: saved.message, hints: check.hints, readings: check.readings, notes: check.notes)
    }
}
