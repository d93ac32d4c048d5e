package cn.onepoint.feed;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One sequenced outbox row as the feed carries it: the filter columns and the wire message, serialised once
 * and shared by every connection that receives it.
 */
public final class FeedEvent {

    private final long seq;
    private final String topic;
    private final String eventType;
    private final Instant eventTime;
    private final UUID unitId;
    private final UUID customerId;
    private final String province;
    private final UUID rootId;
    private final ByteBuf frame;

    public FeedEvent(long seq, String topic, String eventType, Instant eventTime, UUID unitId, UUID customerId,
                     String province, UUID rootId, String message) {
        this.seq = seq;
        this.topic = topic;
        this.eventType = eventType;
        this.eventTime = eventTime;
        this.unitId = unitId;
        this.customerId = customerId;
        this.province = province;
        this.rootId = rootId;
        this.frame = frame(message);
    }

    public long seq() {
        return seq;
    }

    public String topic() {
        return topic;
    }

    public String eventType() {
        return eventType;
    }

    public Instant eventTime() {
        return eventTime;
    }

    public UUID unitId() {
        return unitId;
    }

    public UUID customerId() {
        return customerId;
    }

    public String province() {
        return province;
    }

    public UUID rootId() {
        return rootId;
    }

    /**
     * The message as a complete WebSocket text message on the wire (frame header and UTF-8 payload, fragmented
     * above {@link FeedFrames#MAX_FRAME}), shared read-only by every connection, each writing a duplicate. The heap
     * buffer is left to the garbage collector, so no connection can release it under the others.
     */
    ByteBuf frame() {
        return frame;
    }

    /** Framed once, when the event is read: every event read is sent, live or replayed. */
    private static ByteBuf frame(String message) {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        ByteBuf out = Unpooled.buffer(FeedFrames.size(utf8.length));
        FeedFrames.write(out, utf8);
        return Unpooled.unreleasableBuffer(out);
    }

    /** The message shape of API.md: {@code {"seq":…,"eventType":…,"eventTime":…,"event":{…}}}. */
    static String message(long seq, String eventType, Instant eventTime, String payloadJson) {
        StringBuilder b = new StringBuilder(payloadJson.length() + 96);
        b.append("{\"seq\":").append(seq).append(",\"eventType\":");
        quote(b, eventType);
        b.append(",\"eventTime\":\"").append(eventTime).append("\",\"event\":").append(payloadJson).append('}');
        return b.toString();
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
