-- Code sets owned by a module (the hall's rooms, "hall-rooms"): their owner keeps the values in step with its own
-- data through the ModuleCodeSets API, and the code-set administration shows them read-only.
alter table workflow_code_set add column owner varchar(32);
