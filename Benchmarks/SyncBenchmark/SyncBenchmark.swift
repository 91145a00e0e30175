@main
struct SyncBenchmark {
    static func main() async throws {}
}
