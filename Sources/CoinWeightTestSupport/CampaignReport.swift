import Foundation

/// The counts of a campaign (kills survived, writes checked, faults injected, inputs tried):
/// printed always, and appended as a Markdown section to the file `CWSYNC_CAMPAIGN_REPORT`
/// names (which `scripts/campaign` sets) when there is one.
public struct CampaignReport {
    public let title: String
    private var rows: [(String, String)] = []

    public init(_ title: String) { self.title = title }

    /// Adds a line of the report: what was measured and its value.
    public mutating func add(_ measure: String, _ value: String) { rows.append((measure, value)) }

    public mutating func add(_ measure: String, _ value: Int) { add(measure, value.formatted()) }

    /// Prints the report and appends it to the report file, if one is named.
    public func publish() throws {
        let table = rows.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n")
        let section = "\n## \(title)\n\n| measure | value |\n|---|--:|\n\(table)\n"
        print(section)
        guard let path = ProcessInfo.processInfo.environment["CWSYNC_CAMPAIGN_REPORT"] else { return }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data(section.utf8))
    }
}
