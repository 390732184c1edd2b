@testable import Dossier
import DossierStorage
import Foundation
import Testing

/// Several commands opening one new archive at the same moment: each
/// migration runs once, and every one of them opens the archive.
@Suite struct MigrationRaceTests {
    @Test func concurrentOpeningsOfANewArchiveAllSucceed() throws {
        for round in 0..<4 {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("dossier-race-\(UUID().uuidString).sqlite").path
            defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try Archive(path: path, create: true) } catch { failures.add("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
            let db = try Connection(path: path, mode: .readOnly)
            let applied = try db.fetchAll("SELECT id FROM schema_migration ORDER BY id").compactMap { $0.string(0) }
            #expect(applied == Schema.migrations.map(\.id))
        }
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
