-- W1: cross-domain coordination work orders 跨域协同工单. A W1 work order is the customer manager's request itself:
-- it is dispatched for nothing (no subject). Its tasks are work orders dispatched for it, as a fault dispatch is
-- for its ticket (subject_type 'WORK_ORDER', subject_id = the request), so their events keep the request as root.
alter table work_order alter column subject_type drop not null;
alter table work_order alter column subject_id drop not null;
alter table work_order add column title        varchar(200);
alter table work_order add column description  text;
alter table work_order add column requested_by uuid references person (id);  -- the customer manager
alter table work_order add column engineer_id  uuid references person (id);  -- the customer engineer (one point)
alter table work_order add column due_at       timestamptz;
alter table work_order add column replied_by   uuid references person (id);
alter table work_order add constraint work_order_subject_chk
    check (subject_id is not null or type in ('INDUSTRY_SERVICE', 'PROJECT_MANAGEMENT', 'MARKETING_SUPPORT'));
create index work_order_type_idx on work_order (type, status, dispatched_at desc);
create index work_order_customer_idx on work_order (customer_id, dispatched_at desc);

-- Every change of a work order, with actor and time (closed-loop management 闭环管理).
create table work_order_history (
    id            bigserial primary key,
    work_order_id uuid         not null references work_order (id),
    at            timestamptz  not null,
    action        varchar(32)  not null,
    actor_id      uuid,
    unit_id       uuid,
    from_status   varchar(16),
    to_status     varchar(16)  not null,
    detail        text
);
create index work_order_history_wo_idx on work_order_history (work_order_id, id);
