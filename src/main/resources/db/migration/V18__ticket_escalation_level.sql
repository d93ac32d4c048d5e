-- T14: the ticket's own escalation level (T13 reasons and the customer's escalations), and where it stands now.
alter table ticket add column escalation_level   integer     not null default 0;
alter table ticket add column escalation_tier    varchar(16) check (escalation_tier in ('GROUP', 'PROVINCE', 'LOCAL'));
alter table ticket add column escalation_unit_id uuid        references unit (id);

-- Tickets escalated before the column existed: the highest direct escalation, at its unit.
update ticket t
   set escalation_level = e.level, escalation_tier = e.tier, escalation_unit_id = e.unit_id
  from (select distinct on (subject_id) subject_id, level, tier, unit_id
          from escalation
         where subject_type = 'TICKET' and timer_id is null
         order by subject_id, level desc, escalated_at desc) e
 where e.subject_id = t.id;
