-- The client address of the request that last started work on an import job (the upload, then each validation or
-- commit). The job writes its audit entries on its own thread, after that request has returned: they carry this
-- address so that every entry of the processing log has one.
alter table registry.import_job add column client_address varchar(64);
