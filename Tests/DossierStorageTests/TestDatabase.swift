import DossierStorage
import Foundation

/// A fresh database file in the temporary directory, removed afterwards.
final class TestDatabase {
    let path: String
    let db: Connection

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-storage-\(UUID().uuidString).sqlite").path
        db = try Connection(path: path)
    }

    deinit {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
