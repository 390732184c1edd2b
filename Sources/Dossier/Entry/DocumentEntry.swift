import DossierDomain

/// What entering a document from a file or stdin did: the check, and the
/// save unless it was a dry run.
public struct DocumentEntry: Sendable {
    public var record: EntryRecord
    public var check: EntryCheck
    /// Nil on a dry run.
    public var saved: EntrySession.Saved?
}

extension EntrySession {
    /// Checks a YAML document that came from a file or stdin and, unless
    /// `dryRun`, stores it.
    ///
    /// In the editor a possible duplicate is shown at the top of the
    /// document and the user saves again to confirm. A file or stdin has
    /// no second chance to ask, so a document naming a person the archive
    /// may already hold under another spelling is refused unless `forceNew`
    /// says to create the person anyway: two records of one victim are
    /// harder to undo than a rerun with a flag. A dry run writes nothing,
    /// so it reports the hints (in the result) instead of refusing.
    /// - Throws: `DataErrors` naming file and line: the document's problems,
    ///   or the likely duplicates and how to go on; nothing is written.
    ///   `ArchiveError`, `SQLiteError` from the save.
    public func enter(yaml text: String, file: String, dryRun: Bool, forceNew: Bool) throws -> DocumentEntry {
        let check = try check(yaml: text, file: file)
        guard check.errors.isEmpty, let record = check.record else { throw DataErrors(check.errors) }
        if !check.hints.isEmpty, !forceNew, !dryRun {
            throw DataErrors(check.hints.map { DataError(file: file, line: $0.line, field: $0.field, problem: $0.text) }
                             + [DataError(file: file, problem: "nothing written; to create a new person anyway, give --force-new")])
        }
        if dryRun { return DocumentEntry(record: record, check: check, saved: nil) }
        return DocumentEntry(record: record, check: check, saved: try save(record))
    }
}
