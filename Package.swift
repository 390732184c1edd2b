// swift-tools-version: 6.0
import PackageDescription

// The version and commit that `dossier --version` prints, when the build is
// given them (scripts/package.sh sets these variables from git); a plain
// `swift build` leaves them out and dossier prints its version constant.
// Only the small CBuildInfo C target sees them, so a new commit recompiles
// one C file: Swift has no string-valued compilation conditions.
let buildInfo: [CSetting] = ["DOSSIER_VERSION", "DOSSIER_COMMIT"].compactMap { name in
    guard let value = Context.environment[name], !value.isEmpty,
          value.allSatisfy({ $0.isLetter || $0.isNumber || "+-.~_".contains($0) }) else { return nil }
    return .define(name, to: "\"\(value)\"")
}

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
        // Reading and writing the zip container of .xlsx and .ods files.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
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
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The archive: everything that runs SQL, on top of the domain.
        .target(
            name: "Dossier",
            dependencies: ["DossierDomain", "DossierStorage"],
            plugins: ["EmbedPlugin"]
        ),
        .target(name: "CBuildInfo", cSettings: buildInfo),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                "Dossier",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The loadable-extension header (sqlite3ext.h): an extension calls
        // SQLite through the routines the loading library hands it.
        .systemLibrary(name: "CSQLiteExtension"),
        // In release on Linux the extension carries the Swift runtime and
        // Foundation (SwiftPM's --static-swift-stdlib covers executables
        // only), so that a Datasette server needs no Swift toolchain.
        .target(
            name: "DossierSQLiteExtension",
            dependencies: ["Dossier", "CSQLiteExtension"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Benchmarks (run with -c release; see bench/).
        .executableTarget(name: "DossierBench", dependencies: ["Dossier", "DossierStorage"]),
        .testTarget(name: "DossierStorageTests", dependencies: ["DossierStorage"]),
        .testTarget(name: "DossierTests", dependencies: ["Dossier", "DossierDomain", "DossierStorage"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI", "Dossier"]),
    ]
)
