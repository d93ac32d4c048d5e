-- After-sales duties: cutover notices 割接通知 (A1) and service records (A3). Their deadlines are timers of the
-- engine (V4): CUTOVER_ACK per notified customer, CUTOVER_WINDOW per started cutover, SERVICE_RECORD per record;
-- the notices themselves are notification rows (V4).

-- A1: planned work on circuits, announced to every affected customer before it starts.
create table cutover (
    id                 uuid primary key,
    number             varchar(32)  not null unique,
    status             varchar(16)  not null,
    title              varchar(200) not null,
    description        text         not null,
    impact             text         not null,
    planned_start      timestamptz  not null,
    planned_end        timestamptz  not null,
    executing_unit_id  uuid         not null references unit (id),
    province           varchar(64),              -- the executing unit's, for the feed's province filter
    planner_id         uuid         not null references person (id),
    announced_at       timestamptz,
    announced_by       uuid references person (id),
    started_at         timestamptz,
    started_by         uuid references person (id),
    start_note         text,                     -- why it started before every customer acknowledged
    completed_at       timestamptz,
    completed_by       uuid references person (id),
    outcome            varchar(16),
    result_note        text,
    cancelled_at       timestamptz,
    cancelled_by       uuid references person (id),
    cancel_reason      text,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null,
    check (planned_end > planned_start)
);
create index cutover_window_idx on cutover (planned_start, planned_end);
create index cutover_unit_idx on cutover (executing_unit_id, planned_start);

-- The circuits a cutover works on (the circuit code as it was, for people reading the notice).
create table cutover_circuit (
    id            uuid primary key,
    cutover_id    uuid        not null references cutover (id),
    circuit_id    uuid        not null references circuit (id),
    circuit_code  varchar(64) not null,
    customer_id   uuid        not null references customer (id),
    unique (cutover_id, circuit_id)
);
create index cutover_circuit_circuit_idx on cutover_circuit (circuit_id);

-- One row per affected customer: who was told for it, when, and its acknowledgement 回执.
create table cutover_notice (
    id                       uuid primary key,
    cutover_id               uuid        not null references cutover (id),
    customer_id              uuid        not null references customer (id),
    recipient_id             uuid references person (id),
    recipient_role           varchar(40),
    notified_at              timestamptz,
    ack_due_at               timestamptz,
    acknowledged_at          timestamptz,
    acknowledged_by          uuid references person (id),
    contact_name             varchar(100),
    ack_note                 text,
    unacknowledged_at_start  boolean     not null default false,
    unique (cutover_id, customer_id)
);
create index cutover_notice_customer_idx on cutover_notice (customer_id);

create table cutover_history (
    id           bigserial primary key,
    cutover_id   uuid        not null references cutover (id),
    at           timestamptz not null,
    action       varchar(32) not null,
    actor_id     uuid,
    from_status  varchar(16),
    to_status    varchar(16) not null,
    detail       text
);
create index cutover_history_cutover_idx on cutover_history (cutover_id, id);

-- A3: visits 走访/回访, special service campaigns 专项服务活动, crisis interventions 危机干预, service-tracking
-- warnings 服务跟踪预警 and emergency drills 应急演练, each for a customer, assigned, due, completed with an outcome.
create table service_record (
    id            uuid primary key,
    number        varchar(32)  not null unique,
    kind          varchar(32)  not null,
    status        varchar(16)  not null,
    customer_id   uuid         not null references customer (id),
    unit_id       uuid         not null references unit (id),
    province      varchar(64),
    assignee_id   uuid         not null references person (id),
    created_by    uuid         not null references person (id),
    title         varchar(200) not null,
    description   text,
    due_at        timestamptz  not null,
    completed_at  timestamptz,
    completed_by  uuid references person (id),
    outcome       text,
    cancelled_at  timestamptz,
    cancelled_by  uuid references person (id),
    cancel_reason text,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);
create index service_record_customer_idx on service_record (customer_id, due_at);
create index service_record_assignee_idx on service_record (assignee_id, due_at);
create index service_record_open_due_idx on service_record (due_at) where status = 'OPEN';

create table service_record_history (
    id                 bigserial primary key,
    service_record_id  uuid        not null references service_record (id),
    at                 timestamptz not null,
    action             varchar(32) not null,
    actor_id           uuid,
    from_status        varchar(16),
    to_status          varchar(16) not null,
    detail             text
);
create index service_record_history_record_idx on service_record_history (service_record_id, id);
