@testable import Dossier
import DossierStorage
import Foundation

/// A fresh, migrated archive in the temporary directory, removed afterwards.
final class TestArchive {
    let path: String
    let archive: Archive

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-test-\(UUID().uuidString).sqlite").path
        archive = try Archive(path: path)
    }

    var db: Connection { archive.db }

    deinit {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    func count(_ table: String) throws -> Int {
        try db.scalar("SELECT count(*) FROM \(table)").intValue ?? -1
    }

    /// Adds from a JSON text, as `dossier add KIND --json` does.
    @discardableResult
    func add(_ kind: RecordKind, _ json: String) throws -> AddResult {
        try archive.add(kind, try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }
}
