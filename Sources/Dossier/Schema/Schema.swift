import DossierDomain
import DossierStorage

/// The archive's schema: the numbered SQL files of `Migrations/`, embedded
/// in the binary at build time.
public enum Schema {
    public static let migrations: [Migration] = Embedded.files
        .filter { $0.key.hasPrefix("Migrations/") && $0.key.hasSuffix(".sql") }
        .map { entry in
            let name = String(entry.key.dropFirst("Migrations/".count).dropLast(".sql".count))
            // Embedding drops the file's final newline; restore it so the
            // stored SQL is the file's text exactly.
            return Migration(id: name, sql: entry.value + "\n")
        }
        .sorted { $0.id < $1.id }

    public static var migrator: Migrator { Migrator(migrations: migrations) }

    /// The id of the newest migration this program knows.
    public static var currentVersion: String { migrations.last?.id ?? "" }
}

/// Files of `Fixtures/` embedded at build time (for the tour and tests).
public enum EmbeddedFixtures {
    public static func file(_ name: String) -> String? { Embedded.files["Fixtures/" + name] }
    public static var names: [String] {
        Embedded.files.keys.filter { $0.hasPrefix("Fixtures/") }.map { String($0.dropFirst(9)) }.sorted()
    }
}
