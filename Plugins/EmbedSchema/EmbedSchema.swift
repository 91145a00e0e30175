import Foundation
import PackagePlugin

/// Compiles the package's `schema/*.sql` into the target it is applied to, as the Swift
/// source of an `EmbeddedSchema` enum: the binary then needs no resource bundle at run time,
/// and `schema/` stays the one source of the store's SQL.
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "schema")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchema.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) schema files in \(target.name)",
                executable: try context.tool(named: "SchemaEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: [folder] + files,
                outputFiles: [output])
        ]
    }
}
