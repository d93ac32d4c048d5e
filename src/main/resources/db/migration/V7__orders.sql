-- Provisioning orders 电路开通 (issue 5, rules P1–P9): the seven steps, segment tasks, tests, progress
-- reports, warnings. Timers and notifications live in the timer engine's tables (V4); segment tasks are
-- work orders (V5) of type ORDER_TASK.

create table service_order (
    id                            uuid primary key,
    number                        varchar(32)  not null unique,
    status                        varchar(16)  not null,
    step                          varchar(16)  not null,
    customer_id                   uuid         not null references customer (id),
    circuit_id                    uuid         not null references circuit (id),
    circuit_code                  varchar(64)  not null,
    business_type                 varchar(32)  not null,
    description                   text,
    -- A and Z ends as the circuit had them when the order was taken
    a_station                     varchar(100) not null,
    a_city                        varchar(64)  not null,
    a_province                    varchar(64)  not null,
    a_capital                     boolean      not null,
    a_overseas                    boolean      not null,
    a_unit_id                     uuid         not null references unit (id),
    z_station                     varchar(100) not null,
    z_city                        varchar(64)  not null,
    z_province                    varchar(64)  not null,
    z_capital                     boolean      not null,
    z_overseas                    boolean      not null,
    z_unit_id                     uuid         not null references unit (id),
    backbone_unit_id              uuid references unit (id),
    cross_province                boolean      not null,
    a_gateway                     boolean      not null,
    z_gateway                     boolean      not null,
    -- what the order asks for
    expedited                     boolean      not null,
    requested_completion_date     date         not null,
    progress_reports_requested    boolean      not null,
    progress_report_interval      varchar(32),
    end_to_end_test_required      boolean      not null,
    a_end_circuit                 boolean      not null,
    handed_to_other_carrier       boolean      not null,
    other_carrier                 varchar(100),
    -- P9
    lead_bureau                   varchar(64)  not null,
    lead_clause                   varchar(32)  not null,
    lead_end                      varchar(1),
    lead_proxy_for                varchar(64),
    lead_unit_id                  uuid         not null references unit (id),
    -- people
    business_manager_id           uuid         not null references person (id),
    customer_manager_id           uuid         not null references person (id),
    network_ops_support_manager_id uuid        not null references person (id),
    project_manager_id            uuid references person (id),
    -- P6: the current due date (moved by a granted extension) and what is derived from it
    due_date                      date         not null,
    due_at                        timestamptz  not null,
    pool_entry_at                 timestamptz,
    warning_count                 integer      not null default 0,
    -- the steps
    reviewed_at                   timestamptz,
    reviewed_by                   uuid references person (id),
    return_reason                 text,
    survey_done_at                timestamptz,
    survey_summary                text,
    property_issue                boolean,
    property_note                 text,
    plan_done_at                  timestamptz,
    plan_summary                  text,
    last_progress_report_at       timestamptz,
    completed_at                  timestamptz,
    completed_by                  uuid references person (id),
    sign_off                      varchar(32),
    completion_test_id            uuid,
    resource_registered_at        timestamptz,
    resource_registration_ref     varchar(200),
    delivery_note_at              timestamptz,
    delivery_note_ref             varchar(200),
    cancelled_at                  timestamptz,
    created_at                    timestamptz  not null,
    updated_at                    timestamptz  not null,
    version                       bigint       not null
);
create index service_order_status_idx on service_order (status, created_at desc);
create index service_order_customer_idx on service_order (customer_id, created_at desc);
create index service_order_created_idx on service_order (created_at desc);
-- P6: the warning pool and the overdue flag look at open orders by time
create index service_order_pool_idx on service_order (pool_entry_at) where status in ('acknowledged', 'inProgress', 'held', 'pending');
create index service_order_due_idx on service_order (due_at) where status in ('acknowledged', 'inProgress', 'held', 'pending');

create table service_order_history (
    id          bigserial primary key,
    order_id    uuid         not null references service_order (id),
    at          timestamptz  not null,
    action      varchar(32)  not null,
    actor_id    uuid,
    unit_id     uuid,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    step        varchar(16)  not null,
    detail      text
);
create index service_order_history_order_idx on service_order_history (order_id, id);

-- P4: one task per segment, each an ORDER_TASK work order to its unit with its own due date; P8: each
-- involved location reports its segment complete with its test result.
create table service_order_segment (
    id              uuid primary key,
    order_id        uuid         not null references service_order (id),
    segment         varchar(24)  not null,
    unit_id         uuid         not null references unit (id),
    work_order_id   uuid         not null references work_order (id),
    due_date        date         not null,
    due_at          timestamptz  not null,
    completed_at    timestamptz,
    completed_by    uuid references person (id),
    test_result     varchar(16),
    test_report_ref varchar(200),
    test_report_text text
);
create index service_order_segment_order_idx on service_order_segment (order_id, segment);

-- P7: the lead bureau's full tests (end to end, or seamless to the far-end exit).
create table service_order_test (
    id           uuid primary key,
    order_id     uuid         not null references service_order (id),
    kind         varchar(16)  not null,
    result       varchar(16)  not null,
    unit_id      uuid         not null references unit (id),
    person_id    uuid         not null references person (id),
    report_ref   varchar(200),
    report_text  text,
    tested_at    timestamptz  not null
);
create index service_order_test_order_idx on service_order_test (order_id, tested_at);

-- P5: progress reports (this week, next week, items to warn about).
create table service_order_progress (
    id             uuid primary key,
    order_id       uuid         not null references service_order (id),
    unit_id        uuid         not null references unit (id),
    person_id      uuid         not null references person (id),
    reported_at    timestamptz  not null,
    this_week      text         not null,
    next_week      text         not null,
    warning_items  text
);
create index service_order_progress_order_idx on service_order_progress (order_id, reported_at);

-- P6: warnings 电路预警, with the extension a CUSTOMER reason may request.
create table service_order_warning (
    id                  uuid primary key,
    order_id            uuid         not null references service_order (id),
    unit_id             uuid         not null references unit (id),
    person_id           uuid         not null references person (id),
    reason              varchar(16)  not null,
    text                text,
    filed_at            timestamptz  not null,
    due_date_at_filing  date         not null,
    extension_requested boolean      not null,
    requested_due_date  date,
    granted_at          timestamptz,
    granted_by          uuid references person (id),
    granted_due_date    date
);
create index service_order_warning_order_idx on service_order_warning (order_id, filed_at);
