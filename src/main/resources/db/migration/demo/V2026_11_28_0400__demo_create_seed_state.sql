-- Remembers that the demo data set was loaded completely, so it is loaded on the first start only.
create table demo.seed_state (
    name        varchar(60) primary key,
    completed_at timestamptz not null default now()
);
