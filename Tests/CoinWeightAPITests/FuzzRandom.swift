/// xorshift64*: a tiny generator whose sequence depends only on its seed, so every mutated
/// body a fuzz test tries is the same from run to run and a failure names an input that can
/// be tried again. (The emulator's `SeededRandom` is out of this target's reach.)
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for `seed`; any seed, zero included, gives a usable sequence.
    init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
