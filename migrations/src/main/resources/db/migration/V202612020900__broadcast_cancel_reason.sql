-- The service itself cancels a scheduled broadcast whose segment was deleted while it waited, and keeps the reason
-- in the same column as a pause's: a reason now belongs to a PAUSED broadcast (always) or a CANCELLED one (when the
-- service cancelled it).
ALTER TABLE broadcasts DROP CONSTRAINT broadcasts_paused_check;
ALTER TABLE broadcasts ADD CONSTRAINT broadcasts_paused_check
    CHECK ((state <> 'PAUSED' OR pause_reason IS NOT NULL) AND (pause_reason IS NULL OR state IN ('PAUSED', 'CANCELLED')));
