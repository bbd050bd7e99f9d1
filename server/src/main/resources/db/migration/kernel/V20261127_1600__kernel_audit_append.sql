-- Appends audit entries in one round trip: takes the audit chain's advisory lock, reads the chain head
-- and inserts each entry with a new id, the previous hash and its own hash. The hash is SHA-256 over the
-- length-prefixed fields (AuditChain): the previous hash and the id, known only here under the lock, then
-- the rest, which the caller sends already encoded (tails). Volatile PL/pgSQL, so the head is read after
-- the lock is held (see kernel_audit_reserve, which a node of the previous version still calls while an
-- upgrade rolls through).
create function kernel_audit_append(lock_key bigint, occurred timestamptz, actors text[], actions text[],
        targets text[], details text[], ips text[], trace_ids text[], tails bytea[])
    returns void
    language plpgsql volatile as $$
declare
    previous char(64);
    entry_id bigint;
    entry_hash char(64);
begin
    perform pg_advisory_xact_lock(lock_key);
    select e.hash into previous from kernel_audit_event e order by e.id desc limit 1;
    previous := coalesce(previous, repeat('0', 64));
    for i in 1 .. cardinality(tails) loop
        entry_id := nextval('kernel_audit_event_id_seq');
        entry_hash := encode(sha256(convert_to('64:' || previous || length(entry_id::text) || ':' || entry_id::text,
                'UTF8') || tails[i]), 'hex');
        insert into kernel_audit_event (id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash)
        values (entry_id, occurred, actors[i], actions[i], targets[i], details[i], ips[i], trace_ids[i], previous,
                entry_hash);
        previous := entry_hash;
    end loop;
end;
$$;
