package cn.onepoint.notify;

/** PENDING until sent (retried with backoff); SENT; FAILED once the attempts are used up (dead, kept for operators). */
public enum DeliveryState {
    PENDING, SENT, FAILED
}
