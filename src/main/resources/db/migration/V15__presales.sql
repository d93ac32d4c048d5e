-- Pre-sales 售前 (rules S1–S4, docs/presales.md): projects and their steps, requirement orders with per-segment
-- resource checks, node resource thresholds with build requests, the issue management table. Timers and
-- notifications are the timer engine's (V4); every change is a row of presales_history.

-- S4: a pre-sales project and the step it is in.
create table presales_project (
    id                      uuid primary key,
    number                  varchar(32)  not null unique,
    name                    varchar(200) not null,
    customer_id             uuid         not null references customer (id),
    customer_engineer_id    uuid         not null references person (id),   -- the (chief) CE leading it
    customer_manager_id     uuid         not null references person (id),   -- the (chief) CM who asked
    description             text,
    step                    varchar(24)  not null,
    -- S4: the requirement document 项目需求书 and the customer's confirmation
    document_reference      varchar(200),
    document_summary        text,
    document_recorded_by    uuid references person (id),
    document_recorded_at    timestamptz,
    document_confirmed_at   timestamptz,
    document_customer_contact varchar(100),
    completed_at            timestamptz,
    cancelled_at            timestamptz,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null
);
create index presales_project_customer_idx on presales_project (customer_id, created_at);

-- S1: a requirement order 业务需求单, QUERY 查询型 or ORDER 定单型. The checks cover the network up to the
-- customer's red line 红线; the property 物业 is not part of them (there is no segment for it).
create table requirement (
    id                  uuid primary key,
    number              varchar(32)  not null unique,
    kind                varchar(8)   not null check (kind in ('QUERY', 'ORDER')),
    status              varchar(16)  not null,
    customer_id         uuid         not null references customer (id),
    project_id          uuid references presales_project (id),
    business_type       varchar(32)  not null,
    bandwidth           varchar(32)  not null,
    required_date       date         not null,
    requested_by        uuid         not null references person (id),
    unit_id             uuid         not null references unit (id),     -- the requesting CM's unit
    description         text,
    a_address           varchar(200) not null,
    a_station           varchar(100),
    a_city              varchar(64)  not null,
    a_province          varchar(64)  not null,
    a_unit_id           uuid         not null references unit (id),
    z_address           varchar(200),
    z_station           varchar(100),
    z_city              varchar(64),
    z_province          varchar(64),
    z_unit_id           uuid references unit (id),
    backbone_unit_id    uuid references unit (id),
    round               integer      not null,
    result              varchar(20),
    answered_at         timestamptz,
    valid_until         timestamptz,
    validity_timer_id   uuid,
    cancelled_at        timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);
create index requirement_project_idx on requirement (project_id);
create index requirement_customer_idx on requirement (customer_id, created_at);

-- S1: one check per segment and round; round 2 is the second check 二次核查 of the segments answered
-- NOT_AVAILABLE or SCHEDULE_NOT_MET in round 1.
create table resource_check (
    id              uuid primary key,
    requirement_id  uuid         not null references requirement (id),
    round           integer      not null,
    segment         varchar(16)  not null check (segment in ('A_ACCESS', 'BACKBONE', 'Z_ACCESS')),
    unit_id         uuid         not null references unit (id),
    answer          varchar(20)  check (answer in ('AVAILABLE', 'NOT_AVAILABLE', 'SCHEDULE_NOT_MET')),
    answered_by     uuid references person (id),
    answered_at     timestamptz,
    earliest_date   date,
    note            text,
    created_at      timestamptz  not null,
    unique (requirement_id, round, segment)
);

-- S2: a node's resource and its warning threshold.
create table resource_node (
    id                  uuid primary key,
    code                varchar(64)  not null unique,
    name                varchar(200) not null,
    unit_id             uuid         not null references unit (id),
    station             varchar(100),
    resource_type       varchar(64)  not null,
    threshold           integer      not null check (threshold >= 0),
    free                integer      not null check (free >= 0),
    cce_id              uuid         not null references person (id),
    chief_cm_id         uuid         not null references person (id),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);

-- S2: a build request 建设需求 to the network-development department 网发部门 of the node's unit.
create table build_request (
    id              uuid primary key,
    number          varchar(32)  not null unique,
    node_id         uuid         not null references resource_node (id),
    unit_id         uuid         not null references unit (id),
    status          varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    free            integer      not null,
    threshold       integer      not null,
    raised_by       uuid         not null references person (id),
    raised_at       timestamptz  not null,
    closed_by       uuid references person (id),
    closed_at       timestamptz,
    outcome         text,
    version         bigint       not null
);
-- S2: never a second open request for a node, whatever two transactions do at once.
create unique index build_request_open_uq on build_request (node_id) where status = 'OPEN';
create index build_request_unit_idx on build_request (unit_id, raised_at);

-- S3: the issue management table 问题管理表 of a project.
create table issue_item (
    id              uuid primary key,
    project_id      uuid         not null references presales_project (id),
    seq             integer      not null,
    description     text         not null,
    target          text         not null,
    due_at          timestamptz  not null,
    owner_id        uuid         not null references person (id),
    status          varchar(16)  not null,
    created_by      uuid         not null references person (id),
    timer_id        uuid,
    resolved_at     timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null,
    unique (project_id, seq)
);

-- Every change of a pre-sales record, with actor and time (closed-loop management 闭环管理).
create table presales_history (
    id              bigserial primary key,
    subject_type    varchar(16)  not null,   -- PROJECT | REQUIREMENT | RESOURCE_NODE | ISSUE_ITEM
    subject_id      uuid         not null,
    at              timestamptz  not null,
    action          varchar(40)  not null,
    actor_id        uuid,
    from_state      varchar(64),
    to_state        varchar(64),
    detail          text
);
create index presales_history_subject_idx on presales_history (subject_id, id);
