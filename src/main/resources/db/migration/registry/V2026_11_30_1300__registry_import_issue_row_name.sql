-- The name of the person on a row with a problem, so that the report names who the row is about; cleared with the
-- uploaded file.
alter table registry.import_issue add column row_name varchar(200);
