-- Bulk imports of people and households from CSV or XLSX. The uploaded file lives on disk under
-- <data-dir>/imports/<job id> until it is committed or its retention period ends; a job keeps what was detected in
-- it, the column mapping, its progress and counts. Issues are stored as message keys with arguments and translated
-- when shown, so a report is in the language of whoever reads it.
create table registry.import_job (
    id                bigserial    primary key,
    owner_id          bigint       not null,
    owner_username    varchar(100) not null,
    org_unit_id       bigint       not null,
    file_name         varchar(255) not null,
    format            varchar(4)   not null check (format in ('CSV', 'XLSX')),
    size_bytes        bigint       not null,
    encoding          varchar(20),
    bom               boolean      not null default false,
    delimiter         varchar(5),
    headers           jsonb        not null default '[]',
    mapping           jsonb        not null default '{}',
    mode              varchar(20)  check (mode in ('ALL_OR_NOTHING', 'VALID_ONLY')),
    status            varchar(12)  not null check (status in ('UPLOADED', 'VALIDATING', 'VALIDATED', 'COMMITTING',
        'COMMITTED', 'FAILED')),
    phase             varchar(10)  check (phase in ('READING', 'CHECKING', 'WRITING')),
    total_rows        integer      not null default 0,
    processed_rows    integer      not null default 0,
    valid_rows        integer,
    error_rows        integer,
    warning_rows      integer,
    new_rows          integer,
    existing_rows     integer,
    created_rows      integer,
    updated_rows      integer,
    unchanged_rows    integer,
    households        integer,
    error_key         varchar(100),
    error_args        jsonb,
    created_at        timestamptz  not null default now(),
    started_at        timestamptz,
    heartbeat_at      timestamptz,
    finished_at       timestamptz,
    validated_at      timestamptz,
    committed_at      timestamptz,
    file_deleted_at   timestamptz,
    version           integer      not null default 0
);
create index import_job_owner_idx on registry.import_job (owner_id, created_at desc);
create index import_job_unit_idx on registry.import_job (org_unit_id);

create table registry.import_issue (
    job_id        bigint       not null references registry.import_job (id) on delete cascade,
    row_number    integer      not null,
    column_name   varchar(40),
    severity      varchar(7)   not null check (severity in ('ERROR', 'WARNING')),
    message_key   varchar(100) not null,
    message_args  jsonb        not null default '[]'
);
create index import_issue_job_idx on registry.import_issue (job_id, row_number);

-- Which import created or last updated a person, for tracing a bulk load back to its file. No foreign key: jobs may
-- be cleaned up, and a per-row check would slow bulk loads down.
alter table registry.person add column import_job_id bigint;
