import BenchmarkSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Dropping files from the page cache without root: `posix_fadvise(POSIX_FADV_DONTNEED)` on
/// each, which evicts their clean pages that no process maps (`/proc/sys/vm/drop_caches`
/// needs root). Pages another running process maps stay: `fincore` counts what is left.
struct PageCache {
    /// The files dropped before each cold run: the binary, the shared libraries `ldd` lists for
    /// it, and the store with its `-wal` and `-shm`.
    let files: [String]
    /// `fincore`, when installed, to count the cached bytes of the files.
    private let fincore: Program?

    init(binary: String, store: URL) throws {
        let libraries = try Program("ldd").run([binary]).output.split(separator: "\n").compactMap { line -> String? in
            let path = line.split(separator: " ").first { $0.hasPrefix("/") }
            return path.map(String.init)
        }
        let storeFiles = ["", "-wal", "-shm"].map { store.path + $0 }.filter { FileManager.default.fileExists(atPath: $0) }
        files = [binary] + libraries + storeFiles
        fincore = try? Program("fincore")
    }

    /// Drops every file's cached pages.
    func drop() {
        for file in files {
            let descriptor = open(file, O_RDONLY)
            guard descriptor >= 0 else { continue }
            posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(descriptor)
        }
    }

    /// The bytes of the files in the page cache, summed; `nil` without `fincore`.
    func cachedBytes() -> Int64? {
        guard let fincore, let output = try? fincore.run(["--bytes", "--noheadings", "--output", "RES"] + files).output else { return nil }
        return output.split(separator: "\n").compactMap { Int64($0.trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
    }

    /// The files' total size.
    var totalBytes: Int64 { files.map { WorkFolder.size(of: URL(fileURLWithPath: $0)) }.reduce(0, +) }
}

/// One run of a command with the page cache of its files dropped first.
struct ColdRun {
    var command: String
    /// Cached bytes of the files just before the drop and just after it (`fincore`).
    var cachedBefore: Int64?
    var cachedAfter: Int64?
    var elapsed: Duration

    /// Drops `cache`, then runs `arguments` once.
    static func run(_ arguments: [String], on cwsync: CWSyncBinary, cache: PageCache) throws -> ColdRun {
        let before = cache.cachedBytes()
        cache.drop()
        let after = cache.cachedBytes()
        return ColdRun(command: cwsync.command(arguments), cachedBefore: before, cachedAfter: after, elapsed: try cwsync.run(arguments))
    }
}
