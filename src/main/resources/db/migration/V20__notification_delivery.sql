-- Each notification is delivered through every enabled channel (LOG, EMAIL, WEBHOOK): one delivery row per
-- channel and address, written in the transaction that writes the notification, sent by the delivery job with
-- retries (docs/notifications.md).
create table notification_delivery (
    id               uuid         primary key,
    notification_id  uuid         not null,
    channel          varchar(16)  not null,
    recipient_id     uuid         not null,
    -- the webhook URL from creation; the e-mail address once it was read from the directory for a send
    address          text,
    subject          text         not null,
    body             text         not null,
    state            varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    -- what caused it: the notification's subject (a ticket, a cutover, …) and escalation, if any
    source_type      varchar(32)  not null,
    source_id        uuid         not null,
    escalation_id    uuid
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at) where state = 'PENDING';
create index notification_delivery_list_idx on notification_delivery (created_at, id);
create index notification_delivery_notification_idx on notification_delivery (notification_id);

-- notification.channel now names the channels it was queued on (LOG,EMAIL,WEBHOOK)
alter table notification alter column channel type varchar(64);

-- Notifications still undelivered when this runs keep their log delivery.
insert into notification_delivery (id, notification_id, channel, recipient_id, subject, body, state, attempts,
                                   next_attempt_at, created_at, source_type, source_id, escalation_id)
select md5(n.id::text || ':LOG')::uuid, n.id, 'LOG', n.recipient_id, n.subject_type, n.text, 'PENDING', 0,
       n.created_at, n.created_at, n.subject_type, n.subject_id, n.escalation_id
  from notification n
 where n.delivered_at is null;
