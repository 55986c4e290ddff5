-- The secretariat edits each evaluator's cap for a period; the version guards against two people editing at once.
alter table innovation.period_evaluator add column version integer not null default 1;
