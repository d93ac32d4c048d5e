package cn.onepoint.notify;

/** How a notification reaches people: the log, SMTP e-mail to the person, or a chat bot's webhook. */
public enum Channel {
    LOG, EMAIL, WEBHOOK
}
