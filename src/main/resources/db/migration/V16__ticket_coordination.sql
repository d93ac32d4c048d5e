-- The rest of the fault flow: major-fault flags (T13), information passed on by the control desk (T11), the
-- customer-facing wording (T13), the final fault report (T15), loop-back tests and difficult faults (T17).

-- T13: besides total_outage, the faults that escalate at once.
alter table ticket add column major_fault         varchar(16);  -- NETWORK, INTER_NETWORK, DISASTER
alter table ticket add column headquarters_outage varchar(16);  -- TOTAL, PARTIAL

-- What a work order's unit was told by what it was dispatched for (T11 information, T13 wording).
create table work_order_notice (
    id            uuid         primary key,
    work_order_id uuid         not null references work_order (id),
    kind          varchar(16)  not null,
    ref_id        uuid         not null,
    text          text         not null,
    person_id     uuid references person (id),
    unit_id       uuid references unit (id),
    at            timestamptz  not null
);
create index work_order_notice_wo_idx on work_order_notice (work_order_id, at);
create index work_order_notice_ref_idx on work_order_notice (ref_id);

-- T11: new information, who brought it, and when the control desk passed it on to every handling unit.
create table ticket_information (
    id                 uuid         primary key,
    ticket_id          uuid         not null references ticket (id),
    source             varchar(24)  not null,
    source_name        varchar(200),
    message            text         not null,
    person_id          uuid         not null references person (id),
    unit_id            uuid         not null references unit (id),
    received_at        timestamptz  not null,
    relayed_at         timestamptz,
    relayed_by         uuid references person (id),
    relayed_by_unit_id uuid references unit (id),
    relay_note         text
);
create index ticket_information_ticket_idx on ticket_information (ticket_id, received_at);

-- T13: the customer-facing wording 口径; a later one supersedes the earlier, all are kept.
create table ticket_wording (
    id            uuid         primary key,
    ticket_id     uuid         not null references ticket (id),
    person_id     uuid         not null references person (id),
    text          text         not null,
    set_at        timestamptz  not null,
    superseded_at timestamptz,
    superseded_by uuid references ticket_wording (id)
);
create index ticket_wording_ticket_idx on ticket_wording (ticket_id, set_at);
create unique index ticket_wording_current_uq on ticket_wording (ticket_id) where superseded_at is null;

-- T15: the final fault report 故障处理报告 of a major, group-level or cross-province fault.
create table fault_report (
    id               uuid         primary key,
    ticket_id        uuid         not null unique references ticket (id),
    status           varchar(16)  not null check (status in ('DUE', 'DRAFT', 'REVIEWED', 'SUBMITTED')),
    unit_id          uuid references unit (id),     -- the customer engineer's unit that owns it
    reasons          varchar(200) not null,         -- why one is due, comma-separated
    due_at           timestamptz  not null,
    occurred_at      timestamptz,
    cause            text,
    handling_process text,
    drafted_by       uuid references person (id),
    drafted_at       timestamptz,
    reviewed_by      uuid references person (id),
    reviewed_at      timestamptz,
    review_note      text,
    submitted_by     uuid references person (id),
    submitted_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);

-- T17: a loop-back test 打环测试 session, and its loops in order.
create table loop_test (
    id              uuid         primary key,
    ticket_id       uuid         not null references ticket (id),
    consent         boolean      not null,
    other_method    text,
    immediate       boolean      not null,
    scheduled_at    timestamptz,
    plan            varchar(8),
    cooperating_end varchar(1),
    status          varchar(16)  not null,
    segment         varchar(24),
    person_id       uuid         not null references person (id),
    unit_id         uuid         not null references unit (id),
    started_at      timestamptz  not null,
    ended_at        timestamptz
);
create index loop_test_ticket_idx on loop_test (ticket_id, started_at);
create unique index loop_test_open_uq on loop_test (ticket_id) where status = 'TESTING';

create table loop_test_loop (
    id           uuid         primary key,
    loop_test_id uuid         not null references loop_test (id),
    seq          integer      not null,
    loop_end     varchar(1)   not null,
    point        varchar(24)  not null,
    direction    varchar(16)  not null,
    received     boolean      not null,
    finding      varchar(24)  not null,
    unit_id      uuid         not null references unit (id),
    person_id    uuid         not null references person (id),
    note         text,
    at           timestamptz  not null,
    unique (loop_test_id, seq)
);

-- T17: a difficult fault 疑难故障 and who joined its joint handling, when.
create table difficult_fault (
    ticket_id    uuid         primary key references ticket (id),
    loop_test_id uuid         not null references loop_test (id),
    started_at   timestamptz  not null
);
create table difficult_fault_participant (
    id        uuid         primary key,
    ticket_id uuid         not null references difficult_fault (ticket_id),
    unit_id   uuid         not null references unit (id),
    person_id uuid references person (id),
    joined_at timestamptz  not null,
    note      text
);
create index difficult_fault_participant_idx on difficult_fault_participant (ticket_id, joined_at);
