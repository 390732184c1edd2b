// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["DossierCLI"]),
        // dossier's name keys and scores as SQLite functions, for a published
        // site: `datasette serve ... --load-extension libDossierExtension.so`.
        .library(name: "DossierExtension", type: .dynamic, targets: ["DossierSQLiteExtension"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML for the documents `dossier new`/`edit` open in an editor.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "DossierStorage", dependencies: ["CSQLite"]),
        // Turns Migrations/*.sql and Fixtures/* into Swift string literals at
        // build time, so that the binary carries its schema and demo data.
        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedPlugin", capability: .buildTool(), dependencies: ["EmbedTool"]),
        // The domain: records and their validation, EDTF dates, names and
        // transliteration, statutes, citation formats, the Memorial note
        // parser. Everything that needs no database; it cannot reach one.
        .target(
            name: "DossierDomain",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The archive: everything that runs SQL, on top of the domain.
        .target(
            name: "Dossier",
            dependencies: ["DossierDomain", "DossierStorage"],
            plugins: ["EmbedPlugin"]
        ),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                "Dossier",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The loadable-extension header (sqlite3ext.h): an extension calls
        // SQLite through the routines the loading library hands it.
        .systemLibrary(name: "CSQLiteExtension"),
        .target(name: "DossierSQLiteExtension", dependencies: ["Dossier", "CSQLiteExtension"]),
        // Benchmarks (run with -c release; see bench/).
        .executableTarget(name: "DossierBench", dependencies: ["Dossier", "DossierStorage"]),
        .testTarget(name: "DossierStorageTests", dependencies: ["DossierStorage"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier", "DossierDomain", "DossierStorage"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "Dossier"]),
    ]
)
