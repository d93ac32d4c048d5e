-- Live feeds (issue 4): the relay gives every committed outbox row a gap-free feed position `seq`;
-- clients only ever see sequenced rows, in seq order (docs/feed.md explains why this loses nothing).

-- seq: assigned once, by the relay, after the writing transaction committed. null = not yet on the feed.
-- root_id: the ticket (or order) an event belongs to, for /ws/tickets/{id}.
alter table event_outbox add column seq bigint unique;
alter table event_outbox add column root_id uuid;

-- What the relay scans: unsequenced rows in (txid, id) order. Stays tiny, since rows leave it within ms.
create index event_outbox_unsequenced_idx on event_outbox (txid, id) where seq is null;
-- One ticket's events in feed order.
create index event_outbox_root_idx on event_outbox (root_id, seq);

-- The one counter behind seq: the relay locks this row, numbers the next rows from `last`, and moves it
-- on in the same transaction, so seq has no gap and no two rows share a number.
create table feed_sequence (
    id    smallint primary key default 1 check (id = 1),
    last  bigint   not null
);
insert into feed_sequence (id, last) values (1, 0);

-- Rows written before this migration.
update event_outbox e
   set root_id = coalesce((select w.subject_id from work_order w
                            where e.subject_type = 'WORK_ORDER' and w.id = e.subject_id), e.subject_id);

-- root_id for writers that do not give one (Outbox.append without rootId, the timer engine's raw SQL):
-- the subject itself, or for a work order the ticket/order it was dispatched for.
create function event_outbox_root() returns trigger language plpgsql as $$
begin
    if new.root_id is null then
        if new.subject_type = 'WORK_ORDER' then
            select w.subject_id into new.root_id from work_order w where w.id = new.subject_id;
        end if;
        new.root_id := coalesce(new.root_id, new.subject_id);
    end if;
    return new;
end
$$;
create trigger event_outbox_root_trg before insert on event_outbox
    for each row execute function event_outbox_root();

-- Wakes the relay when a writing transaction commits (NOTIFY is delivered at commit, once per transaction
-- and channel); the relay also polls, so a lost notification only costs one poll interval.
create function event_outbox_wake() returns trigger language plpgsql as $$
begin
    perform pg_notify('onepoint_outbox', '');
    return null;
end
$$;
create trigger event_outbox_wake_trg after insert on event_outbox
    for each statement execute function event_outbox_wake();
