-- The id a member has in the brand's till or ERP, given by a members import: importing the same member again
-- finds them by it (and purchase imports name their customer by it). Unique when present; members who joined
-- through a chat or a till have none.
ALTER TABLE customers ADD COLUMN external_id text
    CONSTRAINT customers_external_id_check CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 64);
ALTER TABLE customers ADD CONSTRAINT customers_external_id_key UNIQUE (external_id);
