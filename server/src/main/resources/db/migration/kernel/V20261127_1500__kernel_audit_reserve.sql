-- Takes the audit chain's advisory lock, then reads the chain head and reserves n ids, in one round
-- trip. A plain statement could not do both: its snapshot is taken before it waits for the lock, so it
-- could miss an entry committed meanwhile. In a volatile PL/pgSQL function each query takes a new
-- snapshot (READ COMMITTED), so the head is read after the lock is held.
create function kernel_audit_reserve(lock_key bigint, n integer)
    returns table (head_hash char(64), new_id bigint)
    language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(lock_key);
    return query
        select (select e.hash from kernel_audit_event e order by e.id desc limit 1),
               nextval('kernel_audit_event_id_seq')
        from generate_series(1, n);
end;
$$;
