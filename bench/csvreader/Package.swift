// swift-tools-version: 6.0
// Benchmark: dossier's CSVReader against the CSV.swift package on the same
// file. Build and run with bench/csvreader.sh (release build).
import PackageDescription

let package = Package(
    name: "csvreader-bench",
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(name: "CSVBench", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
    ]
)
