package cn.onepoint.notify;

import java.util.UUID;

/**
 * A claimed delivery as a sender sees it: the row plus the recipient's name and e-mail address, read from the
 * directory at send time (a corrected address takes effect on the next attempt).
 */
public record Outgoing(UUID id, UUID notificationId, Channel channel, UUID recipientId, String recipientName,
                       String address, String subject, String body, int attempt) {
}
