-- A2: assurance periods 重要时期通信保障: every fault taken inside one escalates at intake (T13).
create table assurance_period (
    id            uuid primary key,
    name          varchar(200) not null,
    starts_at     timestamptz  not null,
    ends_at       timestamptz  not null,
    customer_ids  text         not null,   -- comma list; empty = every customer
    reason        text,
    cancelled_at  timestamptz,
    created_at    timestamptz  not null,
    check (ends_at > starts_at)
);
create index assurance_period_window_idx on assurance_period (starts_at, ends_at) where cancelled_at is null;
