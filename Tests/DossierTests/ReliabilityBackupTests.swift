@testable import Dossier
import DossierStorage
import Foundation
import Testing

@Suite struct ReliabilityBackupTests {
    /// A fresh folder in the temporary directory, removed afterwards.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-backup-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func theCopyHoldsTheSameRecordsAndHistory() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let folder = try Folder()
        let destination = folder.path + "/copy.sqlite"

        let result = try test.archive.backup(to: destination)

        #expect(result.counts["proceeding"] == 35)
        #expect(result.bytes > 0)
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copy.sqlite"])
        let copy = try Archive(path: destination, create: false, readOnly: true)
        let tables = SchemaCatalog.recordTables + ["change", "history"]
        #expect(try ReliabilityData.fingerprint(copy.db, tables: tables) == ReliabilityData.fingerprint(test.db, tables: tables))
        #expect(try copy.check().isClean)
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let folder = try Folder()
        let destination = folder.path + "/copy.sqlite"
        try Data("an older backup".utf8).write(to: URL(fileURLWithPath: destination))

        let refused = #expect(throws: ArchiveError.self) { try test.archive.backup(to: destination) }
        #expect(refused?.message == "\(destination) already exists; give --force to replace it")
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "an older backup")

        _ = try test.archive.backup(to: destination, force: true)
        #expect(try Archive(path: destination, create: false, readOnly: true).counts()["proceeding"] == 35)
    }

    @Test func refusesDirectoriesTheArchiveItselfAndMissingFolders() throws {
        let test = try TestArchive()
        let folder = try Folder()
        let directory = #expect(throws: ArchiveError.self) { try test.archive.backup(to: folder.path, force: true) }
        #expect(directory?.message.hasPrefix("\(folder.path) is a directory; give a file name for the backup") == true)
        let itself = #expect(throws: ArchiveError.self) { try test.archive.backup(to: test.path, force: true) }
        #expect(itself?.message == "\(test.path) is the archive itself; back up to another file")
        let missing = #expect(throws: ArchiveError.self) { try test.archive.backup(to: folder.path + "/no/such/copy.sqlite") }
        #expect(missing?.message == "cannot write \(folder.path)/no/such/copy.sqlite: the folder \(folder.path)/no/such does not exist")
    }

    @Test func theCopyIsOneSnapshotWhileAnotherConnectionWrites() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let folder = try Folder()
        // Another connection is in the middle of a write that it has not
        // committed: the backup does not wait for it and does not see it.
        let writer = try Archive(path: test.path)
        try writer.db.execute("BEGIN IMMEDIATE")
        try writer.db.execute("INSERT INTO change (command) VALUES ('test')")
        try writer.db.execute("DELETE FROM citation")
        let result = try test.archive.backup(to: folder.path + "/during.sqlite")
        try writer.db.execute("COMMIT")

        #expect(result.counts["citation"] == 345)
        let copy = try Archive(path: folder.path + "/during.sqlite", create: false, readOnly: true)
        #expect(try copy.counts()["citation"] == 345)
        #expect(try test.archive.counts()["citation"] == 0)
    }

    @Test func aReadOnlyArchiveCanBeBackedUp() throws {
        let test = try TestArchive()
        _ = try Tour.build(test.archive)
        let folder = try Folder()
        let readOnly = try Archive(path: test.path, create: false, readOnly: true)
        _ = try readOnly.backup(to: folder.path + "/copy.sqlite")
        #expect(try Archive(path: folder.path + "/copy.sqlite", create: false, readOnly: true).counts()["person"] == 69)
    }
}
