import Hummingbird
import NIOCore

/// The request context of the emulator: the basic one plus the connection's channel, which
/// the fault middleware closes to emulate a dropped connection.
struct EmulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Request bodies larger than this are refused (HTTP 413).
    var maxUploadSize: Int { 1 << 20 }
}
