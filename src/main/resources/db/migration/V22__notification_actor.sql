-- Who caused a notification (docs/security.md, "Records"): the authenticated subject of the request that wrote
-- it, a person's id or service:<client>; null for the service's own work (timer sweeps, demo data).
alter table notification add column actor varchar(80);
