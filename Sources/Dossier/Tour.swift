import DossierDomain
import Foundation

/// The demo: builds an archive from the embedded `Fixtures/` and shows what
/// dossier does with it.
public enum Tour {
    /// The fixtures as import inputs (sources first).
    public static func fixtureInputs() -> [ImportInput] {
        var inputs: [ImportInput] = []
        for name in EmbeddedFixtures.names where !name.contains("/") {
            guard let text = EmbeddedFixtures.file(name), let format = ImportFormat.guess(path: name) else { continue }
            inputs.append(ImportInput(path: "Fixtures/" + name, format: format, text: text))
        }
        return inputs
    }

    /// Imports the fixtures into `archive` (idempotent).
    public static func build(_ archive: Archive) throws -> ImportReport {
        try archive.importFiles(fixtureInputs())
    }
}
