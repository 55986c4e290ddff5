-- Changes whenever a user's sessions must end at once: an administrator reset the password, disabled the account or
-- took a grant away. A signed-in session carries the value it started with and ends when it no longer matches.
alter table access.user_account add column security_stamp integer not null default 0;
