-- Idempotency keys of retried API creates (docs/api.md): the first successful answer to a POST that carried an
-- Idempotency-Key, kept for the caller for a day and replayed when the same key and body come again.
create schema if not exists platform;

create table platform.idempotency_key (
    user_id      bigint       not null,
    idem_key     varchar(100) not null,
    request_hash bytea        not null,  -- SHA-256 of method, path and body: the same key with another body is refused
    status       integer,                -- null while the first request is still running
    location     varchar(500),
    content_type varchar(200),
    body         bytea,                  -- the answer, sealed with the field encryption key (it may hold personal data)
    created_at   timestamptz  not null,
    locked_until timestamptz  not null,  -- a running request older than this is taken as dead
    expires_at   timestamptz  not null,
    primary key (user_id, idem_key)
);

create index idempotency_key_expires_at on platform.idempotency_key (expires_at);
