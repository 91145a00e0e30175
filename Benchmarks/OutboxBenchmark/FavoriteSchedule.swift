import CoinWeightAPI

/// The favorite writes the delivery and the raw requests make, in rounds.
///
/// The emulator refuses a favorite it does not trade (error 4), so the writes can only use the
/// pairs of `/config/symbols`, and there are fewer of those than writes. A never-sent write
/// meeting a pending write to the same favorite folds into it (an add and a delete cancel
/// out with no request), so each round writes every pair once at most: adds in even rounds,
/// deletes in odd ones. Each round is queued and delivered before the next is queued.
struct FavoriteSchedule {
    /// The writes, round by round; every round but the last has one write per pair.
    var rounds: [[FavoriteWrite]]

    /// `count` writes over `pairs`, in rounds of `pairs.count`.
    init(pairs: [MarketPair], count: Int) {
        rounds = stride(from: 0, to: count, by: pairs.count).enumerated().map { round, first in
            pairs.prefix(min(pairs.count, count - first)).map { FavoriteWrite(pair: $0, adds: round.isMultiple(of: 2)) }
        }
    }

    /// Every write, in order.
    var writes: [FavoriteWrite] { rounds.flatMap { $0 } }

    /// What `favorites` becomes once every write has taken effect.
    func applied(to favorites: Set<MarketPair>) -> Set<MarketPair> {
        writes.reduce(into: favorites) { result, write in
            if write.adds { result.insert(write.pair) } else { result.remove(write.pair) }
        }
    }
}
