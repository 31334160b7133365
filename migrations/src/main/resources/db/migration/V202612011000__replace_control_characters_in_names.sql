-- Names and reward texts refuse control characters from now on (PlainText in core): the value objects
-- check it when rows are read, so rows stored before the rule get a space for each such character.
-- A reward's description keeps tab, line feed and carriage return.
UPDATE customers
   SET name = COALESCE(NULLIF(btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029]', ' ', 'g')), ''), 'Member')
 WHERE name ~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]';

UPDATE stores
   SET name = COALESCE(NULLIF(btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029]', ' ', 'g')), ''), code)
 WHERE name ~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]';

UPDATE rewards
   SET name = COALESCE(NULLIF(btrim(regexp_replace(name, '[\u0001-\u001f\u007f-\u009f\u2028\u2029]', ' ', 'g')), ''), 'Reward')
 WHERE name ~ '[\u0001-\u001f\u007f-\u009f\u2028\u2029]';

UPDATE rewards
   SET description = regexp_replace(description, '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]', ' ', 'g')
 WHERE description ~ '[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]';
