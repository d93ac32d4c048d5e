-- Fault tickets (T1–T12, T16) and the work orders that dispatch them to units (W1).

create table ticket (
    id                      uuid primary key,
    number                  varchar(32)  not null unique,
    status                  varchar(16)  not null,
    phase                   varchar(24)  not null,
    scope                   varchar(16)  not null,
    channel                 varchar(16)  not null,
    customer_id             uuid         not null references customer (id),
    circuit_id              uuid         not null references circuit (id),
    customer_code           varchar(64)  not null,
    customer_name           varchar(200) not null,
    circuit_code            varchar(64)  not null,
    business_type           varchar(32)  not null,
    direction               varchar(200) not null,
    occurred_at             timestamptz  not null,
    symptom                 text         not null,
    reporter_name           varchar(100) not null,
    reporter_contact        varchar(100) not null,
    answered_at             timestamptz,
    first_ask_unit_id       uuid references unit (id),
    acceptance_unit_id      uuid         not null references unit (id),
    responsible_person_id   uuid references person (id),
    total_outage            boolean      not null,
    network_assurance       boolean      not null,
    accepted_at             timestamptz,
    local_check_result      varchar(16),
    local_check_note        text,
    local_check_at          timestamptz,
    province_review_unit_id uuid references unit (id),
    province_review_at      timestamptz,
    dispatch_stage          smallint     not null,
    dispatcher_unit_id      uuid references unit (id),
    owner_unit_id           uuid references unit (id),
    service_restored_at     timestamptz,
    fault_repaired_at       timestamptz,
    closed_at               timestamptz,
    closed_by               uuid references person (id),
    customer_confirmed      boolean,
    cause_category          varchar(24),
    cause_text              text,
    told_cause_category     varchar(24),
    told_cause_text         text,
    cause_differs           boolean,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null
);
create index ticket_status_idx on ticket (status, created_at desc);
create index ticket_customer_idx on ticket (customer_id, created_at desc);
create index ticket_circuit_idx on ticket (circuit_id, created_at desc);
create index ticket_created_idx on ticket (created_at desc);

create table ticket_history (
    id          bigserial primary key,
    ticket_id   uuid         not null references ticket (id),
    at          timestamptz  not null,
    action      varchar(32)  not null,
    actor_id    uuid,
    unit_id     uuid,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    phase       varchar(24)  not null,
    detail      text
);
create index ticket_history_ticket_idx on ticket_history (ticket_id, id);

create table work_order (
    id                   uuid primary key,
    number               varchar(32)  not null unique,
    type                 varchar(24)  not null,
    status               varchar(16)  not null,
    subject_type         varchar(16)  not null,
    subject_id           uuid         not null,
    unit_id              uuid         not null references unit (id),
    segment              varchar(24),
    stage                smallint     not null,
    instructions         text,
    dispatched_at        timestamptz  not null,
    accepted_at          timestamptz,
    accepted_by          uuid references person (id),
    alarm_found          boolean,
    config_change_found  boolean,
    findings_note        text,
    findings_at          timestamptz,
    completed_at         timestamptz,
    result               text,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null
);
create index work_order_subject_idx on work_order (subject_id);
create index work_order_unit_idx on work_order (unit_id, status);

-- T9: progress reports of handling units.
create table progress_report (
    id             uuid primary key,
    work_order_id  uuid         not null references work_order (id),
    subject_id     uuid         not null,
    unit_id        uuid         not null references unit (id),
    reporter_id    uuid         not null references person (id),
    reported_at    timestamptz  not null,
    handler_name   varchar(100) not null,
    operation      text         not null,
    fault_segment  varchar(24),
    cause          text,
    interim        boolean      not null
);
create index progress_report_subject_idx on progress_report (subject_id, reported_at);

-- T10: updates to the customer, by the acceptor only.
create table customer_update (
    id         uuid primary key,
    ticket_id  uuid         not null references ticket (id),
    person_id  uuid         not null references person (id),
    at         timestamptz  not null,
    channel    varchar(16)  not null,
    message    text         not null
);
create index customer_update_ticket_idx on customer_update (ticket_id, at);

-- T7: segment tests; a fault-free verdict carries its test report.
create table segment_test (
    id           uuid primary key,
    ticket_id    uuid         not null references ticket (id),
    unit_id      uuid         not null references unit (id),
    person_id    uuid references person (id),
    segment      varchar(24)  not null,
    result       varchar(16)  not null,
    report_ref   varchar(200),
    report_text  text,
    tested_at    timestamptz  not null
);
create index segment_test_ticket_idx on segment_test (ticket_id, tested_at);

-- T8: suspensions; intervals kept for the exemption decided at close.
create table suspension (
    id                   uuid primary key,
    ticket_id            uuid         not null references ticket (id),
    status               varchar(16)  not null,
    requested_by_unit_id uuid         not null references unit (id),
    requested_by         uuid references person (id),
    requested_at         timestamptz  not null,
    reason               text         not null,
    decided_by_unit_id   uuid references unit (id),
    decided_by           uuid references person (id),
    decided_at           timestamptz,
    decision_note        text,
    started_at           timestamptz,
    ended_at             timestamptz
);
create index suspension_ticket_idx on suspension (ticket_id, requested_at);

-- T11: handler feedback and the control desk's answer.
create table feedback (
    id                  uuid primary key,
    ticket_id           uuid         not null references ticket (id),
    unit_id             uuid         not null references unit (id),
    person_id           uuid references person (id),
    posted_at           timestamptz  not null,
    message             text         not null,
    answered_at         timestamptz,
    answered_by_unit_id uuid references unit (id),
    answered_by         uuid references person (id),
    answer              text
);
create index feedback_ticket_idx on feedback (ticket_id, posted_at);
