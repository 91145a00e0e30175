import Foundation
import PackagePlugin

/// Compiles the package's schemas into the target it is applied to, as the Swift source of an
/// enum of their texts: the binary then needs no resource bundle at run time, and the files
/// stay the one source. `CoinWeightStore` gets `schema/*.sql` (`EmbeddedSchema`), any other
/// target the OpenAPI document of the API, `api/openapi.yaml` (`EmbeddedAPIDocument`).
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let (name, folder, files): (String, URL, [URL])
        if target.name == "CoinWeightStore" {
            folder = root.appending(path: "schema")
            name = "EmbeddedSchema"
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "sql" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } else {
            folder = root.appending(path: "api")
            name = "EmbeddedAPIDocument"
            files = [folder.appending(path: "openapi.yaml")]
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files of \(folder.lastPathComponent)/ in \(target.name)",
                executable: try context.tool(named: "SchemaEmbedder").url,
                arguments: [name, output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output])
        ]
    }
}
