-- Monthly figures per site, kept up to date from the attendance and production records (which are only ever added),
-- so that the dashboard over a year of a large programme reads thousands of rows instead of millions. Production is
-- kept per product in accepted units, so a changed sale price still applies to every month, as before.
create table workshop.site_month (
    site_id              bigint  not null,
    month                date    not null,
    marks                integer not null,
    present_marks        integer not null,
    participants_active  integer not null,
    primary key (site_id, month)
);

create table workshop.site_month_product (
    site_id     bigint not null,
    month       date   not null,
    product_id  bigint not null,
    accepted    bigint not null,
    primary key (site_id, month, product_id)
);
create index site_month_product_month on workshop.site_month_product (month);
create index site_month_month on workshop.site_month (month);

-- The last record ids the figures include.
create table workshop.month_figures_mark (
    id             integer primary key check (id = 1),
    attendance_id  bigint  not null,
    production_id  bigint  not null
);

insert into workshop.site_month (site_id, month, marks, present_marks, participants_active)
select site_id, date_trunc('month', held_on)::date, count(*), count(*) filter (where present),
    count(distinct enrolment_id) filter (where present)
from workshop.attendance group by 1, 2;

insert into workshop.site_month_product (site_id, month, product_id, accepted)
select site_id, date_trunc('month', made_on)::date, product_id, sum(quantity - rejects)
from workshop.production_record where product_id is not null group by 1, 2, 3;

insert into workshop.month_figures_mark (id, attendance_id, production_id)
select 1, coalesce((select max(id) from workshop.attendance), 0),
    coalesce((select max(id) from workshop.production_record), 0);

create index payout_run_approved_period on workshop.payout_run (period) where status = 'APPROVED';
create index placement_started on workshop.placement (started_on);
