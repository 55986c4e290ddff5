-- Append-only processing log (UU 27/2022): who did what to which record, when, why and from where.
create table audit.entry (
    id              bigserial primary key,
    occurred_at     timestamptz  not null default now(),
    user_id         bigint,
    username        varchar(100),
    action          varchar(40)  not null,
    subject_type    varchar(60),
    subject_id      varchar(100),
    org_unit_id     bigint,
    purpose         varchar(500),
    client_address  varchar(64),
    user_agent      varchar(300),
    changes         jsonb
);

create index entry_occurred_idx on audit.entry (occurred_at desc);
create index entry_subject_idx on audit.entry (subject_type, subject_id);
create index entry_user_idx on audit.entry (username, occurred_at desc);
create index entry_action_idx on audit.entry (action, occurred_at desc);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger entry_append_only
    before update or delete on audit.entry
    for each row execute function audit.refuse_change();

create trigger entry_no_truncate
    before truncate on audit.entry
    for each statement execute function audit.refuse_change();
