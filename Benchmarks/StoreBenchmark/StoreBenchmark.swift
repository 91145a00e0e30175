@main
struct StoreBenchmark {
    static func main() async throws {}
}
