-- The day a plan began and the day each goal was achieved, for the workshop's "goals achieved" per site and month.
--
-- plan.started_on: a plan made from an assessment begins on the assessment's day; plans written before this
-- migration begin on the day they were created (the only date they carry).
alter table casework.plan add column started_on date;
update casework.plan set started_on = created_at::date;
alter table casework.plan alter column started_on set not null;
alter table casework.plan alter column started_on set default current_date;

-- goal.achieved_on: set while the goal is ACHIEVED, empty otherwise. Goals have no history of their own, so a goal
-- already ACHIEVED gets its review date (the date the worker set at the review that closed it), but never a day after
-- this migration and never before its plan began.
alter table casework.goal add column achieved_on date;
update casework.goal g set achieved_on = greatest(least(g.review_on, current_date), p.started_on)
from casework.plan p
where p.id = g.plan_id and g.status = 'ACHIEVED';
alter table casework.goal add constraint goal_achieved_check
    check ((status = 'ACHIEVED') = (achieved_on is not null));

create index goal_achieved_idx on casework.goal (achieved_on) where achieved_on is not null;
