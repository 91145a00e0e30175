import ArgumentParser
import CSystemMemory
import CWSyncCLI

/// The command's entry point: ``CWSync``, whose subcommands live in `CWSyncCLI`, on one
/// allocator arena. Its daemon rests most of the time and each arena keeps pages of its own
/// at rest; a first sync of 100,000 orders measured as fast on one arena as on glibc's
/// default of one per thread.
@main
enum CWSyncMain {
    static func main() async {
        cw_use_one_arena()
        await CWSync.main()
    }
}
