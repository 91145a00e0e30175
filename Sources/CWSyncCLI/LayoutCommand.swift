import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync layout professional|simple` (``Show``, the default subcommand): a trading layout's
/// slots, the user's or the defaults. `cwsync layout set` (``LayoutSetCommand``) changes one.
struct LayoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout", abstract: "List a layout's slots by position, or queue a change with `layout set`.",
        subcommands: [Show.self, LayoutSetCommand.self], defaultSubcommand: Show.self)

    /// `cwsync layout [show] professional|simple`.
    struct Show: QueryCommand {
        static let configuration = CommandConfiguration(abstract: "List a layout's slots by position (`cwsync layout professional` for short).")

        @Argument(help: "Which layout.") var kind: Kind
        @OptionGroup var query: QueryOptions<ScopeOption>

        func records(in store: CoinWeightStore) async throws -> [Mirrored<LayoutSlot>] {
            let scope = try query.scope()
            return try await store.read(.layout(kind.layout, scope: scope).withPending(kind.layout, scope: scope))
        }
    }

    /// The layouts as named on the command line.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case professional, simple

        var layout: LayoutKind {
            switch self {
            case .professional: .professional
            case .simple: .simple
            }
        }
    }
}

extension LayoutSlot: QueryRecord {
    static let header = ["POSITION", "COUNTERPARTY", "SYMBOL"]
    var tableRows: [[String]] { [[String(position), counterParty, symbol]] }
}
