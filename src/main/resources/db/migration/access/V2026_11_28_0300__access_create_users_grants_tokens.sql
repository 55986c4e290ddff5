create table access.user_account (
    id                    bigserial primary key,
    username              varchar(60)  not null,
    full_name             varchar(200) not null,
    email                 varchar(200),
    phone                 varchar(30),
    locale                varchar(5)   not null default 'id',
    enabled               boolean      not null default true,
    password_hash         varchar(200) not null,
    must_change_password  boolean      not null default false,
    failed_attempts       integer      not null default 0,
    locked_until          timestamptz,
    demo                  boolean      not null default false,
    last_login_at         timestamptz,
    password_changed_at   timestamptz,
    version               integer      not null default 0,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);
create unique index user_account_username_idx on access.user_account (lower(username));

-- A grant gives a role for an organisation unit and everything below it; no unit means every unit.
create table access.role_grant (
    id           bigserial primary key,
    user_id      bigint      not null references access.user_account (id) on delete cascade,
    role         varchar(30) not null,
    org_unit_id  bigint,
    created_at   timestamptz not null default now(),
    created_by   varchar(60),
    constraint role_grant_role_check check (role in ('SYSTEM_ADMIN', 'DPO', 'AUDITOR', 'UNIT_HEAD',
        'PROGRAM_MANAGER', 'SOCIAL_WORKER', 'SITE_MENTOR', 'LOGISTICS_OFFICER', 'UNIT_OPERATOR', 'AGENCY_VERIFIER',
        'SECRETARIAT', 'EVALUATOR', 'PANELIST'))
);
create unique index role_grant_unique_idx on access.role_grant (user_id, role, coalesce(org_unit_id, 0));
create index role_grant_unit_idx on access.role_grant (org_unit_id);

-- Personal access tokens for the API: only a SHA-256 hash is kept; the token is shown once.
create table access.api_token (
    id            bigserial primary key,
    user_id       bigint       not null references access.user_account (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    char(64)     not null unique,
    prefix        varchar(16)  not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_user_idx on access.api_token (user_id);
