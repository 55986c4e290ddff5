-- The amounts of every approved payout run per site and month, sorted, with their median, so that the dashboard's
-- median earnings read one short row per site and month instead of every payout line (with its working text) on every
-- request. An approved run is frozen: its lines are never changed afterwards (corrections are adjustments paid with a
-- later run), so the row is written once, by the trigger below, in the transaction that approves the run, whichever
-- code approves it. The median of one site is read as it is; the median of a group of sites (a province, a centre,
-- the programme) is computed over the group's amounts, exactly as over the payout lines before.
create table workshop.site_month_earnings (
    site_id  bigint           not null,
    month    date             not null,
    run_id   bigint           not null unique,
    lines    integer          not null,
    median   double precision not null,
    amounts  bigint[]         not null,
    primary key (site_id, month)
);
create index site_month_earnings_month on workshop.site_month_earnings (month);

-- Counts every change of the table above, in the same transaction: medians of groups of sites computed from a given
-- version stay right as long as the version has not moved.
create table workshop.month_earnings_mark (
    id       integer primary key check (id = 1),
    version  bigint  not null
);
insert into workshop.month_earnings_mark (id, version) values (1, 0);

create function workshop.keep_site_month_earnings() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        if old.status = 'APPROVED' then
            delete from workshop.site_month_earnings where run_id = old.id;
            update workshop.month_earnings_mark set version = version + 1 where id = 1;
        end if;
    end if;
    if tg_op <> 'DELETE' then
        if new.status = 'APPROVED' then
            insert into workshop.site_month_earnings (site_id, month, run_id, lines, median, amounts)
            select new.site_id, new.period, new.id, count(*), percentile_cont(0.5) within group (order by l.amount),
                array_agg(l.amount order by l.amount)
            from workshop.payout_line l where l.run_id = new.id
            having count(*) > 0;
            update workshop.month_earnings_mark set version = version + 1 where id = 1;
        end if;
    end if;
    return null;
end $$;

create trigger payout_run_month_earnings after insert or update of status or delete on workshop.payout_run
    for each row execute function workshop.keep_site_month_earnings();

-- the runs approved before this migration
insert into workshop.site_month_earnings (site_id, month, run_id, lines, median, amounts)
select r.site_id, r.period, r.id, count(*), percentile_cont(0.5) within group (order by l.amount),
    array_agg(l.amount order by l.amount)
from workshop.payout_run r join workshop.payout_line l on l.run_id = r.id
where r.status = 'APPROVED'
group by r.id, r.site_id, r.period;
