import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging

/// The HTTP and WebSocket side of a live view: the page's files, the model's description at
/// `/model.json`, and the live channel at `/live`.
enum ViewServer {
    /// The most bytes of one WebSocket frame, either way (longer messages are sent as several
    /// frames; a longer frame from a client closes its connection).
    static let maxFrameSize = 1 << 14

    static func application(
        host: String, port: Int, page: PageFiles, model: [UInt8], loop: SimulationLoop,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicWebSocketRequestContext.self)
        for (path, file) in page.files {
            router.get(RouterPath(path)) { _, _ in
                response(file.bytes, type: file.contentType)
            }
        }
        router.get("/model.json") { _, _ in response(model, type: "application/json") }
        router.ws("/live") { _, _ in
            .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            try await serve(inbound: inbound, outbound: outbound, loop: loop)
        }
        var logger = Logger(label: "brainkit-view")
        logger.logLevel = .critical
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(ws: .init(maxFrameSize: maxFrameSize))),
            configuration: .init(address: .hostname(host, port: port), serverName: "brainkit-view"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    private static func response(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// One client: frames and messages out, commands in, until either side closes.
    private static func serve(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, loop: SimulationLoop
    ) async throws {
        let (frames, frameInput) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
        let (messages, messageInput) = AsyncStream.makeStream(of: String.self)
        let client = loop.connect(.init(frames: frameInput, messages: messageInput))
        defer { loop.disconnect(client) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in frames {
                    guard (try? await outbound.writeBinaryMessage(ByteBuffer(bytes: frame))) != nil else { return }
                }
            }
            group.addTask {
                for await message in messages {
                    guard (try? await outbound.writeTextMessage(message)) != nil else { return }
                }
            }
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: ClientCommand.maxBytes) {
                        switch message {
                        case .text(let text): loop.receive(text, from: client)
                        case .binary: loop.send(Reply.error("binary messages are not commands; ignored"), to: client)
                        }
                    }
                } catch {
                    try? await outbound.writeTextMessage(
                        Reply.error("message refused (\(error)); commands are JSON of at most \(ClientCommand.maxBytes) bytes"))
                }
            }
            // The first task to end (the client left, or a write failed) ends the others.
            await group.next()
            group.cancelAll()
        }
    }
}
