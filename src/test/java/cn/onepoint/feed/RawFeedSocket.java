package cn.onepoint.feed;

import cn.onepoint.Tokens;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client on a bare TCP socket with a tiny receive window: after the handshake it reads nothing
 * until told, like a client that hangs. Then it reads the frames that are left and says whether a close
 * frame was among them. It sends the {@code automation} service account's token.
 */
final class RawFeedSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    RawFeedSocket(int port, String pathAndQuery) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: " + Tokens.bearerService("automation")
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    /** What reading the rest of the stream found. */
    record Rest(int frames, boolean closeFrame, boolean ended) {
    }

    /** Reads frames until the stream ends or a close frame arrives. */
    Rest readRest() throws IOException {
        DataInputStream data = new DataInputStream(in);
        int frames = 0;
        try {
            while (true) {
                int b0 = data.read();
                if (b0 < 0) {
                    return new Rest(frames, false, true);
                }
                int b1 = data.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = data.readUnsignedShort();
                } else if (len == 127) {
                    len = data.readLong();
                }
                data.skipNBytes(len);
                frames++;
                if ((b0 & 0x0f) == 0x8) {
                    return new Rest(frames, true, false);
                }
            }
        } catch (EOFException | SocketException e) {
            // Cut mid-frame or reset: the server dropped the connection.
            return new Rest(frames, false, true);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
