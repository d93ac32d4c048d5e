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
public record FeedEvent(long seq, String topic, String eventType, Instant eventTime, UUID unitId, UUID customerId,
                        String province, UUID rootId, String message, ByteBuf frame) {

    public FeedEvent(long seq, String topic, String eventType, Instant eventTime, UUID unitId, UUID customerId,
                     String province, UUID rootId, String message) {
        this(seq, topic, eventType, eventTime, unitId, customerId, province, rootId, message,
                // Encoded once, shared read-only by every connection (each writes a duplicate); the heap
                // buffer is left to the garbage collector, so no connection can release it for the others.
                Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(message.getBytes(StandardCharsets.UTF_8))));
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
