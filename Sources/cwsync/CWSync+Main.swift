import ArgumentParser
import CWSyncCLI

/// The command's entry point: ``CWSync``, whose subcommands live in `CWSyncCLI`.
@main
extension CWSync {}
