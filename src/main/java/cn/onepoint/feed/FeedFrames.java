package cn.onepoint.feed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.List;

/**
 * Server-to-client WebSocket text messages as bytes (RFC 6455 §5.2: unmasked, FIN on the last fragment), so
 * that a message is framed once and the same bytes go to every connection.
 */
final class FeedFrames {

    /** Vert.x's default maximum frame size: clients built on it refuse larger frames, so larger messages fragment. */
    static final int MAX_FRAME = 65536;

    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int FIN = 0x80;

    private FeedFrames() {
    }

    /** Bytes {@link #write} produces for a payload of {@code length}. */
    static int size(int length) {
        int size = 0;
        int at = 0;
        do {
            int part = Math.min(MAX_FRAME, length - at);
            size += header(part) + part;
            at += part;
        } while (at < length);
        return size;
    }

    static void write(ByteBuf out, byte[] utf8) {
        int at = 0;
        do {
            int part = Math.min(MAX_FRAME, utf8.length - at);
            boolean last = at + part == utf8.length;
            out.writeByte((last ? FIN : 0) | (at == 0 ? TEXT : CONTINUATION));
            if (part < 126) {
                out.writeByte(part);
            } else if (part <= 0xFFFF) {
                out.writeByte(126);
                out.writeShort(part);
            } else {
                out.writeByte(127);
                out.writeLong(part);
            }
            out.writeBytes(utf8, at, part);
            at += part;
        } while (at < utf8.length);
    }

    /** Frames end to end in one direct buffer: one write (and no per-connection copy) for all of them. */
    static ByteBuf join(ByteBufAllocator alloc, List<ByteBuf> frames) {
        int size = 0;
        for (ByteBuf f : frames) {
            size += f.readableBytes();
        }
        ByteBuf all = alloc.directBuffer(size);
        for (ByteBuf f : frames) {
            all.writeBytes(f, f.readerIndex(), f.readableBytes());
        }
        return all;
    }

    private static int header(int part) {
        return part < 126 ? 2 : part <= 0xFFFF ? 4 : 10;
    }
}
