-- Timer engine (issue 3): every deadline of DOMAIN.md's "Timers the engine must run" is a row here,
-- watched by the sweep (cn.onepoint.sla.TimerSweep). docs/timers.md explains the design.

create table timer (
    id                  uuid         primary key,
    kind                varchar(32)  not null,
    subject_type        varchar(32)  not null,
    subject_id          uuid         not null,
    rule                varchar(8)   not null,
    state               varchar(16)  not null
                        check (state in ('running', 'paused', 'met', 'breached', 'cancelled')),
    started_at          timestamptz  not null,
    due_at              timestamptz  not null,
    warn_at             timestamptz,
    warned_at           timestamptz,
    breached_at         timestamptz,
    stopped_at          timestamptz,
    paused_at           timestamptz,
    paused_seconds      bigint       not null default 0,
    paused_intervals    text         not null default '[]',   -- JSON list of {from, to}
    limit_seconds       bigint,
    unit_id             uuid         references unit (id),
    customer_id         uuid         references customer (id),
    province            varchar(64),
    escalation_level    integer      not null default 0,      -- escalations done so far (T13)
    escalation_tier     varchar(16),                          -- tier of the last escalation
    escalation_unit_id  uuid,                                 -- unit of the last escalation
    next_escalation_at  timestamptz,                          -- when the next tier is due; null = none
    version             bigint       not null default 0,
    created_at          timestamptz  not null
) with (fillfactor = 90);  -- room on the page for the version a warning or breach writes

-- The sweep's work lists. Partial, so finding what is due costs in proportion to what is due, not to
-- the number of running timers.
create index timer_due_idx on timer (due_at) where state = 'running';
create index timer_warn_idx on timer (warn_at) where state = 'running' and warned_at is null;
create index timer_escalate_idx on timer (next_escalation_at) where next_escalation_at is not null;

-- At most one open timer per subject and kind (restart = stop + start).
create unique index timer_open_uq on timer (subject_type, subject_id, kind) where state in ('running', 'paused');
create index timer_subject_idx on timer (subject_id, created_at);
create index timer_unit_idx on timer (unit_id, due_at);
create index timer_customer_idx on timer (customer_id, due_at);

-- The sweep writes the tables below (and escalation_unit_id above) from rows it has just read and
-- locked in the same transaction, at up to thousands of rows a second: they carry no foreign keys, whose
-- per-row checks were most of the cost of a breach (docs/performance.md). Units and people are never deleted.

-- One row per breach; the unique key makes "breach at most once" a database fact as well.
create table timer_breach (
    id            bigserial    primary key,
    timer_id      uuid         not null unique,
    kind          varchar(32)  not null,
    rule          varchar(8)   not null,
    subject_type  varchar(32)  not null,
    subject_id    uuid         not null,
    unit_id       uuid,
    customer_id   uuid,
    province      varchar(64),
    due_at        timestamptz  not null,
    breached_at   timestamptz  not null
);

-- T13 escalations: tier by tier for a breached timer (exactly once per timer and level), or at once
-- for a total outage / assurance period (timer_id null).
create table escalation (
    id            uuid         primary key,
    timer_id      uuid,
    subject_type  varchar(32)  not null,
    subject_id    uuid         not null,
    customer_id   uuid,
    level         integer      not null,
    tier          varchar(16),
    unit_id       uuid,
    reason        varchar(32)  not null,
    escalated_at  timestamptz  not null,
    unique (timer_id, level)
);
create index escalation_subject_idx on escalation (subject_id, escalated_at);

-- Who was told, with what text; delivered (at least once) by the sweep through the Notifier.
create table notification (
    id             uuid         primary key,
    escalation_id  uuid,
    recipient_id   uuid         not null,
    role           varchar(40)  not null,
    channel        varchar(16)  not null,
    text           text         not null,
    subject_type   varchar(32)  not null,
    subject_id     uuid         not null,
    created_at     timestamptz  not null,
    delivered_at   timestamptz
);
create index notification_escalation_idx on notification (escalation_id);
create index notification_pending_idx on notification (created_at) where delivered_at is null;
