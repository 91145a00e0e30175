/// The commit of the checkout the benchmark runs in, and whether the code it measures differs
/// from it: the code changes often, and a report says which one it timed.
public struct SourceRevision: Sendable {
    /// `git rev-parse --short HEAD`.
    public var commit: String
    /// Whether `Sources/` or `schema/` differ from that commit in the working tree.
    public var modified: Bool

    /// Asks `git` about the current folder; `nil` without git or outside a checkout.
    public static func current() -> SourceRevision? {
        guard let git = try? Program("git"), let commit = try? git.run(["rev-parse", "--short", "HEAD"]).output,
            let changes = try? git.run(["status", "--porcelain", "--", "Sources", "schema"]).output
        else { return nil }
        return SourceRevision(commit: commit, modified: !changes.isEmpty)
    }

    /// For a report: `` commit `b4a1f29`, `Sources/` and `schema/` as committed ``.
    public var markdown: String {
        "commit `\(commit)`, "
            + (modified
                ? "with uncommitted changes to `Sources/` or `schema/` in the working tree (the binary may hold them)"
                : "`Sources/` and `schema/` as committed")
    }
}
