-- Directory: organisation (O1, O2), customers (C1) and circuits (C2, C3).

create table unit (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    tier        varchar(16)  not null check (tier in ('GROUP', 'PROVINCE', 'LOCAL')),
    kind        varchar(32)  not null,
    province    varchar(64),
    city        varchar(64),
    parent_id   uuid references unit (id),
    backbone    boolean      not null default false,
    created_at  timestamptz  not null
);
create index unit_province_idx on unit (province);
create index unit_parent_idx on unit (parent_id);

create table person (
    id          uuid primary key,
    name        varchar(100) not null,
    unit_id     uuid         not null references unit (id),
    roles       varchar(400) not null,
    phone       varchar(40),
    email       varchar(200),
    created_at  timestamptz  not null
);
create index person_unit_idx on person (unit_id);

create table customer (
    id               uuid primary key,
    code             varchar(64)  not null unique,
    name             varchar(200) not null,
    level            varchar(16)  not null check (level in ('GROUP', 'PROVINCIAL', 'LOCAL')),
    hq_province      varchar(64)  not null,
    hq_city          varchar(64)  not null,
    cce_id           uuid references person (id),
    cm_id            uuid references person (id),
    escalation_list  text         not null default '[]',
    created_at       timestamptz  not null
);

create table circuit (
    id                uuid primary key,
    code              varchar(64)  not null unique,
    customer_id       uuid         not null references customer (id),
    business_type     varchar(32)  not null,
    a_station         varchar(100) not null,
    a_city            varchar(64)  not null,
    a_province        varchar(64)  not null,
    a_capital         boolean      not null,
    a_overseas        boolean      not null,
    a_unit_id         uuid         not null references unit (id),
    z_station         varchar(100) not null,
    z_city            varchar(64)  not null,
    z_province        varchar(64)  not null,
    z_capital         boolean      not null,
    z_overseas        boolean      not null,
    z_unit_id         uuid         not null references unit (id),
    backbone_unit_id  uuid references unit (id),
    created_at        timestamptz  not null
);
create index circuit_customer_idx on circuit (customer_id);
