-- The relay updates every outbox row once (it sets seq), so the table and the partial index of unsequenced
-- rows gather dead entries at the rate events are written. Vacuum after 1 % of the table (plus 1,000 rows)
-- instead of PostgreSQL's 20 %, so the relay's scans stay short between vacuums (docs/feed.md, "Relay").
alter table event_outbox set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
