-- Transactional outbox: every state change writes its event here in the same transaction (issue 4
-- builds the ordered relay and the WebSocket feeds on it). txid lets the relay publish in commit order.
create table event_outbox (
    id            bigserial primary key,
    topic         varchar(16)  not null,   -- tickets | orders | workorders | timers
    event_type    varchar(64)  not null,   -- TMF names where one exists (API.md)
    subject_type  varchar(32)  not null,
    subject_id    uuid         not null,
    customer_id   uuid,
    unit_id       uuid,
    province      varchar(64),
    payload       jsonb        not null,
    event_time    timestamptz  not null,
    txid          xid8         not null default pg_current_xact_id()
);
create index event_outbox_subject_idx on event_outbox (subject_id, id);

-- Human numbers (FT202611250001): one counter per prefix and day, taken in the creating transaction.
create table number_counter (
    prefix  varchar(8) not null,
    day     date       not null,
    last    integer    not null,
    primary key (prefix, day)
);
