-- Idempotency-Key (API.md, docs/idempotency.md): one row per key and endpoint. The primary key decides
-- which of two concurrent requests with the same key runs; the other is told the key is in use or gets
-- the recorded response replayed. Rows older than onepoint.idempotency.retention are purged.
create table idempotency_key (
    key           varchar(255)  not null,
    method        varchar(10)   not null,
    path          varchar(2000) not null,
    request_hash  char(64)      not null,   -- SHA-256 of the request body, hex
    state         varchar(12)   not null check (state in ('IN_PROGRESS', 'DONE')),
    status        smallint,                 -- the recorded response, once DONE
    content_type  varchar(255),
    location      text,
    etag          varchar(255),
    body          text,
    created_at    timestamptz   not null,   -- when the key was claimed; retention counts from here
    completed_at  timestamptz,
    primary key (key, method, path),
    check (state = 'IN_PROGRESS' or status is not null)
);
create index idempotency_key_created_at_idx on idempotency_key (created_at);
