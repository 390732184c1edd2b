import Foundation
import PackagePlugin

/// Embeds the package's top-level `Migrations/` and `Fixtures/` folders in
/// the `Dossier` module as string literals, so that the program never needs
/// them on disk at run time.
@main
struct EmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in ["Migrations", "Fixtures"] {
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                    inputs.append(url)
                }
            }
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding Migrations and Fixtures",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
