-- The instance of Peduli that runs an import job. At its next start an instance marks its own running jobs as
-- interrupted at once; jobs of other instances on the same database keep the heartbeat rule.
alter table registry.import_job add column instance_id text;
