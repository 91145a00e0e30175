import Foundation
import Testing

/// The README's library snippets are the example package's code (which CI builds and runs),
/// not text that may have stopped compiling.
@Suite("README snippets")
struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The lines between `// README: name` and `// README: end` in `file`, their common
    /// indentation removed.
    static func region(_ name: String, of file: String) throws -> [String] {
        let lines = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: \(name)" }),
            let end = lines[start...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: end" })
        else { return [] }
        let body = Array(lines[(start + 1)..<end])
        let indent = body.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.count))) }
    }

    @Test("each snippet the README takes from Examples/ is, line for line, a region of the example's source")
    func snippetsAreTheExample() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8).components(separatedBy: "\n")
        var checked = 0
        for (index, line) in readme.enumerated() where line.hasPrefix("<!-- snippet: ") {
            let parts = line.dropFirst("<!-- snippet: ".count).dropLast(" -->".count).split(separator: " ").map(String.init)
            try #require(parts.count == 2, "\(line)")
            #expect(readme[index + 1] == "```swift")
            let block = Array(readme[(index + 2)...].prefix { $0 != "```" })
            let region = try Self.region(parts[1], of: parts[0])
            #expect(!region.isEmpty, "no region \(parts[1]) in \(parts[0])")
            #expect(block == region, "README line \(index + 1): the snippet \(parts[1]) differs from \(parts[0])")
            checked += 1
        }
        #expect(checked >= 3)
    }
}
