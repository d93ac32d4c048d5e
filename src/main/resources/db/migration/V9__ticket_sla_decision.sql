-- T8: the resolution figures decided at close (exemption by the final cause), kept for reports.
alter table ticket add column sla_limit_seconds     bigint;
alter table ticket add column sla_elapsed_seconds   bigint;
alter table ticket add column sla_suspended_seconds bigint;
alter table ticket add column sla_exempt_seconds    bigint;
alter table ticket add column sla_counted_seconds   bigint;
alter table ticket add column sla_met               boolean;
